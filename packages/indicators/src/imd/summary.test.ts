import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extentWeight } from './extent.ts';
import { IOD2019_LSOA_COUNT } from './ranks.ts';
import {
  summariseGroups,
  summariseLsoaGroup,
  type IodSummary,
  type RankedLsoa,
} from './summary.ts';

// Hand-worked groups use a small "nation" of N = 100 LSOAs so the arithmetic stays readable:
// then the national percentile of a rank is the rank itself, the most deprived 10% are ranks
// 1–10, and the summary rank (File 10's "most deprived = N") is 101 − rank.
const N = 100;

describe('summariseLsoaGroup, worked by hand (N = 100)', () => {
  // a: rank 5 (summary rank 96, percentile 5, weight 1), 100 people
  // b: rank 15 (summary rank 86, percentile 15, weight 0.95 − 4 × 0.9/19 = 0.7605263…), 300 people
  // c: rank 40 (summary rank 61, percentile 40, weight 0), 600 people
  const group: RankedLsoa[] = [
    { rank: 5, population: 100 },
    { rank: 15, population: 300 },
    { rank: 40, population: 600 },
  ];

  it('averages summary ranks weighted by population', () => {
    // (100 × 96 + 300 × 86 + 600 × 61) / 1,000 = (9,600 + 25,800 + 36,600) / 1,000 = 72
    expect(summariseLsoaGroup(group, N).averageRank).toBe(72);
  });

  it('counts the share of LSOAs, not people, in the most deprived 10%', () => {
    // only a (rank 5 ≤ 10) of the 3 LSOAs
    expect(summariseLsoaGroup(group, N).proportion).toBe(1 / 3);
  });

  it('weighs people by their LSOA national percentile for extent', () => {
    // (100 × 1 + 300 × 0.7605263 + 600 × 0) / 1,000 = (100 + 228.1578947) / 1,000 = 0.3281578947
    expect(summariseLsoaGroup(group, N).extent).toBeCloseTo(0.3281578947, 10);
  });

  it('takes no part of the next LSOA when 10% of the population ends exactly on an LSOA boundary', () => {
    // 10% of 1,000 = 100 = a's population exactly: local concentration = a's summary rank, 96
    expect(summariseLsoaGroup(group, N).localConcentration).toBe(96);
  });

  it('takes the last LSOA in part to make exactly 10% of the population', () => {
    // a now has 60 people: total 960, 10% = 96 = all 60 of a (96) + 36 of b's 300 (86)
    // local concentration = (60 × 96 + 36 × 86) / 96 = (5,760 + 3,096) / 96 = 92.25
    // average rank = (60 × 96 + 300 × 86 + 600 × 61) / 960 = 68,160 / 960 = 71
    const summary = summariseLsoaGroup([{ rank: 5, population: 60 }, ...group.slice(1)], N);
    expect(summary.localConcentration).toBe(92.25);
    expect(summary.averageRank).toBe(71);
  });

  it('does not depend on the order LSOAs are listed in', () => {
    const shuffled = [group[2], group[0], group[1]].filter((lsoa) => lsoa !== undefined);
    expect(summariseLsoaGroup(shuffled, N)).toEqual(summariseLsoaGroup(group, N));
  });

  it('counts an LSOA with no people for proportion but gives it no weight elsewhere', () => {
    // a: rank 3, 0 people; b: rank 20 (summary 81, weight 0.5236842), 500; c: rank 50 (summary 51), 500
    // proportion 1/3 (a); average rank (500 × 81 + 500 × 51) / 1,000 = 66;
    // extent 500 × 0.5236842 / 1,000 = 0.2618421; local concentration: 100 people all from b = 81
    const summary = summariseLsoaGroup(
      [
        { rank: 3, population: 0 },
        { rank: 20, population: 500 },
        { rank: 50, population: 500 },
      ],
      N,
    );
    expect(summary.proportion).toBe(1 / 3);
    expect(summary.averageRank).toBe(66);
    expect(summary.extent).toBeCloseTo(0.2618421053, 10);
    expect(summary.localConcentration).toBe(81);
  });
});

