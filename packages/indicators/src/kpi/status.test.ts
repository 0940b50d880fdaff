import { describe, expect, it } from 'vitest';
import { kpiStatus } from './status.ts';

const up = { target: 0.75, direction: 'up', minimumN: 30 } as const;
const down = { target: 0.2, direction: 'down', minimumN: 30 } as const;

describe('kpiStatus', () => {
  it('is not yet measurable one answer below the minimum, and measurable at it', () => {
    expect(kpiStatus({ ...up, value: 0.9, n: 29 })).toBe('not_yet_measurable');
    expect(kpiStatus({ ...up, value: 0.9, n: 30 })).toBe('on_track');
  });

  it('is on track when an upward KPI reaches its target exactly, off track just below it', () => {
    expect(kpiStatus({ ...up, value: 45 / 60, n: 60 })).toBe('on_track');
    expect(kpiStatus({ ...up, value: 44 / 60, n: 60 })).toBe('off_track');
  });

  it('is on track when a downward KPI comes down to its target exactly, off track just above it', () => {
    expect(kpiStatus({ ...down, value: 12 / 60, n: 60 })).toBe('on_track');
    expect(kpiStatus({ ...down, value: 13 / 60, n: 60 })).toBe('off_track');
  });

  it('is not yet measurable without an estimate', () => {
    expect(kpiStatus({ ...up, value: null, n: 100 })).toBe('not_yet_measurable');
    expect(kpiStatus({ ...up, value: Number.NaN, n: 100 })).toBe('not_yet_measurable');
  });
});
