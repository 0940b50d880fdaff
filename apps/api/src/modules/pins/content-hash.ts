// A pin's fingerprint: tells a retry of the same submission (same id, same content → the stored
// pin) from a clash (same id, other content → 409). Only what the resident chose counts, in a
// canonical form: the theme as the workshop spells it, the trimmed text, the point rounded to
// 6 decimal places (about 10 cm, so a float that went through JSON twice still matches).
import { createHash } from 'node:crypto';

export interface PinContent {
  workshopId: string;
  kind: string;
  /** The workshop's own spelling (matchTheme), not what was typed. */
  theme: string;
  /** Trimmed. */
  text: string;
  lon: number | null;
  lat: number | null;
  placeId: string | null;
}

const round6 = (value: number | null): string | null => (value === null ? null : value.toFixed(6));

/** SHA-256 (hex) of the pin's canonical content. */
export function contentHash(content: PinContent): string {
  const canonical = JSON.stringify([
    'pin/1',
    content.workshopId.toLowerCase(),
    content.kind,
    content.theme,
    content.text,
    round6(content.lon),
    round6(content.lat),
    content.placeId?.toLowerCase() ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
