import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanInterval } from './mean.ts';

describe('meanInterval', () => {
  // Boston University School of Public Health, "Confidence Intervals" learning module (Sullivan):
  // Framingham systolic blood pressure, n = 3,539, mean 127.3, SD 19.0 → 95% CI 126.7 to 127.9.
  it('reproduces the BU SPH large-sample example with z', () => {
    const ci = meanInterval(127.3, 19.0, 3539, { distribution: 'normal' });
    expect(ci.lower).toBeCloseTo(126.7, 1);
    expect(ci.upper).toBeCloseTo(127.9, 1);
    expect(ci).toMatchObject({ value: 127.3, confidence: 0.95, method: 'normal_mean' });
  });

  // Same module, small subsample: n = 10, mean 121.2, SD 11.1, t(9) = 2.262 → 113.3 to 129.1.
  it("reproduces the BU SPH small-sample example with Student's t, the default", () => {
    const ci = meanInterval(121.2, 11.1, 10);
    expect(ci.lower).toBeCloseTo(113.3, 1);
    expect(ci.upper).toBeCloseTo(129.1, 1);
    expect(ci.method).toBe('student_t_mean');
  });

  it('is symmetric around the mean, with half-width z·sd/√n', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.integer({ min: 1, max: 1e6 }),
        (mean, sd, n) => {
          const ci = meanInterval(mean, sd, n, { confidence: 0.998, distribution: 'normal' });
          expect(ci.upper - mean).toBeCloseTo(mean - ci.lower, 6);
          // z = 3.090232 for 99.8% (Technical Guide), to its 7 significant figures.
          const expected = (3.090232 * sd) / Math.sqrt(n);
          expect(Math.abs(ci.upper - mean - expected)).toBeLessThanOrEqual(expected * 1e-6 + 1e-9);
        },
      ),
    );
  });

  it('gives a wider t interval than z for small samples', () => {
    const z = meanInterval(10, 2, 5, { distribution: 'normal' });
    const t = meanInterval(10, 2, 5, { distribution: 'student_t' });
    expect(t.upper).toBeGreaterThan(z.upper);
  });

  // t(4) at 0.999 is 7.173 (Student's t tables, e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2): with five
  // values z = 3.090 would make the 99.8% half-width 57% narrower.
  it("uses t on n − 1 degrees of freedom unless told otherwise, as PHEindicatormethods' phe_mean", () => {
    const ci = meanInterval(10, 2, 5, { confidence: 0.998 });
    expect(ci.method).toBe('student_t_mean');
    expect(ci.upper - 10).toBeCloseTo((7.173 * 2) / Math.sqrt(5), 2);
  });

  it.each([
    [Number.NaN, 1, 10],
    [1, -1, 10],
    [1, 1, 0],
    [1, Number.POSITIVE_INFINITY, 10],
  ])('throws a RangeError for mean %s, sd %s, n %s', (mean, sd, n) => {
    expect(() => meanInterval(mean, sd, n, { distribution: 'normal' })).toThrow(RangeError);
  });

  it("needs at least 2 observations for Student's t", () => {
    expect(() => meanInterval(1, 1, 1)).toThrow(RangeError);
  });
});
