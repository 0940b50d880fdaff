// Comparing an area's estimate with a benchmark, and turning the comparison into a judgement.
import type { Polarity } from '../catalogue/indicator-definition.ts';

/** Where an area's confidence interval lies relative to the benchmark value. */
export const comparisons = ['higher', 'lower', 'similar', 'not_compared'] as const;
export type Comparison = (typeof comparisons)[number];

/** A comparison read through the indicator's polarity. */
export const judgements = [
  'better',
  'worse',
  'similar',
  'higher',
  'lower',
  'not_compared',
] as const;
export type Judgement = (typeof judgements)[number];

/** Why a comparison was not made, so labels can say so instead of showing an empty cell. */
export const notComparedReasons = [
  'no_value',
  'suppressed',
  'no_interval',
  'below_minimum_count',
  'below_minimum_denominator',
  'no_benchmark',
] as const;
export type NotComparedReason = (typeof notComparedReasons)[number];

/** An area's estimate as far as a comparison needs it; absent parts are null or undefined. */
export interface Estimate {
  readonly value?: number | null;
  readonly lower?: number | null;
  readonly upper?: number | null;
  /** Number of events (the numerator), checked against the minimum count. */
  readonly count?: number | null;
  /** Denominator (population, respondents), checked against the minimum denominator. */
  readonly denominator?: number | null;
  /** True when the publisher withheld the value (disclosure control). */
  readonly suppressed?: boolean;
}

/** The smallest count and denominator for which a comparison is published. */
export interface ComparisonMinimums {
  readonly minimumCount?: number | null;
  readonly minimumDenominator?: number | null;
}

/** A comparison and, when not compared, the reason. */
export interface ComparisonOutcome {
  readonly comparison: Comparison;
  readonly reason: NotComparedReason | null;
}

function isNumber(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/**
 * Interval entirely above the benchmark → 'higher', entirely below → 'lower', overlapping or
 * touching → 'similar'; any non-finite input → 'not_compared'. Allocation-free.
 * @see APHO/PHE Technical Guide "Confidence Intervals"; Fingertips benchmarking against a value
 */
export function compareInterval(lower: number, upper: number, benchmark: number): Comparison {
  if (!(Number.isFinite(lower) && Number.isFinite(upper) && Number.isFinite(benchmark))) {
    return 'not_compared';
  }
  if (lower > benchmark) return 'higher';
  if (upper < benchmark) return 'lower';
  return 'similar';
}

/**
 * The first reason an estimate cannot be compared with a benchmark, or null when it can.
 * @see Fingertips: values are not compared when suppressed or based on too few events
 */
export function notComparedReason(
  estimate: Estimate,
  benchmark: number | null | undefined,
  minimums: ComparisonMinimums = {},
): NotComparedReason | null {
  if (estimate.suppressed === true) return 'suppressed';
  if (!isNumber(estimate.value)) return 'no_value';
  if (!isNumber(estimate.lower) || !isNumber(estimate.upper)) return 'no_interval';
  const { minimumCount, minimumDenominator } = minimums;
  if (isNumber(minimumCount) && !(isNumber(estimate.count) && estimate.count >= minimumCount)) {
    return 'below_minimum_count';
  }
  if (
    isNumber(minimumDenominator) &&
    !(isNumber(estimate.denominator) && estimate.denominator >= minimumDenominator)
  ) {
    return 'below_minimum_denominator';
  }
  if (!isNumber(benchmark)) return 'no_benchmark';
  return null;
}

/**
 * Compares an estimate's confidence interval with a benchmark value, saying why when it cannot.
 * @see APHO/PHE Technical Guide "Confidence Intervals"; docs/methods.md §2
 */
export function compareWithBenchmark(
  estimate: Estimate,
  benchmark: number | null | undefined,
  minimums: ComparisonMinimums = {},
): ComparisonOutcome {
  const reason = notComparedReason(estimate, benchmark, minimums);
  if (reason !== null) return { comparison: 'not_compared', reason };
  return {
    comparison: compareInterval(
      estimate.lower ?? Number.NaN,
      estimate.upper ?? Number.NaN,
      benchmark ?? Number.NaN,
    ),
    reason: null,
  };
}

/**
 * Reads a comparison through the polarity: high_is_good makes higher 'better', low_is_good makes
 * higher 'worse', no_judgement keeps 'higher' / 'lower'.
 * @see Fingertips "Compared with benchmark" (better / similar / worse; higher / lower)
 */
export function judge(comparison: Comparison, polarity: Polarity): Judgement {
  switch (comparison) {
    case 'similar':
    case 'not_compared':
      return comparison;
    case 'higher':
      if (polarity === 'high_is_good') return 'better';
      return polarity === 'low_is_good' ? 'worse' : 'higher';
    case 'lower':
      if (polarity === 'high_is_good') return 'worse';
      return polarity === 'low_is_good' ? 'better' : 'lower';
  }
}
