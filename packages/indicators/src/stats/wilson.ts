// Wilson score interval for a proportion O/n (no continuity correction).
import { type Interval, type IntervalOptions, assertMultiplier, zFor } from './interval.ts';

/** Throws a RangeError describing the first problem with a numerator/denominator pair. */
export function assertProportionInputs(observed: number, denominator: number): void {
  if (!Number.isFinite(observed)) {
    throw new RangeError(`the number of events must be finite, got ${String(observed)}`);
  }
  if (!Number.isFinite(denominator)) {
    throw new RangeError(`the denominator must be finite, got ${String(denominator)}`);
  }
  if (observed < 0) throw new RangeError(`the number of events must be >= 0, got ${observed}`);
  if (denominator <= 0) throw new RangeError(`the denominator must be > 0, got ${denominator}`);
  if (observed > denominator) {
    throw new RangeError(
      `the number of events (${observed}) must not exceed the denominator (${denominator})`,
    );
  }
}

// Read straight after each write, so sharing one buffer is never observable and saves an
// allocation per call.
const scratch = new Float64Array(2);

/**
 * Wilson score interval for O events out of n, defined for O = 0 and O = n.
 * @see Wilson EB. Probable inference, the law of succession, and statistical inference. JASA 1927;22:209–12
 * @see Newcombe RG. Two-sided confidence intervals for the single proportion. Stat Med 1998;17:857–72 (method 3)
 */
export function wilson(
  observed: number,
  denominator: number,
  options: IntervalOptions = {},
): Interval<'wilson'> {
  const confidence = options.confidence ?? 0.95;
  const multiplier = options.multiplier ?? 1;
  assertProportionInputs(observed, denominator);
  assertMultiplier(multiplier);
  wilsonInto(scratch, 0, observed, denominator, zFor(confidence));
  return {
    value: (observed / denominator) * multiplier,
    lower: (scratch[0] ?? Number.NaN) * multiplier,
    upper: (scratch[1] ?? Number.NaN) * multiplier,
    confidence,
    method: 'wilson',
  };
}

/**
 * Allocation-free Wilson bounds for hot loops: writes lower to out[2i] and upper to out[2i + 1]
 * as proportions (0–1). Inputs are not validated beyond writing NaN for impossible ones.
 * @see Newcombe RG. Stat Med 1998;17:857–72 (method 3)
 */
export function wilsonInto(
  out: Float64Array,
  i: number,
  observed: number,
  denominator: number,
  z: number,
): void {
  const j = 2 * i;
  // One comparison chain rejects negatives, O > n, n <= 0 and NaN alike.
  if (!(observed >= 0 && observed <= denominator && denominator > 0 && denominator < Infinity)) {
    out[j] = Number.NaN;
    out[j + 1] = Number.NaN;
    return;
  }
  const z2 = z * z;
  const centre = 2 * observed + z2;
  const spread = z * Math.sqrt(z2 + 4 * observed * (1 - observed / denominator));
  const scale = 1 / (2 * (denominator + z2));
  // Clamp away rounding: at O = 0 and O = n the limits are exactly 0 and 1.
  out[j] = observed === 0 ? 0 : (centre - spread) * scale;
  out[j + 1] = observed === denominator ? 1 : (centre + spread) * scale;
}

/**
 * Wilson bounds for whole columns: lower/upper of numerators[i]/denominators[i] into out[2i], out[2i+1].
 * @see Newcombe RG. Stat Med 1998;17:857–72 (method 3)
 */
export function wilsonColumns(
  out: Float64Array,
  numerators: ArrayLike<number>,
  denominators: ArrayLike<number>,
  z: number,
): Float64Array {
  const n = Math.min(numerators.length, denominators.length);
  if (out.length < 2 * n) {
    throw new RangeError(`out needs room for ${2 * n} bounds, has ${out.length}`);
  }
  for (let i = 0; i < n; i++) {
    wilsonInto(out, i, numerators[i] ?? Number.NaN, denominators[i] ?? Number.NaN, z);
  }
  return out;
}
