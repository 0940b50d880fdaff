// IoD2019 summary measures for larger areas (wards, local authorities, estates) built from
// LSOA ranks and populations. Per domain, one walk over the LSOAs checks them, adds up what does
// not depend on order and files each LSOA under its rank; a second walk, rank by rank, most
// deprived first, adds up what does (extent, and each group's most deprived tenth for local
// concentration), stopping once neither can change. Each group's sums come out bit for bit as
// a walk over that group alone, in rank order, would add them.
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
  const decileMax = mostDeprivedDecileMaxRank(lsoaCount);
  const work = workingArrays(n, lsoaCount, groupCount);
  const { count, inMostDeprived, people, rankPeople, first, next } = work;
  // Each LSOA is filed under its rank, as lists: first[r] is the first LSOA of rank r (−1 for
  // none), next[i] the LSOA after i with the same rank. Filing from the last LSOA back keeps
  // tied ranks in input order. Walking the ranks then visits the LSOAs in rank order, no sort.
  // The same walk adds up what does not depend on order: the counts, and — when every
  // population is a whole number and population × rank summed over everyone stays below 2^53 —
  // people and people × summary rank, whose sums are then exact integers, the same whatever
  // order they are added in.
  let whole = true;
  let everyone = 0;
  for (let i = n - 1; i >= 0; i--) {
    const g = groupOf[i] as number;
    const r = rank[i] as number;
    const p = population[i] as number;
    if (!(g >= -1 && g < groupCount && Number.isInteger(r) && r >= 1 && r <= lsoaCount))
      throw firstProblem(input, lsoaCount);
    if (!(Number.isFinite(p) && p >= 0)) throw firstProblem(input, lsoaCount);
    next[i] = first[r] as number;
    first[r] = i;
    if (!Number.isInteger(p)) whole = false;
    everyone += p;
    if (g < 0) continue;
    count[g] = (count[g] as number) + 1;
    if (r <= decileMax) inMostDeprived[g] = (inMostDeprived[g] as number) + 1;
    people[g] = (people[g] as number) + p;
    rankPeople[g] = (rankPeople[g] as number) + p * summaryRank(r, lsoaCount);
  }
  // Otherwise those sums may round, and differently in another order: they are added up again
  // in rank order, as a walk over each group alone, most deprived first, would add them.
  if (!(whole && everyone * lsoaCount <= Number.MAX_SAFE_INTEGER)) {
    people.fill(0);
    rankPeople.fill(0);
    for (let r = 1; r <= lsoaCount; r++) {
      for (let i = first[r] as number; i !== -1; i = next[i] as number) {
        const g = groupOf[i] as number;
        if (g < 0) continue;
        const p = population[i] as number;
        people[g] = (people[g] as number) + p;
        rankPeople[g] = (rankPeople[g] as number) + p * summaryRank(r, lsoaCount);
      }
    }
  }
  addMostDeprivedSums(input, work, lsoaCount);
  const { extentPeople, concentrated } = work;

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

/**
 * The sums that must be added in rank order, most deprived first, per group: people × extent
 * weight, and people × summary rank over the most deprived LSOAs holding exactly 10% of the
 * group's people (the last of them taken in part; LSOAs after the 10% is reached, including one
 * that starts exactly on it, weigh nothing). Both stop mattering at some rank — the last with
 * an extent weight, and the rank at which every group has its 10% — so the walk stops there.
 */
function addMostDeprivedSums(
  { groupOf, population }: GroupedLsoas,
  { first, next, people, extentPeople, concentrated, remaining }: WorkingArrays,
  lsoaCount: number,
): void {
  const groupCount = people.length;
  const { weights, lastWeighted } = extentWeights(lsoaCount);
  let open = 0;
  for (let g = 0; g < groupCount; g++) {
    const left = (people[g] as number) / 10;
    remaining[g] = left;
    if (left > 0) open += 1;
  }
  for (let r = 1; r <= lsoaCount; r++) {
    if (r > lastWeighted && open === 0) break;
    // Beyond the last weighted rank p × weight is 0, which leaves a sum as it is.
    const weight = weights[r] as number;
    const rankOfSummary = summaryRank(r, lsoaCount);
    for (let i = first[r] as number; i !== -1; i = next[i] as number) {
      const g = groupOf[i] as number;
      if (g < 0) continue;
      const p = population[i] as number;
      if (r <= lastWeighted) extentPeople[g] = (extentPeople[g] as number) + p * weight;
      const left = remaining[g] as number;
      if (!(left > 0)) continue;
      const taken = p < left ? p : left;
      concentrated[g] = (concentrated[g] as number) + taken * rankOfSummary;
      remaining[g] = left - taken;
      if (!(left - taken > 0)) open -= 1;
    }
  }
}

