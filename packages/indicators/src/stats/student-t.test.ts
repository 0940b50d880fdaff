import { describe, expect, it } from 'vitest';
import { regularizedBeta, studentTQuantile } from './student-t.ts';

describe('studentTQuantile', () => {
  // Two-sided critical values of Student's t: Fisher & Yates, Statistical Tables (Table III);
  // also NIST/SEMATECH e-Handbook §1.3.6.7.2.
  it.each([
    [0.975, 1, 12.706],
    [0.975, 2, 4.303],
    [0.975, 9, 2.262],
    [0.975, 10, 2.228],
    [0.975, 30, 2.042],
    [0.975, 120, 1.98],
    [0.95, 5, 2.015],
    [0.999, 10, 4.144],
    [0.999, 1, 318.309],
  ])('gives the tabulated %s quantile with %s degrees of freedom', (p, df, expected) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 3);
  });

  it('is symmetric and zero at the median', () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.228, 3);
  });

  it('tends to the normal quantile as degrees of freedom grow', () => {
    expect(studentTQuantile(0.975, 1e9)).toBeCloseTo(1.959964, 6);
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.959966, 5);
  });

  it('rejects non-positive degrees of freedom', () => {
    expect(() => studentTQuantile(0.975, 0)).toThrow(RangeError);
  });
});

describe('regularizedBeta', () => {
  it('has closed forms: I_x(1, 1) = x and I_x(a, 1) = x^a', () => {
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedBeta(0.5, 3, 1)).toBeCloseTo(0.125, 14);
  });

  it('satisfies the symmetry I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    expect(regularizedBeta(0.2, 2.5, 7) + regularizedBeta(0.8, 7, 2.5)).toBeCloseTo(1, 14);
  });
});
