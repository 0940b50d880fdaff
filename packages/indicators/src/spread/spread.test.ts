import { describe, expect, it } from 'vitest';
import { quantile, spreadOf } from './spread.ts';

const ascending = (values: number[]) => [...values].sort((a, b) => a - b);

describe('quantile (Hyndman & Fan type 7)', () => {
  it("gives NumPy's documented medians (numpy.quantile reference, method 'linear')", () => {
    // a = np.array([[10, 7, 4], [3, 2, 1]]): np.quantile(a, 0.5) = 3.5;
    // axis=0 → [6.5, 4.5, 2.5]; axis=1 → [7., 2.]
    expect(quantile(ascending([10, 7, 4, 3, 2, 1]), 0.5)).toBe(3.5);
    expect(
      [
        [10, 3],
        [7, 2],
        [4, 1],
      ].map((pair) => quantile(ascending(pair), 0.5)),
    ).toEqual([6.5, 4.5, 2.5]);
    expect(
      [
        [10, 7, 4],
        [3, 2, 1],
      ].map((row) => quantile(ascending(row), 0.5)),
    ).toEqual([7, 2]);
  });

  it('gives the documented first quartile of QUARTILE.INC, the same type 7 estimate', () => {
    // GrapeCity Spread for Windows Forms 11, QUARTILE.INC:
    // QUARTILE.INC({11,21,42,27,18,29,32,52},1) gives 20.25 (18 + 0.75 × (21 − 18)).
    expect(quantile(ascending([11, 21, 42, 27, 18, 29, 32, 52]), 0.25)).toBeCloseTo(20.25, 12);
  });

  it('is the minimum at 0, the maximum at 1, the value itself for one value, NaN for none', () => {
    expect(quantile([1, 2, 3, 4, 10], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4, 10], 1)).toBe(10);
    expect(quantile([7], 0.75)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('spreadOf', () => {
  it('ignores missing values and sorts', () => {
    expect(spreadOf([4, null, 1, 3, 2, Number.NaN])).toEqual({
      min: 1,
      q1: 1.75,
      q3: 3.25,
      max: 4,
      count: 4,
    });
  });

  it('is null with no values', () => {
    expect(spreadOf([null, null])).toBeNull();
  });
});
