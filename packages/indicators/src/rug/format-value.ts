// Display formatting for indicator values: fixed decimals, thousands separators, units.
// Hand-rolled because Number#toFixed costs about 100 ns a call, and a rug formats hundreds of
// thousands of values; results are identical to toFixed (checked by a property test).

import { POW10, displayedDigits } from './displayed-digits.ts';

// ".0" … ".999": the fractional parts for 1–3 decimals, built once on first use.
const FRACTIONS: (readonly string[] | undefined)[] = [];
function fractionText(fraction: number, decimals: number): string {
  if (decimals > 3) return '.' + String(fraction).padStart(decimals, '0');
  let table = FRACTIONS[decimals];
  if (table === undefined) {
    const size = POW10[decimals as 1 | 2 | 3];
    table = Array.from({ length: size }, (_, i) => '.' + String(i).padStart(decimals, '0'));
    FRACTIONS[decimals] = table;
  }
  return table[fraction] ?? '.' + String(fraction).padStart(decimals, '0');
}

function groupThousands(digits: string): string {
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += ',' + digits.slice(i, i + 3);
  return out;
}

function fallback(abs: number, decimals: number): string {
  const fixed = abs.toFixed(decimals);
  const point = fixed.indexOf('.');
  const intPart = point === -1 ? fixed : fixed.slice(0, point);
  return intPart.length > 3 ? groupThousands(intPart) + fixed.slice(intPart.length) : fixed;
}

/**
 * Rounds to `decimals` places (as Number#toFixed does) with a comma every three integer digits
 * ("12,345", "23.4"), and no minus sign on values that round to zero; "–" for non-finite values.
 */
export function formatNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '–';
  const digits = displayedDigits(value, decimals);
  if (!Number.isNaN(digits)) return writeDigits(digits, decimals);
  const body = fallback(value < 0 ? -value : value, decimals);
  return value < 0 && /[1-9]/.test(body) ? '-' + body : body;
}

// The text of digits from displayedDigits: "-1,234.5" for -12345 at 1 decimal.
function writeDigits(digits: number, decimals: number): string {
  const scaled = digits < 0 ? -digits : digits;
  const unit = POW10[decimals as 0 | 1 | 2 | 3 | 4 | 5 | 6] ?? 1;
  const whole = Math.floor(scaled / unit);
  let body = whole < 1000 ? String(whole) : groupThousands(String(whole));
  if (decimals > 0) body += fractionText(scaled - whole * unit, decimals);
  return digits < 0 ? '-' + body : body;
}

/** The number a reader sees: `value` rounded as {@link formatNumber} shows it. */
export function roundAsDisplayed(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return Number.NaN;
  const digits = displayedDigits(value, decimals);
  if (Number.isNaN(digits)) return Number(formatNumber(value, decimals).replaceAll(',', ''));
  // Digits and 10^decimals are whole and exact, so their quotient is the double nearest the
  // decimal shown: what parsing the text would give, without writing it.
  return digits === 0 ? 0 : digits / (POW10[decimals as 0 | 1 | 2 | 3 | 4 | 5 | 6] ?? 1);
}

// Units that describe the kind of number rather than a quantity: the title already says them.
const SILENT_UNITS = new Set(['score', 'ratio', 'rank', 'decile']);

/** The unit as it follows a number: "%" directly, "km" after a space, silent for score/rank/ratio. */
export function unitSuffix(unit: string): string {
  if (unit === '%') return '%';
  if (unit === '' || SILENT_UNITS.has(unit)) return '';
  return ` ${unit}`;
}

/** A value with its unit for labels: "23.4%", "1.23 km", "12,345". */
export function formatWithUnit(value: number, decimals: number, unit: string): string {
  return formatNumber(value, decimals) + unitSuffix(unit);
}
