// Worked examples made by hand (populations are two Dacorum LSOAs of IoD2019 File 6).
import { describe, expect, it } from 'vitest';
import { representation } from './representation.ts';

describe('representation', () => {
  it('divides the lowest group rate by the highest', () => {
    // 0–15: 6 of 600 = 10 per 1,000; 16–59: 30 of 1,800 = 16.667; 60+: 8 of 400 = 20.
    // Score = 10 / 20 = 0.5.
    const r = representation([
      { group: '0_15', participants: 6, population: 600 },
      { group: '16_59', participants: 30, population: 1800 },
      { group: '60_plus', participants: 8, population: 400 },
    ]);
    expect(r.score).toBe(0.5);
    expect(r.missing).toEqual([]);
    expect(r.bands.map((b) => b.ratePer1000)).toEqual([10, 16.667, 20]);
    expect(r.bands.map((b) => b.participantShare)).toEqual([0.136, 0.682, 0.182]);
    expect(r.bands.map((b) => b.populationShare)).toEqual([0.214, 0.643, 0.143]);
  });

  it('scores 0 with the absent group named, and hides a group of 3 with the next smallest', () => {
    // 0–15: nobody; 16–59: 11; 60+: 3 (hidden, so the 11 is hidden too: the total would give it away).
    const r = representation([
      { group: '0_15', participants: 0, population: 599 },
      { group: '16_59', participants: 11, population: 1814 },
      { group: '60_plus', participants: 3, population: 567 },
    ]);
    expect(r.score).toBe(0);
    expect(r.missing).toEqual(['0_15']);
    expect(r.bands.map((b) => [b.participants, b.suppressed, b.ratePer1000])).toEqual([
      [0, false, 0],
      [null, true, null],
      [null, true, null],
    ]);
  });

  it('holds the score back when a hidden count could be worked out from it', () => {
    // Rates 5/600, 30/1800, 3/400: the score 7.5/16.667 = 0.45 and the 16–59 rate would give the 3 away.
    const r = representation([
      { group: '0_15', participants: 5, population: 600 },
      { group: '16_59', participants: 30, population: 1800 },
      { group: '60_plus', participants: 3, population: 400 },
    ]);
    expect(r.score).toBeNull();
    expect(r.scoreNote).toMatch(/under 5/);
  });

  it('gives no score without the populations or before anyone gave an age', () => {
    expect(
      representation([{ group: '16_59', participants: 9, population: null }]).score,
    ).toBeNull();
    expect(
      representation([
        { group: '0_15', participants: 0, population: 1 },
        { group: '16_59', participants: 0, population: 1 },
        { group: '60_plus', participants: 0, population: 1 },
      ]).score,
    ).toBeNull();
  });
});