describe('summariseLsoaGroup, edge cases', () => {
  it('gives a single most deprived LSOA in England the top of every measure', () => {
    expect(summariseLsoaGroup([{ rank: 1, population: 1_500 }])).toEqual({
      averageRank: 32_844,
      proportion: 1,
      extent: 1,
      localConcentration: 32_844,
    });
  });

  it('leaves the population-weighted measures undefined (null) for a group with no people', () => {
    expect(
      summariseLsoaGroup([
        { rank: 1, population: 0 },
        { rank: 5_000, population: 0 },
      ]),
    ).toEqual({ averageRank: null, proportion: 0.5, extent: null, localConcentration: null });
  });

  it('leaves every measure undefined for an empty group', () => {
    expect(summariseLsoaGroup([])).toEqual({
      averageRank: null,
      proportion: null,
      extent: null,
      localConcentration: null,
    });
  });

  it('rejects ranks outside 1..N or not whole, and populations that are negative or not finite', () => {
    expect(() => summariseLsoaGroup([{ rank: 0, population: 1 }], N)).toThrow(RangeError);
    expect(() => summariseLsoaGroup([{ rank: 101, population: 1 }], N)).toThrow(RangeError);
    expect(() => summariseLsoaGroup([{ rank: 2.5, population: 1 }], N)).toThrow(RangeError);
    expect(() => summariseLsoaGroup([{ rank: 2, population: -1 }], N)).toThrow(RangeError);
    expect(() => summariseLsoaGroup([{ rank: 2, population: Number.NaN }], N)).toThrow(RangeError);
  });
});

describe('summariseGroups', () => {
  it('summarises each group from its own LSOAs, leaves out LSOAs of group −1, and gives an empty group nulls', () => {
    const summaries = summariseGroups(
      {
        groupCount: 3,
        groupOf: Int32Array.from([1, 0, -1, 1, 0]),
        rank: [5, 40, 1, 15, 30],
        population: [100, 600, 999, 300, 400],
      },
      N,
    );
    expect(summaries[0]).toEqual(
      summariseLsoaGroup(
        [
          { rank: 40, population: 600 },
          { rank: 30, population: 400 },
        ],
        N,
      ),
    );
    expect(summaries[1]).toEqual(
      summariseLsoaGroup(
        [
          { rank: 5, population: 100 },
          { rank: 15, population: 300 },
        ],
        N,
      ),
    );
    expect(summaries[2]).toEqual({
      averageRank: null,
      proportion: null,
      extent: null,
      localConcentration: null,
    });
  });

  it('rejects a group number outside 0..groupCount − 1', () => {
    expect(() =>
      summariseGroups(
        { groupCount: 1, groupOf: Int32Array.from([1]), rank: [1], population: [1] },
        N,
      ),
    ).toThrow(RangeError);
  });
});

/** The definitions written out plainly (sort, then loop) to check the typed-array kernel against. */
function referenceSummary(lsoas: readonly RankedLsoa[], n: number): IodSummary {
  const sorted = [...lsoas].sort((a, b) => a.rank - b.rank);
  const people = sorted.reduce((sum, l) => sum + l.population, 0);
  const weight = (rank: number) => {
    const percentile = Math.ceil((rank * 100) / n);
    return percentile <= 10 ? 1 : percentile <= 30 ? 0.95 - (0.9 / 19) * (percentile - 11) : 0;
  };
  let remaining = people / 10;
  let concentrated = 0;
  for (const l of sorted) {
    const taken = Math.min(l.population, remaining);
    concentrated += taken * (n + 1 - l.rank);
    remaining -= taken;
  }
  return {
    averageRank:
      people > 0
        ? sorted.reduce((sum, l) => sum + l.population * (n + 1 - l.rank), 0) / people
        : null,
    proportion:
      sorted.length > 0
        ? sorted.filter((l) => l.rank <= Math.floor(n / 10)).length / sorted.length
        : null,
    extent:
      people > 0
        ? sorted.reduce((sum, l) => sum + l.population * weight(l.rank), 0) / people
        : null,
    localConcentration: people > 0 ? concentrated / (people / 10) : null,
  };
}

const lsoa = fc.record({
  rank: fc.integer({ min: 1, max: IOD2019_LSOA_COUNT }),
  population: fc.integer({ min: 0, max: 3_000 }),
});
const group = fc.array(lsoa, { minLength: 1, maxLength: 60 });
const peopled = group.filter((lsoas) => lsoas.some((l) => l.population > 0));

/** The definitions written out plainly, adding up in rank order (most deprived first, ties in list order). */
function plainSummary(lsoas: readonly RankedLsoa[]): IodSummary {
  const n = IOD2019_LSOA_COUNT;
  const sorted = [...lsoas].sort((a, b) => a.rank - b.rank);
  let people = 0;
  let ranked = 0;
  let extent = 0;
  for (const l of sorted) {
    people += l.population;
    ranked += l.population * (n + 1 - l.rank);
    extent += l.population * extentWeight(Math.ceil((l.rank * 100) / n));
  }
  let remaining = people / 10;
  let concentrated = 0;
  for (const l of sorted) {
    if (!(remaining > 0)) break;
    const taken = Math.min(l.population, remaining);
    concentrated += taken * (n + 1 - l.rank);
    remaining -= taken;
  }
  const inDecile = sorted.filter((l) => l.rank <= Math.floor(n / 10)).length;
  return {
    averageRank: people > 0 ? ranked / people : null,
    proportion: sorted.length > 0 ? inDecile / sorted.length : null,
    extent: people > 0 ? extent / people : null,
    localConcentration: people > 0 ? concentrated / (people / 10) : null,
  };
}

