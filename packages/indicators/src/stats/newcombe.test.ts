import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newcombeDifference } from './newcombe.ts';

describe('newcombeDifference', () => {
  // Newcombe RG. Interval estimation for the difference between independent proportions:
  // comparison of eleven methods. Stat Med 1998;17:873–90, Table II, method 10 (hybrid score
  // interval without continuity correction), 95%, to 4 decimals: the paper's eight examples.
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])('reproduces Newcombe (1998) Table II for %i/%i − %i/%i', (o1, n1, o2, n2, lower, upper) => {
    const d = newcombeDifference(o1, n1, o2, n2);
    expect(d.value).toBeCloseTo(o1 / n1 - o2 / n2, 14);
    expect(d.lower).toBeCloseTo(lower, 4);
    expect(d.upper).toBeCloseTo(upper, 4);
    expect(d).toMatchObject({ confidence: 0.95, method: 'newcombe_hybrid_score' });
  });

  it('calls a change real only when the interval excludes zero', () => {
    expect(newcombeDifference(56, 70, 48, 80).real).toBe(true);
    expect(newcombeDifference(5, 56, 0, 29).real).toBe(false);
    expect(newcombeDifference(48, 80, 56, 70).real).toBe(true);
  });

  it('is wider at 99.8% than at 95%', () => {
    const narrow = newcombeDifference(45, 60, 30, 60);
    const wide = newcombeDifference(45, 60, 30, 60, { confidence: 0.998 });
    expect(wide.lower).toBeLessThan(narrow.lower);
    expect(wide.upper).toBeGreaterThan(narrow.upper);
  });

  it('mirrors when the two samples swap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n1, n2, f1, f2) => {
          const o1 = Math.round(f1 * n1);
          const o2 = Math.round(f2 * n2);
          const ab = newcombeDifference(o1, n1, o2, n2);
          const ba = newcombeDifference(o2, n2, o1, n1);
          expect(ab.lower).toBeCloseTo(-ba.upper, 12);
          expect(ab.upper).toBeCloseTo(-ba.lower, 12);
          expect(ab.lower).toBeGreaterThanOrEqual(-1);
          expect(ab.upper).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('refuses impossible counts', () => {
    expect(() => newcombeDifference(11, 10, 1, 10)).toThrow(RangeError);
    expect(() => newcombeDifference(1, 10, 1, 0)).toThrow(RangeError);
  });
});
