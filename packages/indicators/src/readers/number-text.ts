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
  const trimmed = text.trim();
  if (PLAIN.test(trimmed)) return Number(trimmed);
  if (GROUPED.test(trimmed)) return Number(trimmed.replaceAll(',', ''));
  return undefined;
}
