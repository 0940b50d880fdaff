// Rates and proportions for a larger area: sum the numerators and the denominators.

import { type Coverage, statusOf } from './coverage.ts';

/** One small area's count and denominator; null/undefined or suppressed means not available. */
export interface CountInput {
  readonly numerator?: number | null;
  readonly denominator?: number | null;
  readonly suppressed?: boolean;
}

/** Summed counts of the covered inputs, with coverage. */
export interface CountAggregate extends Coverage {
  /** Sum of covered numerators, or null when nothing is covered. */
  readonly numerator: number | null;
  /** Sum of covered denominators, or null when nothing is covered. */
  readonly denominator: number | null;
}

function known(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function assertNonNegative(x: number, name: string, index: number): void {
  if (x < 0) throw new RangeError(`${name} of input ${index} must be >= 0, got ${x}`);
}

/**
 * Sums numerators and denominators over the inputs that have both (never averages rates). An
 * input with a suppressed or missing numerator is left out and makes the result 'partial'; its
 * denominator still counts in weightTotal, so `share` says how much of the population is covered.
 * @see docs/methods.md §4; APHO/PHE Technical Guide: rates for combined areas from summed counts
 */
export function sumCounts(inputs: Iterable<CountInput>): CountAggregate {
  let inputsTotal = 0;
  let inputsCovered = 0;
  let numerator = 0;
  let denominator = 0;
  let weightTotal = 0;
  let anyWeight = false;
  for (const input of inputs) {
    const index = inputsTotal++;
    const { numerator: o, denominator: n } = input;
    if (known(o)) assertNonNegative(o, 'numerator', index);
    if (known(n)) {
      assertNonNegative(n, 'denominator', index);
      weightTotal += n;
      anyWeight = true;
    }
    if (input.suppressed === true || !known(o) || !known(n)) continue;
    inputsCovered++;
    numerator += o;
    denominator += n;
  }
  const covered = inputsCovered > 0;
  return {
    status: statusOf(inputsCovered, inputsTotal),
    inputsTotal,
    inputsCovered,
    weightTotal,
    weightCovered: denominator,
    share: anyWeight && weightTotal > 0 ? denominator / weightTotal : null,
    numerator: covered ? numerator : null,
    denominator: covered ? denominator : null,
  };
}
