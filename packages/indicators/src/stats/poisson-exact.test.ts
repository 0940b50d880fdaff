import { describe, expect, it } from 'vitest';
import { exactPoissonLimits } from './poisson-exact.ts';

describe('exactPoissonLimits', () => {
  // The exact limits are χ²(α/2; 2O)/2 and χ²(1 − α/2; 2O + 2)/2 (Armitage & Berry 2002;
  // APHO/PHE Technical Guide, Appendix 2): expected values are the chi-square critical values
  // of the NIST/SEMATECH e-Handbook §1.3.6.7.4 table, halved.
  it.each([
    [0, 0.95, 0, 7.378 / 2],
    [2, 0.95, 0.484 / 2, 14.449 / 2],
    [5, 0.95, 3.247 / 2, 23.337 / 2],
    [9, 0.95, 8.231 / 2, 34.17 / 2],
    [5, 0.998, 1.479 / 2, 32.909 / 2],
  ])(
    'for %i events at %s matches the halved chi-square table values',
    (o, confidence, lower, upper) => {
      const limits = exactPoissonLimits(o, confidence);
      expect(limits.lower).toBeCloseTo(lower, 3);
      expect(limits.upper).toBeCloseTo(upper, 3);
    },
  );

  it('has closed forms at the edges: O_U(0) = −ln(α/2), O_L(1) = −ln(1 − α/2)', () => {
    // P(X = 0 | μ) = e^−μ = α/2 and P(X >= 1 | μ) = 1 − e^−μ = α/2 (Garwood 1936).
    expect(exactPoissonLimits(0, 0.95).upper).toBeCloseTo(-Math.log(0.025), 12);
    expect(exactPoissonLimits(0, 0.998).upper).toBeCloseTo(-Math.log(0.001), 12);
    expect(exactPoissonLimits(1, 0.95).lower).toBeCloseTo(-Math.log(0.975), 12);
  });

  it('rejects negative or non-finite counts and bad confidence levels', () => {
    expect(() => exactPoissonLimits(-1)).toThrow(RangeError);
    expect(() => exactPoissonLimits(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => exactPoissonLimits(3, 1)).toThrow(RangeError);
  });
});
