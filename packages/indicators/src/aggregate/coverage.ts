// How much of a larger area an aggregate covers, so gaps are reported and never read as zero.

/** complete: every input present; partial: some missing; missing: none usable. */
export const aggregateStatuses = ['complete', 'partial', 'missing'] as const;
export type AggregateStatus = (typeof aggregateStatuses)[number];

/** Which inputs an aggregate is built from, by count and by weight (population or denominator). */
export interface Coverage {
  readonly status: AggregateStatus;
  readonly inputsTotal: number;
  readonly inputsCovered: number;
  /** Sum of the known weights of all inputs (denominators or populations). */
  readonly weightTotal: number;
  /** Sum of the weights of the inputs used. */
  readonly weightCovered: number;
  /** weightCovered / weightTotal, or null when no input has a known weight. */
  readonly share: number | null;
}

/** The status for `covered` usable inputs out of `total`. */
export function statusOf(covered: number, total: number): AggregateStatus {
  if (covered === 0) return 'missing';
  return covered === total ? 'complete' : 'partial';
}

/** Describes coverage for people: "9 of 10 small areas, 93.1% of the population". */
export function describeCoverage(coverage: Coverage, unit = 'small areas'): string {
  const parts = `${coverage.inputsCovered} of ${coverage.inputsTotal} ${unit}`;
  if (coverage.share === null) return parts;
  return `${parts}, ${(coverage.share * 100).toFixed(1)}% of the population`;
}
