import { describe, expect, it } from 'vitest';
import { countText, kpiValueText, rateText, shareText, targetText } from './format.ts';

describe('engagement figures in words', () => {
  it('writes a reply share with its interval as whole percentages', () => {
    expect(
      shareText({ value: 7 / 12, lower: 0.31951, upper: 0.80674, n: 12, suppressed: false }),
    ).toBe('58% (95% CI 32%–81%, n = 12)');
  });

  it('says why a figure is missing instead of leaving a blank', () => {
    expect(countText(null)).toBe('fewer than 5');
    expect(shareText({ value: null, lower: null, upper: null, n: null, suppressed: true })).toMatch(
      /not shown/,
    );
    expect(
      rateText({ value: null, lower: null, upper: null, method: null, suppressed: false }),
    ).toBe('population not known');
  });

  it('writes KPI readings and targets in their unit', () => {
    expect(kpiValueText({ value: 0.5, unit: 'proportion', suppressed: false })).toBe('50%');
    expect(kpiValueText({ value: 7.06, unit: 'mean_0_10', suppressed: false })).toBe('7.1 / 10');
    expect(kpiValueText({ value: null, unit: 'proportion', suppressed: true })).toBe(
      'not shown (fewer than 5)',
    );
    expect(
      targetText({ target: { value: 0.7, by: '2030' }, unit: 'proportion', direction: 'up' }),
    ).toBe('at least 70% by 2030');
  });
});
