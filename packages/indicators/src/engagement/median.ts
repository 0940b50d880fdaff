// The median of a sample (docs/methods.md §7, "median days to a reply"): the type 7 quantile at
// 0.5, from the one quantile the package has (spread/spread.ts).
import { quantile } from '../spread/spread.ts';

/**
 * The middle value of the sorted sample, or the mean of the two middle values when n is even
 * (R's `median`, type 7 quantile at 0.5); null for an empty sample.
 * @see Hyndman RJ, Fan Y. Sample quantiles in statistical packages. Am Stat 1996;50:361–5
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  for (const v of values) {
    if (!Number.isFinite(v)) throw new RangeError(`values must be finite, got ${String(v)}`);
  }
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}
