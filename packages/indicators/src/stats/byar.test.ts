import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BYAR_MINIMUM_COUNT, byarLimits, byarRate } from './byar.ts';
import { zFor } from './interval.ts';
import { exactPoissonLimits } from './poisson-exact.ts';

describe('byarLimits', () => {
  // APHO/PHE Technical Guide "Confidence Intervals" (2018), Appendix 1: "For 95% confidence
  // intervals, Byar's method is within 0.2% of the exact value for numerators of 10 or more".
  // The exact values here are the chi-square table values (NIST e-Handbook §1.3.6.7.4) halved.
  it('is within 0.2% of the exact limits from chi-square tables at 10 events', () => {
    const { lower, upper } = byarLimits(10, zFor(0.95));
    expect(Math.abs(lower - 9.591 / 2) / (9.591 / 2)).toBeLessThan(0.002);
    expect(Math.abs(upper - 36.781 / 2) / (36.781 / 2)).toBeLessThan(0.002);
  });

  it('is within 0.2% of the exact Poisson limits for every count of 10 or more (95%)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 100_000 }), (o) => {
        const byar = byarLimits(o, zFor(0.95));
        const exact = exactPoissonLimits(o, 0.95);
        expect(Math.abs(byar.lower - exact.lower) / exact.lower).toBeLessThan(0.002);
        expect(Math.abs(byar.upper - exact.upper) / exact.upper).toBeLessThan(0.002);
      }),
    );
  });

  it('follows Breslow & Day (1987): the upper limit uses O + 1, and 0 events give a lower limit of 0', () => {
    const z = zFor(0.95);
    // (O+1)(1 − 1/(9(O+1)) + z/(3√(O+1)))³ for O = 0 is (1 − 1/9 + z/3)³.
    expect(byarLimits(0, z)).toEqual({ lower: 0, upper: (1 - 1 / 9 + z / 3) ** 3 });
  });

  it('never returns a negative lower limit', () => {
    expect(byarLimits(1, zFor(0.998)).lower).toBe(0);
  });
});

describe('byarRate', () => {
  it('uses Byar at 10 events and more, exact Poisson below, and says which', () => {
    expect(byarRate(BYAR_MINIMUM_COUNT, 1000).method).toBe('byar');
    expect(byarRate(BYAR_MINIMUM_COUNT - 1, 1000).method).toBe('exact_poisson');
  });

  it('divides the count limits by the population and scales by the multiplier', () => {
    // 5 events in 10,000 person-years per 1,000: exact limits 1.6235 and 11.6685 events
    // (χ² table: 3.247/2 and 23.337/2), so 0.16235 and 1.16685 per 1,000.
    const rate = byarRate(5, 10_000, { multiplier: 1000 });
    expect(rate.value).toBeCloseTo(0.5, 12);
    expect(rate.lower).toBeCloseTo(0.16235, 4);
    expect(rate.upper).toBeCloseTo(1.16685, 4);
    expect(rate).toMatchObject({ confidence: 0.95, method: 'exact_poisson' });
  });

  it('returns 0 as the lower bound when there are no events', () => {
    const rate = byarRate(0, 2500, { multiplier: 1000, confidence: 0.998 });
    expect(rate.lower).toBe(0);
    expect(rate.upper).toBeCloseTo((-Math.log(0.001) / 2500) * 1000, 10);
  });

  it('gives a 99.8% interval that contains the 95% interval and brackets the rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (o, n) => {
          const narrow = byarRate(o, n, { multiplier: 1000 });
          const wide = byarRate(o, n, { multiplier: 1000, confidence: 0.998 });
          expect(wide.lower).toBeLessThanOrEqual(narrow.lower);
          expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper);
          expect(narrow.lower).toBeLessThanOrEqual(narrow.value);
          expect(narrow.upper).toBeGreaterThanOrEqual(narrow.value);
        },
      ),
    );
  });

  it('narrows (relative to the rate) as the count grows at a fixed rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 2, max: 50 }), (o, k) => {
        const small = byarRate(o, o * 100);
        const large = byarRate(o * k, o * k * 100);
        expect(large.upper - large.lower).toBeLessThan(small.upper - small.lower);
      }),
    );
  });

  it.each([
    [-1, 100],
    [Number.NaN, 100],
    [5, 0],
    [5, Number.POSITIVE_INFINITY],
  ])('throws a RangeError for %s events in a population of %s', (o, n) => {
    expect(() => byarRate(o, n)).toThrow(RangeError);
  });
});
