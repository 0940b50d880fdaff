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
  const keyIndex = new Map<string, number>();
  const keys: string[] = [];
  const groupOf = new Int32Array(frame.lsoaCodes.length);
  // LSOAs of one group mostly come in runs (File 2 is in LSOA code order), so remember the
  // last key and skip the map lookup while it repeats.
  let lastKey: string | undefined;
  let lastGroup = -1;
  for (let i = 0; i < groupOf.length; i++) {
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
      }
      lastKey = key;
      lastGroup = g;
    }
    groupOf[i] = lastGroup;
  }
  const counts = new Int32Array(keys.length);
  for (const g of groupOf) if (g >= 0) counts[g] = (counts[g] ?? 0) + 1;

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
  const groups = keys.map((key, g): GroupSummary => ({
    key,
    lsoaCount: counts[g] ?? 0,
    measures: byDomain((domain) => {
      const summary = summaries[domain][g];
      if (summary === undefined) throw new Error(`no ${domain} summary for group ${key}.`);
      return summary;
    }),
  }));
  return groups.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
