// The spread of one indicator's values among sibling areas (the wards of an authority): the
// range and the middle half, as a profile's spine chart draws them (after Fingertips).

/** The spread of one indicator's values among sibling areas. */
export interface Spread {
  min: number;
  q1: number;
  q3: number;
  max: number;
  /** How many areas have a value. */
  count: number;
}

/**
 * The p-quantile of ascending values by linear interpolation between order statistics
 * (Hyndman & Fan 1996, type 7; R's and NumPy's default, Excel's PERCENTILE.INC); NaN when
 * there are none.
 * @see docs/methods.md §10; Hyndman RJ, Fan Y. Sample quantiles in statistical packages. Am Stat 1996;50:361–5
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo] ?? Number.NaN;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] ?? below;
  return below + (h - lo) * (above - below);
}

/** Min, quartiles (type 7) and max of the finite values; null when there are none. */
export function spreadOf(values: readonly (number | null)[]): Spread | null {
  const sorted = values
    .filter((v): v is number => v !== null && Number.isFinite(v))
    .sort((a, b) => a - b);
  const min = sorted[0];
  const max = sorted.at(-1);
  if (min === undefined || max === undefined) return null;
  return {
    min,
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    max,
    count: sorted.length,
  };
}
