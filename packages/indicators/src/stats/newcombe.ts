// Difference between two independent proportions with Newcombe's hybrid score interval.
import { assertConfidence } from './interval.ts';
import { assertProportionInputs, wilson } from './wilson.ts';

/** A difference p1 − p2 with its interval; `real` when the interval excludes 0. */
export interface DifferenceInterval {
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
  readonly confidence: number;
  readonly method: 'newcombe_hybrid_score';
  /** Whether the change is beyond chance at this confidence: the interval excludes 0. */
  readonly real: boolean;
}

/**
 * p1 − p2 = o1/n1 − o2/n2 for independent samples, with the hybrid score interval built from each
 * proportion's Wilson limits (l, u): lower = d − √((p1 − l1)² + (u2 − p2)²),
 * upper = d + √((u1 − p1)² + (p2 − l2)²).
 * @see Newcombe RG. Interval estimation for the difference between independent proportions:
 *   comparison of eleven methods. Stat Med 1998;17:873–90 (method 10)
 */
export function newcombeDifference(
  o1: number,
  n1: number,
  o2: number,
  n2: number,
  options: { readonly confidence?: number } = {},
): DifferenceInterval {
  const confidence = options.confidence ?? 0.95;
  assertConfidence(confidence);
  assertProportionInputs(o1, n1);
  assertProportionInputs(o2, n2);
  const a = wilson(o1, n1, { confidence });
  const b = wilson(o2, n2, { confidence });
  const value = a.value - b.value;
  const lower = value - Math.hypot(a.value - a.lower, b.upper - b.value);
  const upper = value + Math.hypot(a.upper - a.value, b.value - b.lower);
  return {
    value,
    lower,
    upper,
    confidence,
    method: 'newcombe_hybrid_score',
    real: lower > 0 || upper < 0,
  };
}
