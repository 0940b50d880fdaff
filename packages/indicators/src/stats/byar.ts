// Crude rates per multiplier with Byar's approximation, or exact Poisson limits for small counts.
import { type Interval, type IntervalOptions, assertMultiplier, zFor } from './interval.ts';
import { type CountLimits, assertCount, exactPoissonLimits } from './poisson-exact.ts';

/** Counts below this use exact Poisson limits, as Fingertips does (Byar is within 0.2% above it). */
export const BYAR_MINIMUM_COUNT = 10;

/**
 * Byar's approximation to the Poisson limits for O events:
 * O_L = O(1 − 1/(9O) − z/(3√O))³, O_U = (O+1)(1 − 1/(9(O+1)) + z/(3√(O+1)))³.
 * @see Breslow NE, Day NE. Statistical Methods in Cancer Research, vol II. IARC 1987
 */
export function byarLimits(observed: number, z: number): CountLimits {
  assertCount(observed);
  const next = observed + 1;
  const upper = next * (1 - 1 / (9 * next) + z / (3 * Math.sqrt(next))) ** 3;
  if (observed === 0) return { lower: 0, upper };
  const lower = observed * (1 - 1 / (9 * observed) - z / (3 * Math.sqrt(observed))) ** 3;
  // Byar can dip below zero for tiny counts at high confidence; a count cannot.
  return { lower: Math.max(0, lower), upper };
}

/**
 * Crude rate O/n × multiplier with limits from Byar's method, or exact Poisson limits when
 * O < 10; `method` says which was used.
 * @see APHO/PHE Technical Guide "Confidence Intervals" (Byar's method, χ² exact method)
 * @see Breslow NE, Day NE. Statistical Methods in Cancer Research, vol II. IARC 1987
 */
export function byarRate(
  observed: number,
  denominator: number,
  options: IntervalOptions = {},
): Interval<'byar' | 'exact_poisson'> {
  const confidence = options.confidence ?? 0.95;
  const multiplier = options.multiplier ?? 1;
  assertCount(observed);
  if (!(Number.isFinite(denominator) && denominator > 0)) {
    throw new RangeError(`the denominator must be a finite number > 0, got ${String(denominator)}`);
  }
  assertMultiplier(multiplier);
  const exact = observed < BYAR_MINIMUM_COUNT;
  const limits = exact
    ? exactPoissonLimits(observed, confidence)
    : byarLimits(observed, zFor(confidence));
  const scale = multiplier / denominator;
  return {
    value: observed * scale,
    lower: limits.lower * scale,
    upper: limits.upper * scale,
    confidence,
    method: exact ? 'exact_poisson' : 'byar',
  };
}
