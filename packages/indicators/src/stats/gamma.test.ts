import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chiSquareQuantile,
  inverseRegularizedGammaP,
  inverseRegularizedGammaQ,
  logGamma,
  regularizedGammaP,
  regularizedGammaQ,
} from './gamma.ts';

describe('logGamma', () => {
  it('matches log of factorials and Γ(1/2) = √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362_880), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    let logFactorial170 = 0;
    for (let k = 2; k <= 170; k++) logFactorial170 += Math.log(k);
    expect(logGamma(171)).toBeCloseTo(logFactorial170, 9);
  });

  it('rejects x <= 0', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
  });
});

describe('regularized incomplete gamma', () => {
  it('reduces to the exponential CDF for shape 1: P(1, x) = 1 − e^−x', () => {
    for (const x of [0.1, 1, 3.688879, 20]) {
      expect(regularizedGammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 14);
      expect(regularizedGammaQ(1, x)).toBeCloseTo(Math.exp(-x), 14);
    }
  });

  it('equals the Poisson tail: Q(k + 1, μ) = P(X <= k) for X ~ Poisson(μ)', () => {
    // P(X <= 3 | μ = 2.5) = e^−2.5 (1 + 2.5 + 2.5²/2 + 2.5³/6)
    const mu = 2.5;
    const direct = Math.exp(-mu) * (1 + mu + (mu * mu) / 2 + (mu * mu * mu) / 6);
    expect(regularizedGammaQ(4, mu)).toBeCloseTo(direct, 14);
  });

  it('keeps P + Q = 1 on both sides of the series / continued-fraction switch', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (a, x) => {
          expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 12);
        },
      ),
    );
  });
});

describe('chiSquareQuantile', () => {
  // NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.4 "Critical values of the
  // chi-square distribution" (3 decimals).
  it.each([
    [0.975, 1, 5.024],
    [0.025, 1, 0.001],
    [0.975, 2, 7.378],
    [0.999, 2, 13.816],
    [0.025, 4, 0.484],
    [0.975, 4, 11.143],
    [0.025, 10, 3.247],
    [0.975, 10, 20.483],
    [0.001, 10, 1.479],
    [0.999, 10, 29.588],
    [0.975, 12, 23.337],
    [0.999, 12, 32.909],
    [0.025, 18, 8.231],
    [0.025, 20, 9.591],
    [0.975, 20, 34.17],
    [0.975, 22, 36.781],
    [0.975, 100, 129.561],
    [0.025, 100, 74.222],
  ])('gives the tabulated %s quantile with %s degrees of freedom', (p, df, expected) => {
    expect(chiSquareQuantile(p, df)).toBeCloseTo(expected, 3);
  });

  it('rejects non-positive degrees of freedom', () => {
    expect(() => chiSquareQuantile(0.5, 0)).toThrow(RangeError);
  });
});

describe('inverse regularized gamma', () => {
  it('inverts P and Q (round trip) across shapes and tails', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 2000, noNaN: true }),
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        (a, p) => {
          const x = inverseRegularizedGammaP(a, p);
          expect(regularizedGammaP(a, x)).toBeCloseTo(p, 10);
          const y = inverseRegularizedGammaQ(a, p);
          expect(regularizedGammaQ(a, y)).toBeCloseTo(p, 10);
        },
      ),
    );
  });

  it('has closed forms for shape 1: P⁻¹(1, p) = −ln(1 − p)', () => {
    expect(inverseRegularizedGammaP(1, 0.025)).toBeCloseTo(-Math.log(0.975), 14);
    expect(inverseRegularizedGammaQ(1, 0.025)).toBeCloseTo(-Math.log(0.025), 13);
  });

  it('returns the ends of the support at p = 0 and p = 1 and rejects other p', () => {
    expect(inverseRegularizedGammaP(3, 0)).toBe(0);
    expect(inverseRegularizedGammaP(3, 1)).toBe(Infinity);
    expect(inverseRegularizedGammaQ(3, 0)).toBe(Infinity);
    expect(() => inverseRegularizedGammaP(3, -0.1)).toThrow(RangeError);
    expect(() => inverseRegularizedGammaQ(0, 0.5)).toThrow(RangeError);
  });
});
