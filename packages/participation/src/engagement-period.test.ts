import { describe, expect, it } from 'vitest';
import { parseEngagementPeriod } from './engagement-period.ts';

describe('parseEngagementPeriod', () => {
  it('reads a year as 1 January to the next 1 January', () => {
    expect(parseEngagementPeriod('2026')).toEqual({
      label: '2026',
      from: '2026-01-01',
      to: '2027-01-01',
    });
  });

  it('reads the fourth quarter as October to the next January', () => {
    expect(parseEngagementPeriod('2026-Q4')).toEqual({
      label: '2026-Q4',
      from: '2026-10-01',
      to: '2027-01-01',
    });
    expect(parseEngagementPeriod('2026-Q2')).toMatchObject({
      from: '2026-04-01',
      to: '2026-07-01',
    });
  });

  it('reads December as ending on the next 1 January', () => {
    expect(parseEngagementPeriod('2025-12')).toMatchObject({
      from: '2025-12-01',
      to: '2026-01-01',
    });
    expect(parseEngagementPeriod('2025-02')).toMatchObject({
      from: '2025-02-01',
      to: '2025-03-01',
    });
  });

  it('refuses anything else, naming the forms it takes', () => {
    for (const bad of ['2026-Q5', '2026-13', '26', 'last year'])
      expect(() => parseEngagementPeriod(bad)).toThrow(
        /a year \(2026\), a quarter \(2026-Q3\) or a month/,
      );
  });
});
