import { describe, expect, it } from 'vitest';
import { median } from './median.ts';

describe('median', () => {
  it('takes the middle of an odd sample, whatever its order', () => {
    expect(median([13, 1, 8, 2, 21, 3, 5])).toBe(5);
  });

  it('takes the mean of the two middle values of an even sample (R: median(c(1, 2, 4, 10)) = 3)', () => {
    expect(median([10, 1, 4, 2])).toBe(3);
  });

  it('has no median for an empty sample and refuses non-finite values', () => {
    expect(median([])).toBeNull();
    expect(() => median([1, Number.NaN])).toThrow(RangeError);
  });
});
