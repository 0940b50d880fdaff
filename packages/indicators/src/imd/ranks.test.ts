import { describe, expect, it } from 'vitest';
import {
  IOD2019_LSOA_COUNT,
  mostDeprivedDecileMaxRank,
  nationalPercentile,
  summaryRank,
} from './ranks.ts';

describe('national ranks of IoD2019', () => {
  it('has 32,844 LSOAs, the most deprived 10% being ranks 1 to 3,284 (File 2 decile 1 ends at 3,284 in every domain)', () => {
    expect(IOD2019_LSOA_COUNT).toBe(32_844);
    expect(mostDeprivedDecileMaxRank(IOD2019_LSOA_COUNT)).toBe(3_284);
  });

  it('turns rank 1 into summary rank 32,844 and rank 32,844 into 1, as File 10 ranks for its summaries', () => {
    expect(summaryRank(1, IOD2019_LSOA_COUNT)).toBe(32_844);
    expect(summaryRank(32_844, IOD2019_LSOA_COUNT)).toBe(1);
  });

  it('puts each rank in percentile ceil(rank / N × 100)', () => {
    // 328 / 32,844 × 100 = 0.9987 → 1; 329 → 1.0017 → 2; 3,284 → 9.9988 → 10; 3,285 → 10.0018 → 11;
    // 9,853 → 29.99939 → 30; 9,854 → 30.00244 → 31; 8,211 → exactly 25.
    const percentiles = [1, 328, 329, 3_284, 3_285, 8_211, 9_853, 9_854, 32_844].map((r) =>
      nationalPercentile(r, IOD2019_LSOA_COUNT),
    );
    expect(percentiles).toEqual([1, 1, 2, 10, 11, 25, 30, 31, 100]);
  });

  it('keeps a rank exactly on a percentile boundary in that percentile (rank 7 of 100 is the 7th, not the 8th)', () => {
    expect(Array.from({ length: 100 }, (_, i) => nationalPercentile(i + 1, 100))).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
  });
});
