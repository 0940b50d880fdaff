import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, normalQuantile } from './normal.ts';

// Expected values: standard normal table, Abramowitz & Stegun (1964) Table 26.5 / 26.1, and the
// z values the APHO/PHE Technical Guide "Confidence Intervals" quotes (1.959964, 3.090232).
describe('normalQuantile', () => {
  it.each([
    [0.975, 1.959964],
    [0.999, 3.090232],
    [0.995, 2.575829],
    [0.95, 1.644854],
    [0.9, 1.281552],
    [0.5, 0],
  ])('gives the tabulated quantile for p = %s', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 6);
  });

  it('is antisymmetric: the lower tail mirrors the upper', () => {
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959964, 6);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361341, 5);
  });

  it('returns infinities at 0 and 1 and rejects probabilities outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});

describe('normalCdf and erfc', () => {
  it('gives Φ(1.96) = 0.9750 and Φ(−1) = 0.1587 (normal table)', () => {
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
  });

  it('gives erfc(0) = 1 and erfc(1) = 0.157299 (Abramowitz & Stegun Table 7.1)', () => {
    expect(erfc(0)).toBe(1);
    expect(erfc(1)).toBeCloseTo(0.1572992, 7);
    expect(erfc(-1)).toBeCloseTo(1.8427008, 7);
  });
});
