import { describe, expect, it } from 'vitest';
import {
  compareBlockWithEstate,
  inspectionResult,
  inspectionTrend,
  publishInspectionResult,
  scoreMeets,
} from './inspections.ts';

describe('inspectionResult', () => {
  // Worked example of issue 14, checked by hand with the Wilson score interval
  // (Wilson EB, JASA 1927;22:209–12; Newcombe RG, Stat Med 1998;17:857–72, method 3):
  // 17 of 20 → (2·17 + z² ∓ z·√(z² + 4·17·0.15)) / (2·(20 + z²)) = 0.6396 … 0.9476.
  it('gives 20 inspections of one stairwell with 17 meeting 85%, 64.0%–94.8%, below a 95% target', () => {
    const r = inspectionResult(17, 20, 0.95);
    expect(r.meets).toBe(17);
    expect(r.n).toBe(20);
    expect(r.share.value).toBeCloseTo(0.85, 10);
    expect(r.share.lower).toBeCloseTo(0.6396, 4);
    expect(r.share.upper).toBeCloseTo(0.9476, 4);
    expect(r.status).toBe('below_target');
  });

  it('meets the target when the share reaches it exactly, not one inspection short of it', () => {
    expect(inspectionResult(19, 20, 0.95).status).toBe('meets_target');
    expect(inspectionResult(18, 20, 0.95).status).toBe('below_target');
  });

  it('says too few inspections under 5, and has no share without any', () => {
    expect(inspectionResult(4, 4, 0.5).status).toBe('too_few_inspections');
    expect(inspectionResult(5, 5, 0.5).status).toBe('meets_target');
    expect(inspectionResult(0, 0, 0.5).share).toEqual({ value: null, lower: null, upper: null });
  });
});

describe('scoreMeets', () => {
  it('reads 1 as meets and 0 as not on a meets scale', () => {
    expect(scoreMeets('meets', null, 1)).toBe(true);
    expect(scoreMeets('meets', null, 0)).toBe(false);
  });
  it('meets a 1–5 item at its threshold and not below it', () => {
    expect(scoreMeets('1-5', 4, 4)).toBe(true);
    expect(scoreMeets('1-5', 4, 3)).toBe(false);
  });
});

describe('compareBlockWithEstate', () => {
  it('calls a block worse when its whole interval lies below the estate share', () => {
    // 5 of 20 (25%, 11%–47%) against an estate at 85%.
    expect(compareBlockWithEstate(inspectionResult(5, 20, 0.9), inspectionResult(170, 200, 0.9))).toBe('worse');
  });
  it('calls a block similar when its interval includes the estate share', () => {
    expect(compareBlockWithEstate(inspectionResult(17, 20, 0.9), inspectionResult(170, 200, 0.9))).toBe('similar');
  });
  it('does not compare a block with fewer than 5 inspections', () => {
    expect(compareBlockWithEstate(inspectionResult(0, 4, 0.9), inspectionResult(170, 200, 0.9))).toBe('not_compared');
  });
});

describe('inspectionTrend', () => {
  it('is up when the change between months is beyond chance (Newcombe 1998, method 10)', () => {
    expect(inspectionTrend({ meets: 5, n: 20 }, { meets: 18, n: 20 })).toBe('up');
    expect(inspectionTrend({ meets: 18, n: 20 }, { meets: 5, n: 20 })).toBe('down');
  });
  it('is no clear change when the interval of the difference includes 0', () => {
    expect(inspectionTrend({ meets: 16, n: 20 }, { meets: 17, n: 20 })).toBe('no_clear_change');
  });
  it('is not enough with under 5 inspections in either month', () => {
    expect(inspectionTrend({ meets: 4, n: 4 }, { meets: 17, n: 20 })).toBe('not_enough');
  });
});

describe('publishInspectionResult', () => {
  it('withholds counts and share from 1 to 4 inspections', () => {
    const p = publishInspectionResult(inspectionResult(3, 4, 0.9));
    expect(p).toEqual({ meets: null, n: null, share: { value: null, lower: null, upper: null }, status: 'too_few_inspections', suppressed: true });
  });
  it('publishes 5 or more inspections whole', () => {
    const p = publishInspectionResult(inspectionResult(17, 20, 0.95));
    expect(p.n).toBe(20);
    expect(p.meets).toBe(17);
    expect(p.suppressed).toBe(false);
  });
});
