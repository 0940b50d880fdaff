// Summary measures for the IMD and every domain, for any grouping of the LSOAs in a frame.
import { POPULATION_BASIS, byDomain, type IodDomain } from './domains.ts';
import type { LsoaFrame } from './lsoa-frame.ts';
import { IOD2019_LSOA_COUNT } from './ranks.ts';
import { summariseGroups, type IodSummary } from './summary.ts';

/** One group's summary measures for the IMD and each domain. */
export interface GroupSummary {
  readonly key: string;
  readonly lsoaCount: number;
  readonly measures: Readonly<Record<IodDomain, IodSummary>>;
}

/**
 * Summarises every group of LSOAs for the IMD and each domain, each weighted by its own
 * population basis (working-age for Employment, total otherwise). `groupKeyOf` gives an LSOA's
 * group (an authority, ward or estate code), or undefined to leave it out. Groups come back
 * sorted by key.
 * @see https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019 (IoD2019 Research Report, Appendix A)
 */
export function summariseFrameByGroup(
  frame: LsoaFrame,
  groupKeyOf: (lsoa: number) => string | undefined,
  lsoaCount: number = IOD2019_LSOA_COUNT,
): GroupSummary[] {
  return summariseFrameGroups(frame, groupKeyOf, lsoaCount).map((group) => group.summary);
}

/** A group's summaries and its first LSOA in the frame. */
export interface FrameGroup {
  readonly summary: GroupSummary;
  readonly firstLsoa: number;
}

/** summariseFrameByGroup, each group with its first LSOA (for what else the frame holds of it, such as a name). */
export function summariseFrameGroups(
  frame: LsoaFrame,
  groupKeyOf: (lsoa: number) => string | undefined,
  lsoaCount: number,
): FrameGroup[] {
  const n = frame.lsoaCodes.length;
  // A working array, unless a call is already using it (groupKeyOf might summarise another frame).
  const lent = !groupOfLent;
  const groupOf = lent ? lendGroupOf(n) : new Int32Array(n);
  try {
    const keys: string[] = [];
    const counts: number[] = [];
    const firsts: number[] = [];
    const keyIndex = new Map<string, number>();
    // LSOAs of one group mostly come in runs (File 2 is in LSOA code order), so remember the
    // last key and skip the map lookup while it repeats.
    let lastKey: string | undefined;
    let lastGroup = -1;
    for (let i = 0; i < n; i++) {
      const key = groupKeyOf(i);
      if (key === undefined) {
        groupOf[i] = -1;
        continue;
      }
      if (key !== lastKey) {
        let g = keyIndex.get(key);
        if (g === undefined) {
          g = keys.length;
          keyIndex.set(key, g);
          keys.push(key);
          counts.push(0);
          firsts.push(i);
        }
        lastKey = key;
        lastGroup = g;
      }
      groupOf[i] = lastGroup;
      counts[lastGroup] = (counts[lastGroup] ?? 0) + 1;
    }
    const summaries = byDomain((domain) =>
      summariseGroups(
        {
          groupCount: keys.length,
          groupOf,
          rank: frame.ranks[domain],
          population: frame.populations[POPULATION_BASIS[domain]],
        },
        lsoaCount,
      ),
    );
    const groups = keys.map((key, g): FrameGroup => ({
      summary: {
        key,
        lsoaCount: counts[g] ?? 0,
        measures: byDomain((domain) => {
          const summary = summaries[domain][g];
          if (summary === undefined) throw new Error(`no ${domain} summary for group ${key}.`);
          return summary;
        }),
      },
      firstLsoa: firsts[g] ?? 0,
    }));
    return groups.sort((a, b) =>
      a.summary.key < b.summary.key ? -1 : a.summary.key > b.summary.key ? 1 : 0,
    );
  } finally {
    if (lent) groupOfLent = false;
  }
}

// Each LSOA's group number, kept between calls: a fresh typed array the size of the frame costs
// more here than the grouping that fills it. Lent to one call at a time.
let groupOfScratch = new Int32Array(0);
let groupOfLent = false;

function lendGroupOf(n: number): Int32Array {
  if (groupOfScratch.length < n) groupOfScratch = new Int32Array(n);
  groupOfLent = true;
  return groupOfScratch.subarray(0, n);
}
