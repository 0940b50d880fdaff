import { describe, expect, it } from 'vitest';
import { extentWeight } from './extent.ts';

// IoD2019 Research Report, Appendix A / Technical Report, Appendix N: weight 1.0 for the most
// deprived 10%, a sliding weight from 0.95 at the 11th percentile to 0.05 at the 30th, then 0.
describe('extentWeight', () => {
  it('weighs the most deprived ten percentiles fully', () => {
    expect([1, 5, 10].map(extentWeight)).toEqual([1, 1, 1]);
  });

  it('slides from 0.95 at the 11th percentile to 0.05 at the 30th, by 0.9 / 19 a step', () => {
    expect(extentWeight(11)).toBe(0.95);
    // 12th: 0.95 − 0.9/19 = 0.95 − 0.0473684… = 0.9026315…
    expect(extentWeight(12)).toBeCloseTo(0.9026315789, 10);
    // 20th: 0.95 − 9 × 0.9/19 = 0.95 − 0.4263157… = 0.5236842…
    expect(extentWeight(20)).toBeCloseTo(0.5236842105, 10);
    expect(extentWeight(30)).toBe(0.05);
    for (let p = 12; p <= 30; p++)
      expect(extentWeight(p - 1) - extentWeight(p)).toBeCloseTo(0.9 / 19, 12);
  });

  it('gives nothing beyond the 30th percentile', () => {
    expect([31, 50, 100].map(extentWeight)).toEqual([0, 0, 0]);
  });
});
