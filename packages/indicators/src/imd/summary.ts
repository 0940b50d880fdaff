// IoD2019 summary measures for larger areas (wards, local authorities, estates) built from
// LSOA ranks and populations. Per domain, LSOAs are counting-sorted by rank once, then walked
// twice in that order into per-group sums: once for the totals, once more for each group's most
// deprived tenth (local concentration).
// Indices into the typed arrays below are in bounds by construction, hence the `as number`.
import { extentWeight } from './extent.ts';
import {
  IOD2019_LSOA_COUNT,
  mostDeprivedDecileMaxRank,
  nationalPercentile,
  summaryRank,
} from './ranks.ts';

/**
 * The four IoD2019 summary measures of one larger area for one domain. Ranks follow the
 * published tables: higher = more deprived (most deprived LSOA = N). A measure is null when it
 * is undefined: the proportion for a group with no LSOAs, the others for a group with no people.
 * @see https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019 (IoD2019 Research Report, Appendix A; File 10)
 */
export interface IodSummary {
  /** Population-weighted mean of the LSOAs' summary ranks (N + 1 − rank). */
  readonly averageRank: number | null;
  /** Share of the group's LSOAs in the most deprived 10% nationally (rank ≤ floor(N/10)), 0–1. */
  readonly proportion: number | null;
  /** Share of the group's population in the most deprived LSOAs, weighted by national percentile, 0–1. */
  readonly extent: number | null;
  /** Population-weighted mean summary rank of the most deprived LSOAs holding exactly 10% of the population. */
  readonly localConcentration: number | null;
}

/** LSOAs dealt into groups, as parallel arrays indexed by LSOA. @see summariseGroups */
export interface GroupedLsoas {
  /** Number of groups; groups are numbered 0..groupCount − 1. */
  readonly groupCount: number;
  /** Group of each LSOA, or −1 for an LSOA that belongs to none. */
  readonly groupOf: Int32Array;
  /** National rank of each LSOA, an integer from 1 (most deprived) to `lsoaCount`. */
  readonly rank: ArrayLike<number>;
  /** Population of each LSOA (the domain's denominator), finite and ≥ 0. */
  readonly population: ArrayLike<number>;
}

/**
 * IoD2019 summary measures of every group, in group order: average rank, proportion in the
 * most deprived 10%, extent and local concentration.
 * @throws RangeError when a rank is not an integer in 1..lsoaCount or a population is negative or not finite.
 * @see https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019 (IoD2019 Research Report, Appendix A)
 */
export function summariseGroups(
  input: GroupedLsoas,
  lsoaCount: number = IOD2019_LSOA_COUNT,
): IodSummary[] {
  const { groupCount, groupOf, rank, population } = input;
  const n = groupOf.length;
  if (rank.length !== n || population.length !== n) {
    throw new RangeError(
      `groupOf, rank and population must have the same length (${n}, ${rank.length}, ${population.length}).`,
    );
  }
  // The LSOAs are laid out in rank order (most deprived first; tied ranks in input order) as
  // flat columns, then walked twice into per-group sums: once for the totals and, once each
  // group's population is known, for its most deprived tenth. Each group's sums are added in
  // the same order as a walk over that group alone would add them. Walking copies laid out in
  // rank order, not the inputs through an index, keeps every read sequential.
  const sorted = inRankOrder(input, lsoaCount);
  const sortedGroup = sorted.groupOf;
  const sortedRank = sorted.rank;
  const sortedPeople = sorted.population;
  const weights = rankWeights(lsoaCount);
  const decileMax = mostDeprivedDecileMaxRank(lsoaCount);
  const count = new Int32Array(groupCount);
  const inMostDeprived = new Int32Array(groupCount);
  const people = new Float64Array(groupCount);
  const rankPeople = new Float64Array(groupCount);
  const extentPeople = new Float64Array(groupCount);
  for (let k = 0; k < n; k++) {
    const g = sortedGroup[k] as number;
    if (g < 0) continue;
    const r = sortedRank[k] as number;
    const p = sortedPeople[k] as number;
    count[g] = (count[g] as number) + 1;
    people[g] = (people[g] as number) + p;
    rankPeople[g] = (rankPeople[g] as number) + p * summaryRank(r, lsoaCount);
    extentPeople[g] = (extentPeople[g] as number) + p * (weights[r] as number);
    if (r <= decileMax) inMostDeprived[g] = (inMostDeprived[g] as number) + 1;
  }

  // Local concentration: the population-weighted mean summary rank of each group's most
  // deprived LSOAs holding exactly 10% of its people, the last of them taken in part; LSOAs
  // after the 10% is reached, including one that starts exactly on it, weigh nothing.
  const remaining = new Float64Array(groupCount);
  for (let g = 0; g < groupCount; g++) remaining[g] = (people[g] as number) / 10;
  const concentrated = new Float64Array(groupCount);
  for (let k = 0; k < n; k++) {
    const g = sortedGroup[k] as number;
    if (g < 0) continue;
    const left = remaining[g] as number;
    if (!(left > 0)) continue;
    const p = sortedPeople[k] as number;
    const taken = p < left ? p : left;
    concentrated[g] =
      (concentrated[g] as number) + taken * summaryRank(sortedRank[k] as number, lsoaCount);
    remaining[g] = left - taken;
  }

  const summaries: IodSummary[] = [];
  for (let g = 0; g < groupCount; g++) {
    const total = people[g] as number;
    const members = count[g] as number;
    summaries.push({
      averageRank: total > 0 ? (rankPeople[g] as number) / total : null,
      proportion: members > 0 ? (inMostDeprived[g] as number) / members : null,
      extent: total > 0 ? (extentPeople[g] as number) / total : null,
      localConcentration: total > 0 ? (concentrated[g] as number) / (total / 10) : null,
    });
  }
  return summaries;
}

