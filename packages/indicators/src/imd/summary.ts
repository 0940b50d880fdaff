// IoD2019 summary measures for larger areas (wards, local authorities, estates) built from
// LSOA ranks and populations. One pass per domain over typed arrays: LSOAs are counting-sorted
// by rank once, dealt into their groups in that order, then each group is walked once for the
// totals and once more (its most deprived tenth only) for local concentration.
// Indices into the typed arrays below are in bounds by construction, hence the `as number`.
import { extentWeight } from './extent.ts';
import { localConcentration } from './local-concentration.ts';
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
  checkValues(input, lsoaCount);

  const order = groupMembersByRank(input, lsoaCount);
  const starts = order.starts;
  const members = order.members;
  const decileMax = mostDeprivedDecileMaxRank(lsoaCount);

  const summaries: IodSummary[] = [];
  for (let g = 0; g < groupCount; g++) {
    const start = starts[g] as number;
    const end = starts[g + 1] as number;
    let people = 0;
    let rankPeople = 0;
    let extentPeople = 0;
    let inMostDeprived = 0;
    for (let k = start; k < end; k++) {
      const i = members[k] as number;
      const r = rank[i] as number;
      const p = population[i] as number;
      people += p;
      rankPeople += p * summaryRank(r, lsoaCount);
      extentPeople += p * extentWeight(nationalPercentile(r, lsoaCount));
      if (r <= decileMax) inMostDeprived++;
    }
    const count = end - start;
    summaries.push({
      averageRank: people > 0 ? rankPeople / people : null,
      proportion: count > 0 ? inMostDeprived / count : null,
      extent: people > 0 ? extentPeople / people : null,
      localConcentration: localConcentration(
        members,
        start,
        end,
        rank,
        population,
        people,
        lsoaCount,
      ),
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

function checkValues(
  { groupCount, groupOf, rank, population }: GroupedLsoas,
  lsoaCount: number,
): void {
  for (let i = 0; i < groupOf.length; i++) {
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
  }
}

/**
 * Members of each group, most deprived first, in one array: group g is
 * `members[starts[g]..starts[g + 1])`. A counting sort on rank (ranks are integers 1..N) then a
 * stable deal into groups: O(LSOAs + N), no comparisons; tied ranks keep their input order.
 */
function groupMembersByRank(
  { groupCount, groupOf, rank }: GroupedLsoas,
  lsoaCount: number,
): { starts: Int32Array; members: Int32Array } {
  const n = groupOf.length;
  // rankStarts[r] = number of LSOAs ranked below r, then advanced as LSOAs of rank r are placed.
  const rankStarts = new Int32Array(lsoaCount + 2);
  for (let i = 0; i < n; i++) {
    const next = (rank[i] as number) + 1;
    rankStarts[next] = (rankStarts[next] as number) + 1;
  }
  for (let r = 1; r <= lsoaCount + 1; r++)
    rankStarts[r] = (rankStarts[r] as number) + (rankStarts[r - 1] as number);
  const byRank = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = rank[i] as number;
    const at = rankStarts[r] as number;
    byRank[at] = i;
    rankStarts[r] = at + 1;
  }

  const starts = new Int32Array(groupCount + 1);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i] as number;
    if (g >= 0) starts[g + 1] = (starts[g + 1] as number) + 1;
  }
  for (let g = 1; g <= groupCount; g++)
    starts[g] = (starts[g] as number) + (starts[g - 1] as number);
  const cursor = starts.slice(0, groupCount);
  const members = new Int32Array(starts[groupCount] as number);
  for (let k = 0; k < n; k++) {
    const i = byRank[k] as number;
    const g = groupOf[i] as number;
    if (g < 0) continue;
    const at = cursor[g] as number;
    members[at] = i;
    cursor[g] = at + 1;
  }
  return { starts, members };
}
