// Numbers as the IoD2019 and CNI files write them: plain decimals, scientific notation, and
// integers with thousands separators ("1,296" in File 6).

const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * The number a cell holds, or undefined when the text is not a number. Surrounding spaces are
 * ignored; commas are accepted only as thousands separators in groups of three ("1,296",
 * "12,345.5"), never as decimal commas ("1,2").
 * @see https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019 (File 6 formats populations as "1,296")
 */
export function parseNumberText(text: string): number | undefined {
  const digits = plainDigits(text);
  if (digits !== undefined) return digits;
  const trimmed = text.trim();
  if (PLAIN.test(trimmed)) return Number(trimmed);
  if (GROUPED.test(trimmed)) return Number(trimmed.replaceAll(',', ''));
  return undefined;
}

/**
 * The value of 1–15 ASCII digits and nothing else (most cells of the national files), worked
 * out without a regular expression; undefined for anything else. Fifteen digits stay below
 * 2^53, so the sum is exact and equals Number(text).
 */
function plainDigits(text: string): number | undefined {
  const length = text.length;
  if (length === 0 || length > 15) return undefined;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return value;
}
