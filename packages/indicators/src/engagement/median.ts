// The median of a sample (docs/methods.md §7, "median days to a reply").

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
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? null)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
