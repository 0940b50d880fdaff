import { describe, expect, it } from 'vitest';
import { changeBetween, measurePeriod } from './period-measure.ts';

const settings = { target: 0.7, direction: 'up', minimumN: 30 } as const;

describe('measurePeriod', () => {
  it('publishes 45 of 60 agreeing as 0.75 (Wilson 0.628–0.842), on track against 70%', () => {
    const m = measurePeriod({ kind: 'share', n: 60, agreeing: 45 }, settings);
    expect(m).toMatchObject({
      value: 0.75,
      n: 60,
      status: 'on_track',
      method: 'wilson',
      suppressed: false,
      change: null,
    });
    expect(m.lower).toBeCloseTo(0.628, 3);
    expect(m.upper).toBeCloseTo(0.842, 3);
  });

  it('never shows a count under 5: 4 of 40 disagreeing holds the share back but still judges it', () => {
    const m = measurePeriod({ kind: 'share', n: 40, agreeing: 36 }, settings);
    expect(m).toMatchObject({
      value: null,
      lower: null,
      upper: null,
      n: 40,
      suppressed: true,
      status: 'on_track',
    });
    expect(measurePeriod({ kind: 'share', n: 40, agreeing: 35 }, settings)).toMatchObject({
      value: 35 / 40,
      suppressed: false,
    });
  });

  it('hides n itself when fewer than 5 answered, and the period is not yet measurable', () => {
    expect(measurePeriod({ kind: 'share', n: 4, agreeing: 2 }, settings)).toMatchObject({
      value: null,
      n: null,
      status: 'not_yet_measurable',
    });
    expect(
      measurePeriod({ kind: 'mean', n: 4, mean: 7, sd: 1 }, { ...settings, target: 7 }),
    ).toMatchObject({ value: null, n: null });
  });

  it('holds back a pin rate of fewer than 5 pins', () => {
    expect(
      measurePeriod(
        { kind: 'rate', count: 4, population: 1500 },
        { target: 2, direction: 'down', minimumN: 1 },
      ),
    ).toMatchObject({ value: null, n: null, suppressed: true });
    expect(
      measurePeriod(
        { kind: 'rate', count: 12, population: 1500 },
        { target: 10, direction: 'down', minimumN: 1 },
      ),
    ).toMatchObject({ value: 8, n: 12, status: 'on_track', method: 'byar' });
  });

  // Newcombe RG. Interval estimation for the difference between independent proportions:
  // comparison of eleven methods. Stat Med 1998;17:873–90, Table II, method 10: 56/70 − 48/80
  // = 0.2 with 95% interval 0.0524 to 0.3339.
  it('says a change from baseline is real when Newcombe’s interval excludes 0 (Newcombe 1998, 56/70 − 48/80)', () => {
    const m = measurePeriod({ kind: 'share', n: 70, agreeing: 56 }, settings, {
      kind: 'share',
      n: 80,
      agreeing: 48,
    });
    expect(m.change?.value).toBeCloseTo(0.2, 12);
    expect(m.change?.lower).toBeCloseTo(0.0524, 4);
    expect(m.change?.upper).toBeCloseTo(0.3339, 4);
    expect(m.change).toMatchObject({ real: true, improving: true });
  });

  it('calls a real rise worsening for a KPI that should go down, and a small change not real', () => {
    expect(changeBetween({ n: 70, agreeing: 56 }, { n: 80, agreeing: 48 }, 'down')).toMatchObject({
      real: true,
      improving: false,
    });
    expect(changeBetween({ n: 60, agreeing: 45 }, { n: 60, agreeing: 42 }, 'up')).toMatchObject({
      real: false,
      improving: false,
    });
  });

  it('gives official indicator values as published', () => {
    expect(
      measurePeriod(
        { kind: 'official', value: 0.18, lower: null, upper: null, n: null },
        { target: 0.15, direction: 'down', minimumN: 1 },
      ),
    ).toMatchObject({
      value: 0.18,
      status: 'off_track',
      method: 'official',
    });
  });
});