/** One LSOA of a group: its national rank (1 = most deprived) and population. @see summariseLsoaGroup */
export interface RankedLsoa {
  readonly rank: number;
  readonly population: number;
}

/**
 * IoD2019 summary measures of one group of LSOAs (a ward, an estate, any selection).
 * @see summariseGroups
 */
export function summariseLsoaGroup(
  lsoas: readonly RankedLsoa[],
  lsoaCount: number = IOD2019_LSOA_COUNT,
): IodSummary {
  const rank = lsoas.map((lsoa) => lsoa.rank);
  const population = lsoas.map((lsoa) => lsoa.population);
  const [summary] = summariseGroups(
    { groupCount: 1, groupOf: new Int32Array(lsoas.length), rank, population },
    lsoaCount,
  );
  if (summary === undefined)
    throw new Error('summariseGroups returned no summary for its one group.');
  return summary;
}

/**
 * Group, rank and population of every LSOA, most deprived first: a counting sort on rank
 * (ranks are integers 1..N), O(LSOAs + N) with no comparisons; tied ranks keep their input order.
 * @throws RangeError for a group outside −1..groupCount − 1, a rank not an integer in 1..N, or a
 * population negative or not finite.
 */
function inRankOrder(
  { groupCount, groupOf, rank, population }: GroupedLsoas,
  lsoaCount: number,
): { groupOf: Int32Array; rank: Int32Array; population: Float64Array } {
  const n = groupOf.length;
  // rankStarts[r] = number of LSOAs ranked below r, then advanced as LSOAs of rank r are placed.
  // The counting pass checks every input on the way.
  const rankStarts = scratch.int32(0, lsoaCount + 2);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i] as number;
    if (g < -1 || g >= groupCount)
      throw new RangeError(`LSOA ${i}: group ${g} is outside 0..${groupCount - 1}.`);
    const r = rank[i] as number;
    if (!Number.isInteger(r) || r < 1 || r > lsoaCount) {
      throw new RangeError(`LSOA ${i}: rank ${r} is not an integer from 1 to ${lsoaCount}.`);
    }
    const p = population[i] as number;
    if (!Number.isFinite(p) || p < 0)
      throw new RangeError(`LSOA ${i}: population ${p} is not a finite number ≥ 0.`);
    rankStarts[r + 1] = (rankStarts[r + 1] as number) + 1;
  }
  for (let r = 1; r <= lsoaCount + 1; r++)
    rankStarts[r] = (rankStarts[r] as number) + (rankStarts[r - 1] as number);
  const sorted = {
    groupOf: scratch.int32(1, n),
    rank: scratch.int32(2, n),
    population: scratch.float64(n),
  };
  for (let i = 0; i < n; i++) {
    const r = rank[i] as number;
    const at = rankStarts[r] as number;
    sorted.groupOf[at] = groupOf[i] as number;
    sorted.rank[at] = r;
    sorted.population[at] = population[i] as number;
    rankStarts[r] = at + 1;
  }
  return sorted;
}

// Working arrays, kept between calls: a summary of every authority sorts all 32,844 LSOAs for
// each of 8 domains, and fresh arrays each time cost more than the walks that use them. Only
// summariseGroups uses them, synchronously, and they hold nothing once it returns.
const scratch = {
  ints: [new Int32Array(0), new Int32Array(0), new Int32Array(0)],
  floats: new Float64Array(0),
  /** Working array `slot` with `length` zeros. */
  int32(slot: number, length: number): Int32Array {
    let array = this.ints[slot] as Int32Array;
    if (array.length < length) this.ints[slot] = array = new Int32Array(length);
    else array.fill(0, 0, length);
    return array.subarray(0, length);
  },
  /** A working array of `length` (contents left over: every element is written before it is read). */
  float64(length: number): Float64Array {
    if (this.floats.length < length) this.floats = new Float64Array(length);
    return this.floats.subarray(0, length);
  },
};

// The extent weight of every rank 1..N depends on N alone: worked out once per N, not per LSOA.
const weightsByCount = new Map<number, Float64Array>();

/** Extent weight of each rank (index = rank) for a nation of `lsoaCount` LSOAs. */
function rankWeights(lsoaCount: number): Float64Array {
  let weights = weightsByCount.get(lsoaCount);
  if (weights === undefined) {
    weights = new Float64Array(lsoaCount + 1);
    for (let r = 1; r <= lsoaCount; r++)
      weights[r] = extentWeight(nationalPercentile(r, lsoaCount));
    weightsByCount.set(lsoaCount, weights);
  }
  return weights;
}