/** Every group summarised in one call, as typed columns. */
function summariseAll(groups: readonly (readonly RankedLsoa[])[]): IodSummary[] {
  const all = groups.flatMap((lsoas, g) => lsoas.map((l) => ({ ...l, g })));
  return summariseGroups({
    groupCount: groups.length,
    groupOf: Int32Array.from(all, (l) => l.g),
    rank: Int32Array.from(all, (l) => l.rank),
    population: Float64Array.from(all, (l) => l.population),
  });
}

describe('summary measures, properties over random groups (N = 32,844)', () => {
  it('keeps proportion and extent within 0–1', () => {
    fc.assert(
      fc.property(group, (lsoas) => {
        const { proportion, extent } = summariseLsoaGroup(lsoas);
        expect(proportion).toBeGreaterThanOrEqual(0);
        expect(proportion).toBeLessThanOrEqual(1);
        if (extent !== null) {
          expect(extent).toBeGreaterThanOrEqual(0);
          expect(extent).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('puts the average rank between the least and most deprived peopled LSOA, and local concentration at or above it', () => {
    fc.assert(
      fc.property(peopled, (lsoas) => {
        const { averageRank, localConcentration } = summariseLsoaGroup(lsoas);
        const summaryRanks = lsoas
          .filter((l) => l.population > 0)
          .map((l) => IOD2019_LSOA_COUNT + 1 - l.rank);
        const tolerance = 1e-9 * IOD2019_LSOA_COUNT;
        expect(averageRank).toBeGreaterThanOrEqual(Math.min(...summaryRanks) - tolerance);
        expect(averageRank).toBeLessThanOrEqual(Math.max(...summaryRanks) + tolerance);
        // The most deprived tenth is at least as deprived as the whole (higher = more deprived).
        expect(localConcentration).toBeGreaterThanOrEqual((averageRank ?? 0) - tolerance);
        expect(localConcentration).toBeLessThanOrEqual(Math.max(...summaryRanks) + tolerance);
      }),
    );
  });

  it('agrees with the definitions written out plainly', () => {
    fc.assert(
      fc.property(group, (lsoas) => {
        const actual = summariseLsoaGroup(lsoas);
        const expected = referenceSummary(lsoas, IOD2019_LSOA_COUNT);
        for (const key of ['averageRank', 'proportion', 'extent', 'localConcentration'] as const) {
          const [a, e] = [actual[key], expected[key]];
          if (e === null) expect(a).toBeNull();
          else expect(a).toBeCloseTo(e, 6);
        }
      }),
    );
  });

  it('gives exactly what the plain definitions give when they add in the same order (most deprived first)', () => {
    // The kernel sums per group in rank order, ties in input order, as a stable sort does; with
    // the same extent weights the figures must agree to the last bit, not just closely.
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 8 }), (groups) => {
        expect(summariseAll(groups)).toEqual(groups.map(plainSummary));
      }),
    );
  });

  it('still gives them to the last bit when populations are fractions or so large that sums round', () => {
    // Whole-number populations sum exactly in any order, which the kernel uses; these do not.
    const population = fc.oneof(
      fc.integer({ min: 0, max: 3_000_000 }).map((p) => p / 1_000),
      fc.integer({ min: 1e12, max: 1e14 }),
    );
    const uneven = fc.array(
      fc.record({ rank: fc.integer({ min: 1, max: IOD2019_LSOA_COUNT }), population }),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(fc.array(uneven, { minLength: 1, maxLength: 8 }), (groups) => {
        expect(summariseAll(groups)).toEqual(groups.map(plainSummary));
      }),
    );
  });

  it('gives every group of a many-group call what it gets alone', () => {
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 8 }), (groups) => {
        const all = groups.flatMap((lsoas, g) => lsoas.map((l) => ({ ...l, g })));
        const summaries = summariseGroups({
          groupCount: groups.length,
          groupOf: Int32Array.from(all, (l) => l.g),
          rank: all.map((l) => l.rank),
          population: all.map((l) => l.population),
        });
        expect(summaries).toEqual(groups.map((lsoas) => summariseLsoaGroup(lsoas)));
      }),
    );
  });
});