/**
 * The error for the first bad LSOA in input order: a group outside −1..groupCount − 1, a rank
 * not an integer in 1..N, or a population negative or not finite.
 */
function firstProblem(
  { groupCount, groupOf, rank, population }: GroupedLsoas,
  lsoaCount: number,
): RangeError {
  for (let i = 0; i < groupOf.length; i++) {
    const g = groupOf[i] as number;
    if (g < -1 || g >= groupCount)
      return new RangeError(`LSOA ${i}: group ${g} is outside 0..${groupCount - 1}.`);
    const r = rank[i] as number;
    if (!Number.isInteger(r) || r < 1 || r > lsoaCount)
      return new RangeError(`LSOA ${i}: rank ${r} is not an integer from 1 to ${lsoaCount}.`);
    const p = population[i] as number;
    if (!Number.isFinite(p) || p < 0)
      return new RangeError(`LSOA ${i}: population ${p} is not a finite number ≥ 0.`);
  }
  return new RangeError('an LSOA is out of range.');
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

/** The working arrays of one summariseGroups call: sums per group, and the LSOAs filed by rank. */
interface WorkingArrays {
  readonly count: Int32Array;
  readonly inMostDeprived: Int32Array;
  readonly people: Float64Array;
  readonly rankPeople: Float64Array;
  readonly extentPeople: Float64Array;
  readonly concentrated: Float64Array;
  /** People still to take into each group's most deprived 10%. */
  readonly remaining: Float64Array;
  /** first[r]: the first LSOA of rank r, or −1. */
  readonly first: Int32Array;
  /** next[i]: the LSOA after i with the same rank, or −1. */
  readonly next: Int32Array;
}

// Kept between calls: a summary of every authority works through 8 domains, and a fresh typed
// array each time (an allocation outside the JavaScript heap, its pages new to the process)
// costs more than the walks that use it. Only summariseGroups uses them, synchronously, and
// nothing it returns refers to them.
let groupInts = new Int32Array(0);
let groupFloats = new Float64Array(0);
let firstOfRank = new Int32Array(0);
let nextOfLsoa = new Int32Array(0);

/** Working arrays for `n` LSOAs ranked 1..lsoaCount in `groupCount` groups: sums 0, every first[r] −1 (next is written before it is read). */
function workingArrays(n: number, lsoaCount: number, groupCount: number): WorkingArrays {
  if (groupInts.length < 2 * groupCount) groupInts = new Int32Array(2 * groupCount);
  if (groupFloats.length < 5 * groupCount) groupFloats = new Float64Array(5 * groupCount);
  if (firstOfRank.length < lsoaCount + 1) firstOfRank = new Int32Array(lsoaCount + 1);
  if (nextOfLsoa.length < n) nextOfLsoa = new Int32Array(n);
  groupInts.fill(0, 0, 2 * groupCount);
  groupFloats.fill(0, 0, 5 * groupCount);
  const ints = (k: number) => groupInts.subarray(k * groupCount, (k + 1) * groupCount);
  const floats = (k: number) => groupFloats.subarray(k * groupCount, (k + 1) * groupCount);
  const first = firstOfRank.subarray(0, lsoaCount + 1);
  first.fill(-1);
  return {
    count: ints(0),
    inMostDeprived: ints(1),
    people: floats(0),
    rankPeople: floats(1),
    extentPeople: floats(2),
    concentrated: floats(3),
    remaining: floats(4),
    first,
    next: nextOfLsoa.subarray(0, n),
  };
}

// The extent weight of every rank 1..N depends on N alone: worked out once per N, not per LSOA.
const weightsByCount = new Map<number, { weights: Float64Array; lastWeighted: number }>();

/** Extent weight of each rank (index = rank) for a nation of `lsoaCount` LSOAs, and the last rank with a weight above 0. */
function extentWeights(lsoaCount: number): { weights: Float64Array; lastWeighted: number } {
  let found = weightsByCount.get(lsoaCount);
  if (found === undefined) {
    const weights = new Float64Array(lsoaCount + 1);
    let lastWeighted = 0;
    for (let r = 1; r <= lsoaCount; r++) {
      const weight = extentWeight(nationalPercentile(r, lsoaCount));
      weights[r] = weight;
      if (weight > 0) lastWeighted = r;
    }
    found = { weights, lastWeighted };
    weightsByCount.set(lsoaCount, found);
  }
  return found;
}
