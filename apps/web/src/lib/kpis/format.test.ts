import { describe, expect, it } from 'vitest';
import { adoptedWords, formatDay, formatValue, fromInput, toInput } from './format.ts';

describe('KPI values as people read them', () => {
  it('shows a proportion as a percentage to one decimal place', () => {
    expect(formatValue(0.75, 'proportion')).toBe('75.0%');
    expect(formatValue(null, 'proportion')).toBe('–');
  });

  it('shows a 0–10 mean out of 10 and a rate per 1,000 residents', () => {
    expect(formatValue(6.25, 'mean_0_10')).toBe('6.3 out of 10');
    expect(formatValue(12, 'per_1000')).toBe('12.0 per 1,000 residents');
  });

  it('turns a typed percentage into the fraction the API stores, and back', () => {
    expect(fromInput(70, 'proportion')).toBe(0.7);
    expect(toInput(0.7, 'proportion')).toBe(70);
    expect(fromInput(7, 'mean_0_10')).toBe(7);
  });

  it('says who adopted a KPI and when, the latest adoption first', () => {
    expect(adoptedWords({ adoptions: [] })).toBeNull();
    expect(
      adoptedWords({
        adoptions: [
          { version: 1, forum: 'Old forum', adoptedOn: '2024-01-02', minutesUrl: null },
          { version: 2, forum: 'Residents’ forum', adoptedOn: '2025-03-04', minutesUrl: null },
        ],
      }),
    ).toBe('Adopted by Residents’ forum on 4 March 2025');
    expect(formatDay('2025-03-04')).toBe('4 March 2025');
  });
});
