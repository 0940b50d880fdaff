import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zFor } from './interval.ts';
import { wilson, wilsonColumns, wilsonInto } from './wilson.ts';

describe('wilson', () => {
  // Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of seven
  // methods. Stat Med 1998;17:857–72, Table II, method 3 (score interval without continuity
  // correction), 95%, to 4 decimals.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('reproduces Newcombe (1998) Table II for %i/%i', (o, n, lower, upper) => {
    const ci = wilson(o, n);
    expect(ci.lower).toBeCloseTo(lower, 4);
    expect(ci.upper).toBeCloseTo(upper, 4);
    expect(ci.value).toBe(o / n);
    expect(ci).toMatchObject({ confidence: 0.95, method: 'wilson' });
  });

  // DHSC PHStatsMethods (Python port of PHEindicatormethods), tests/test.wilsons.py: expected
  // limits for 95% and 99.8% from that independent implementation.
  it.each([
    [20, 360, 0.95, 'lower', 0.036248204600072345],
    [550, 2400, 0.998, 'lower', 0.20375892211705743],
    [30, 400, 0.95, 'upper', 0.10504770626130437],
    [76, 238, 0.998, 'upper', 0.418131030603369],
  ] as const)(
    'agrees with PHStatsMethods for %i/%i at %s (%s limit)',
    (o, n, confidence, side, expected) => {
      expect(wilson(o, n, { confidence })[side]).toBeCloseTo(expected, 12);
    },
  );

  it('returns 0 as the lower bound when there are no events, and z²/(n + z²) as the upper', () => {
    const z = zFor(0.95);
    const ci = wilson(0, 20);
    expect(ci.lower).toBe(0);
    expect(ci.upper).toBeCloseTo((z * z) / (20 + z * z), 14);
  });

  it('returns 1 as the upper bound when every case is an event, and n/(n + z²) as the lower', () => {
    const z = zFor(0.95);
    const ci = wilson(29, 29);
    expect(ci.upper).toBe(1);
    expect(ci.lower).toBeCloseTo(29 / (29 + z * z), 14);
  });

  it('scales value and limits by the multiplier (e.g. 100 for a percentage)', () => {
    const share = wilson(81, 263);
    const percent = wilson(81, 263, { multiplier: 100 });
    expect(percent.value).toBeCloseTo(share.value * 100, 12);
    expect(percent.lower).toBeCloseTo(25.53, 2);
    expect(percent.upper).toBeCloseTo(36.62, 2);
  });

  it.each([
    [-1, 10, /events must be >= 0/],
    [11, 10, /must not exceed the denominator/],
    [1, 0, /denominator must be > 0/],
    [Number.NaN, 10, /must be finite/],
    [1, Number.POSITIVE_INFINITY, /must be finite/],
  ])('throws a RangeError for %s events out of %s', (o, n, message) => {
    expect(() => wilson(o, n)).toThrow(RangeError);
    expect(() => wilson(o, n)).toThrow(message);
  });

  it('throws a RangeError for a confidence outside (0, 1) or a bad multiplier', () => {
    expect(() => wilson(1, 10, { confidence: 95 })).toThrow(RangeError);
    expect(() => wilson(1, 10, { multiplier: 0 })).toThrow(RangeError);
  });

  const counts = fc
    .integer({ min: 1, max: 1_000_000 })
    .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

  it('always brackets the estimate inside [0, 1]', () => {
    fc.assert(
      fc.property(counts, fc.constantFrom(0.95, 0.998), ([o, n], confidence) => {
        const ci = wilson(o, n, { confidence });
        expect(ci.lower).toBeGreaterThanOrEqual(0);
        expect(ci.upper).toBeLessThanOrEqual(1);
        expect(ci.lower).toBeLessThanOrEqual(ci.value + 1e-15);
        expect(ci.upper).toBeGreaterThanOrEqual(ci.value - 1e-15);
      }),
    );
  });

  it('gives a 99.8% interval that contains the 95% interval', () => {
    fc.assert(
      fc.property(counts, ([o, n]) => {
        const narrow = wilson(o, n, { confidence: 0.95 });
        const wide = wilson(o, n, { confidence: 0.998 });
        expect(wide.lower).toBeLessThanOrEqual(narrow.lower);
        expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper);
      }),
    );
  });

  it('narrows as the sample grows for the same proportion', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 2, max: 100 }),
        (o, extra, k) => {
          const n = o + extra;
          const small = wilson(o, n);
          const large = wilson(o * k, n * k);
          expect(large.upper - large.lower).toBeLessThan(small.upper - small.lower);
        },
      ),
    );
  });

  it('is symmetric: the interval for n − O events mirrors the one for O', () => {
    fc.assert(
      fc.property(counts, ([o, n]) => {
        const ci = wilson(o, n);
        const mirror = wilson(n - o, n);
        expect(ci.lower).toBeCloseTo(1 - mirror.upper, 12);
        expect(ci.upper).toBeCloseTo(1 - mirror.lower, 12);
      }),
    );
  });
});

describe('wilsonInto and wilsonColumns', () => {
  it('write the same bounds as wilson into a preallocated array', () => {
    const out = new Float64Array(4);
    const z = zFor(0.998);
    wilsonInto(out, 1, 81, 263, z);
    const ci = wilson(81, 263, { confidence: 0.998 });
    expect(out[2]).toBe(ci.lower);
    expect(out[3]).toBe(ci.upper);
  });

  it('write NaN for impossible inputs instead of throwing', () => {
    const out = new Float64Array(2);
    wilsonInto(out, 0, 5, 3, 1.96);
    expect(out[0]).toBeNaN();
    expect(out[1]).toBeNaN();
  });

  it('fill whole columns and refuse an output that is too short', () => {
    const out = wilsonColumns(new Float64Array(4), [0, 15], [20, 148], zFor(0.95));
    expect(out[1]).toBeCloseTo(0.1611, 4);
    expect(out[2]).toBeCloseTo(0.0624, 4);
    expect(() => wilsonColumns(new Float64Array(2), [0, 15], [20, 148], 1.96)).toThrow(RangeError);
  });
});
