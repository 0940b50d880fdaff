import { describe, expect, it } from 'vitest';
import { weightedMean } from './weighted-mean.ts';

// Hand-made fixtures.
describe('weightedMean', () => {
  it('weights each value by its population', () => {
    // (1 × 1000 + 4 × 3000) / 4000 = 3.25
    const mean = weightedMean([
      { value: 1, weight: 1000 },
      { value: 4, weight: 3000 },
    ]);
    expect(mean).toMatchObject({ status: 'complete', value: 3.25, share: 1, inputsCovered: 2 });
  });

  it('is partial when a value is missing, averaging the rest and saying how much is covered', () => {
    const mean = weightedMean([
      { value: 2, weight: 1000 },
      { value: null, weight: 1000 },
      { value: 6, weight: 2000 },
    ]);
    expect(mean.status).toBe('partial');
    expect(mean.value).toBeCloseTo(14 / 3, 12);
    expect(mean.share).toBeCloseTo(0.75, 12);
  });

  it('leaves out suppressed inputs', () => {
    const mean = weightedMean([
      { value: 2, weight: 1000 },
      { value: 100, weight: 1000, suppressed: true },
    ]);
    expect(mean).toMatchObject({ status: 'partial', value: 2 });
  });

  it('is missing, never zero, when nothing can be weighted', () => {
    expect(weightedMean([{ value: null, weight: 10 }])).toMatchObject({
      status: 'missing',
      value: null,
    });
    expect(weightedMean([{ value: 3, weight: 0 }])).toMatchObject({
      status: 'missing',
      value: null,
    });
    expect(weightedMean([{ value: 3, weight: null }])).toMatchObject({
      status: 'missing',
      share: null,
    });
  });

  it('rejects negative weights', () => {
    expect(() => weightedMean([{ value: 1, weight: -1 }])).toThrow(RangeError);
  });
});
