// Join codes residents type from a poster: short, upper case, and without characters that look
// alike on paper or a phone screen (0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V).

/** The characters a join code may hold. */
export const JOIN_CODE_ALPHABET = '34679ACDEFGHJKMNPQRTWXY';

/** Length of a join code: 23^6 ≈ 148 million codes, few enough letters to type. */
export const JOIN_CODE_LENGTH = 6;

/** A join code from random bytes (one byte per character; the caller supplies the randomness). */
export function joinCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < JOIN_CODE_LENGTH) throw new RangeError(`need ${JOIN_CODE_LENGTH} random bytes`);
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[bytes[i]! % JOIN_CODE_ALPHABET.length];
  return code;
}

/** A code as a person typed it, made canonical (case, spaces, dashes), or null when it cannot be one. */
export function normaliseJoinCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const c of code) if (!JOIN_CODE_ALPHABET.includes(c)) return null;
  return code;
}
