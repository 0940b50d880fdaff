import { describe, expect, it } from 'vitest';
import { describeSpine, orientationOf, spineLayout } from './spine.ts';

describe('spineLayout', () => {
  const spread = { min: 10, q1: 20, q3: 30, max: 50, count: 9 };

  it('runs low to high when high is good, spanning the wards and both benchmarks', () => {
    const layout = spineLayout(spread, { area: 50, parent: 30, england: 0 }, 'high_is_good');
    expect(layout.england).toBeCloseTo(0.04); // England, below every ward, at the left end
    expect(layout.area).toBeCloseTo(0.96);
    expect(layout.range[0]).toBeCloseTo(0.04 + 0.92 * 0.2);
    expect(layout.parent).toBeCloseTo(0.04 + 0.92 * 0.6);
    expect(layout.middle[0]).toBeLessThan(layout.middle[1]);
  });

  it('reverses when low is good, so better is still on the right', () => {
    const layout = spineLayout(spread, { area: 10, parent: null, england: null }, 'low_is_good');
    expect(layout.area).toBeCloseTo(0.96);
    expect(layout.range).toEqual([expect.closeTo(0.04), expect.closeTo(0.96)]);
    expect(layout.middle[0]).toBeLessThan(layout.middle[1]);
    expect(layout.middle[0]).toBeCloseTo(0.04 + 0.92 * 0.5);
    expect(layout.parent).toBeNull();
  });

  it('centres everything when all values are equal', () => {
    const flat = { min: 5, q1: 5, q3: 5, max: 5, count: 3 };
    const layout = spineLayout(flat, { area: 5, parent: 5, england: 5 }, 'no_judgement');
    expect(layout.area).toBe(0.5);
    expect(layout.range).toEqual([0.5, 0.5]);
  });
});

describe('orientationOf', () => {
  it('puts better on the right when there is a better, else higher', () => {
    expect(orientationOf('low_is_good')).toEqual({ left: 'worse', right: 'better' });
    expect(orientationOf('high_is_good')).toEqual({ left: 'worse', right: 'better' });
    expect(orientationOf('no_judgement')).toEqual({ left: 'lower', right: 'higher' });
  });
});

describe('describeSpine', () => {
  const names = { area: 'Adeyfield East', parent: 'Dacorum', england: 'England' };
  const format = (v: number) => `${v.toFixed(1)}%`;

  it('says the value, the range, the middle half, the benchmarks and the direction', () => {
    const text = describeSpine(
      { min: 3, q1: 5, q3: 8, max: 14.1, count: 25 },
      { area: 14.1, parent: 8.5, england: 12.8 },
      names,
      format,
      'low_is_good',
    );
    expect(text).toBe(
      "Adeyfield East: 14.1%. Dacorum's 25 wards range from 3.0% to 14.1%, the middle half from 5.0% to 8.0%. Dacorum: 8.5%. England: 12.8%. Lower is better.",
    );
  });

  it('leaves out missing benchmarks and handles a single ward', () => {
    const text = describeSpine(
      { min: 2, q1: 2, q3: 2, max: 2, count: 1 },
      { area: 2, parent: null, england: null },
      names,
      format,
      'no_judgement',
    );
    expect(text).toBe("Adeyfield East: 2.0%. Only one of Dacorum's wards has a value.");
  });
});
