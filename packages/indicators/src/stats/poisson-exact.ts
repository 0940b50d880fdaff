// Exact Poisson confidence limits for an observed count, through gamma (chi-square) quantiles.
import { assertConfidence } from './interval.ts';
import { inverseRegularizedGammaP, inverseRegularizedGammaQ } from './gamma.ts';

/** Lower and upper confidence limits for an expected count. */
export interface CountLimits {
  readonly lower: number;
  readonly upper: number;
}

/** Throws a RangeError unless the count is a finite number >= 0. */
export function assertCount(observed: number): void {
  if (!Number.isFinite(observed)) {
    throw new RangeError(`the number of events must be finite, got ${String(observed)}`);
  }
  if (observed < 0) throw new RangeError(`the number of events must be >= 0, got ${observed}`);
}

/**
 * Exact (Garwood) Poisson limits for O events: O_L = χ²(α/2; 2O)/2, O_U = χ²(1−α/2; 2O+2)/2,
 * computed as gamma quantiles P⁻¹(O, α/2) and Q⁻¹(O+1, α/2); O_L = 0 when O = 0.
 * @see Garwood F. Fiducial limits for the Poisson distribution. Biometrika 1936;28:437–42
 * @see Armitage P, Berry G. Statistical Methods in Medical Research, 4th edn (2002)
 */
export function exactPoissonLimits(observed: number, confidence = 0.95): CountLimits {
  assertCount(observed);
  assertConfidence(confidence);
  const tail = (1 - confidence) / 2;
  return {
    lower: observed === 0 ? 0 : inverseRegularizedGammaP(observed, tail),
    upper: inverseRegularizedGammaQ(observed + 1, tail),
  };
}
