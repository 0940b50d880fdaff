// The one rounding step behind every number the rug shows: the value × 10^decimals rounded to a
// whole number, as Number#toFixed rounds. formatNumber writes those digits out, roundAsDisplayed
// divides them back, and cell texts are kept by them (equal digits, equal text).

/** 10^decimals for the decimals the fast path handles. */
export const POW10 = [1, 10, 100, 1000, 1e4, 1e5, 1e6] as const;

/**
 * `value` × 10^`decimals` rounded to a whole number, negative for negative values (0 for any
 * value that rounds to zero), when that agrees with Number#toFixed: below 1e8 the product is
 * within 1e-8 of the exact decimal, so rounding it agrees unless it sits that close to a half.
 * NaN for those few, for larger values, for more than 6 decimals and for non-finite values,
 * which are left to toFixed.
 */
export function displayedDigits(value: number, decimals: number): number {
  const scale = POW10[decimals as 0 | 1 | 2 | 3 | 4 | 5 | 6];
  const abs = Math.abs(value);
  const raw = scale === undefined ? Number.POSITIVE_INFINITY : abs * scale;
  if (!(raw < 1e8) || Math.abs(raw - Math.floor(raw) - 0.5) < 1e-7) return Number.NaN;
  const scaled = Math.round(raw);
  return value < 0 && scaled !== 0 ? -scaled : scaled;
}
