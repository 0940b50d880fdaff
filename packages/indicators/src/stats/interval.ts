// The shape every interval function returns, its options, and the confidence levels with their z.
import { normalQuantile } from './normal.ts';

/** The two levels Fingertips offers: 95% and 99.8% (about 2 and 3 standard errors). */
export const confidenceLevels = [0.95, 0.998] as const;
export type ConfidenceLevel = (typeof confidenceLevels)[number];

/** Every method an interval can carry, so the rug and exports can say which was used. */
export const intervalMethods = [
  'wilson',
  'byar',
  'exact_poisson',
  'normal_mean',
  'student_t_mean',
] as const;
export type IntervalMethod = (typeof intervalMethods)[number];

/** A point estimate with its confidence interval and the method behind it. */
export interface Interval<M extends IntervalMethod = IntervalMethod> {
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
  readonly confidence: number;
  readonly method: M;
}

// Full-precision standard normal quantiles (qnorm(0.975), qnorm(0.999) in R); the rounded
// 1.959964 / 3.090232 of the guides differ in the 7th digit.
const Z_95 = 1.959963984540054;
const Z_998 = 3.090232306167813;

/** Whether `x` is one of the supported confidence levels (95% or 99.8%). */
export function isConfidenceLevel(x: unknown): x is ConfidenceLevel {
  return x === 0.95 || x === 0.998;
}

/**
 * Two-sided z value for a confidence level in (0, 1): 1.959964 for 0.95, 3.090232 for 0.998.
 * @see APHO/PHE Technical Guide "Confidence Intervals" (z is the 100(1 − α/2)th normal percentile)
 */
export function zFor(confidence: number): number {
  if (confidence === 0.95) return Z_95;
  if (confidence === 0.998) return Z_998;
  assertConfidence(confidence);
  return normalQuantile(1 - (1 - confidence) / 2);
}

/** Throws a RangeError unless the confidence level is a finite number strictly between 0 and 1. */
export function assertConfidence(confidence: number): void {
  if (!(Number.isFinite(confidence) && confidence > 0 && confidence < 1)) {
    throw new RangeError(
      `confidence must be a number between 0 and 1 (e.g. 0.95 or 0.998), got ${String(confidence)}`,
    );
  }
}

/** Options shared by the interval functions. */
export interface IntervalOptions {
  /** Confidence level in (0, 1); 0.95 by default, 0.998 for Fingertips' "99.8%". */
  readonly confidence?: number;
  /** Scale for value and limits, e.g. 100 for a percentage, 1000 for "per 1,000"; 1 by default. */
  readonly multiplier?: number;
}

/** Throws a RangeError unless the multiplier is a finite number > 0. */
export function assertMultiplier(multiplier: number): void {
  if (!(Number.isFinite(multiplier) && multiplier > 0)) {
    throw new RangeError(`the multiplier must be a finite number > 0, got ${String(multiplier)}`);
  }
}

/** Formats a confidence level for people: 0.95 → "95%", 0.998 → "99.8%". */
export function formatConfidence(confidence: number): string {
  // Round to 4 significant digits so 0.998 * 100 shows as 99.8, not 99.80000000000001.
  return `${String(Number((confidence * 100).toPrecision(4)))}%`;
}
