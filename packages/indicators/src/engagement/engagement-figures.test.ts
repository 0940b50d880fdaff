// A hand-made estate worked through by hand (docs/methods.md §1 formulas, z = 1.959964):
// 12 participants among 1,590 residents (Dacorum 013A, IoD2019 File 6); 12 pins, 7 with a reply
// after 1, 2, 3, 5, 8, 13 and 21 days; 5 planned pieces of work due, all 5 done by their date.
import { describe, expect, it } from 'vitest';
import {
  engagementFigures,
  poolCounts,
  publishShare,
  type EngagementCounts,
} from './engagement-figures.ts';

const estate: EngagementCounts = {
  participants: 12,
  returning: 0,
  pins: 12,
  support: 6,
  surveyResponses: 0,
  replied: 7,
  replyDays: [1, 2, 3, 5, 8, 13, 21],
  plannedDue: 5,
  plannedDoneOnTime: 5,
  done: 5,
  population: 1590,
  groups: [
    { group: '0_15', participants: 0, population: 288 },
    { group: '16_59', participants: 9, population: 1033 },
    { group: '60_plus', participants: 3, population: 269 },
  ],
};

describe('engagementFigures', () => {
  const f = engagementFigures(estate);

  it('gives 12 participants, 7.547 per 1,000 with Byar limits 3.895–13.184', () => {
    // Byar: O_L = 12(1 − 1/108 − z/(3√12))³ = 6.1935; O_U = 13(1 − 1/117 + z/(3√13))³ = 20.9629; ÷ 1,590 × 1,000.
    expect(f.participants).toBe(12);
    expect(f.participantsPer1000.method).toBe('byar');
    expect(f.participantsPer1000.value).toBeCloseTo(7.5472, 4);
    expect(f.participantsPer1000.lower).toBeCloseTo(3.8953, 4);
    expect(f.participantsPer1000.upper).toBeCloseTo(13.1842, 4);
  });

  it('gives the reply share 7/12 = 0.583 with Wilson limits 0.3195–0.8067', () => {
    // (2·7 + z² ∓ z√(z² + 4·7·5/12)) / (2(12 + z²)) = (17.8415 ∓ 7.7184) / 31.6829.
    expect(f.responseShare.n).toBe(12);
    expect(f.responseShare.value).toBeCloseTo(0.58333, 5);
    expect(f.responseShare.lower).toBeCloseTo(0.31951, 5);
    expect(f.responseShare.upper).toBeCloseTo(0.80674, 5);
  });

  it('takes the median of 1, 2, 3, 5, 8, 13, 21 days: 5', () => {
    expect(f.medianDaysToReply).toBe(5);
  });

  it('gives planned work done by its date as 5/5 with Wilson lower limit 5/(5 + z²) = 0.5655', () => {
    expect(f.plannedDoneOnTime.value).toBe(1);
    expect(f.plannedDoneOnTime.lower).toBeCloseTo(0.56552, 5);
    expect(f.changesMade).toBe(5);
  });

  it('scores representation 0 (no one under 16) and hides the 3 over-60s with the 9 beside them', () => {
    expect(f.representation.score).toBe(0);
    expect(f.representation.missing).toEqual(['0_15']);
    expect(f.representation.bands.map((b) => b.participants)).toEqual([0, null, null]);
  });

  it('publishes 0 but never a count from 1 to 4', () => {
    const small = engagementFigures({
      ...estate,
      participants: 4,
      support: 3,
      returning: 0,
      replyDays: [2, 3],
    });
    expect(small.participants).toBeNull();
    expect(small.participantsPer1000.value).toBeNull();
    expect(small.support).toBeNull();
    expect(small.returningParticipants).toBe(0);
    expect(small.medianDaysToReply).toBeNull();
    expect(small.suppressed).toEqual(['participants', 'medianDaysToReply', 'support']);
  });
});

describe('publishShare', () => {
  it('holds a share back when the rest is 1–4, as value × n would give it away', () => {
    expect(publishShare(8, 10)).toMatchObject({ value: null, n: null, suppressed: true });
    expect(publishShare(0, 10)).toMatchObject({ value: 0, n: 10, suppressed: false });
    expect(publishShare(0, 0)).toMatchObject({ value: null, n: 0, suppressed: false });
  });
});

describe('poolCounts', () => {
  it('adds counts and pools reply days instead of averaging two estates’ figures', () => {
    const other: EngagementCounts = {
      ...estate,
      participants: 8,
      pins: 8,
      replied: 8,
      replyDays: [30, 40, 50, 60, 70, 80, 90, 100],
    };
    const pooled = poolCounts([estate, other], {
      total: 2980,
      groups: { '0_15': 599, '16_59': 1814, '60_plus': 567 },
    });
    expect(pooled.participants).toBe(20);
    expect(pooled.replied).toBe(15);
    // Median of the 15 pooled days (1, 2, 3, 5, 8, 13, 21, 30, 40, …): the 8th is 30.
    expect(engagementFigures(pooled).medianDaysToReply).toBe(30);
    expect(pooled.groups.map((g) => g.population)).toEqual([599, 1814, 567]);
  });
});
