// The population the "who took part" comparison is made against: IoD2019 File 6 (mid-2015
// population denominators, by LSOA: 0–15, 16–59, 60 and over). The database keeps only each
// LSOA's total, so the age groups are read from the data mirror through the indicators
// package's reader, once per process, when the first analysis asks (about 33,000 rows).
import { readPopulationDenominators, type PopulationRecord } from '@thrive/indicators';
import type { PopulationAgeGroup } from '@thrive/participation';
import { Mirror } from '../imports/mirror.ts';
import { register } from '../open-data/datasets.ts';

export interface AgeGroupPopulation {
  total: number;
  groups: Record<PopulationAgeGroup, number>;
  /** The LSOAs found in File 6 (the others are left out of the sums). */
  lsoas: string[];
}

/** Where File 6 comes from, for the attribution. */
export const POPULATION_SOURCE = (() => {
  const entry = register.datasets.find((d) => d.id === 'iod2019-population');
  return entry ? `${entry.title}. ${entry.attribution}` : register.attribution;
})();

/** Reads File 6 lazily from a mirror and sums LSOAs' age groups; null when the mirror lacks it. */
export function populationSource(dataMirror: string) {
  let byLsoa: Map<string, PopulationRecord> | null | undefined;

  function load(): Map<string, PopulationRecord> | null {
    if (byLsoa !== undefined) return byLsoa;
    const mirror = new Mirror(dataMirror);
    byLsoa = mirror.has('iod2019-population')
      ? new Map(
          readPopulationDenominators(mirror.readText('iod2019-population')).map((r) => [
            r.lsoaCode,
            r,
          ]),
        )
      : null;
    return byLsoa;
  }

  return {
    /** The summed population of these LSOAs by File 6 age group, or null when none is known. */
    of(lsoaCodes: readonly string[]): AgeGroupPopulation | null {
      const table = load();
      if (!table) return null;
      const found = lsoaCodes.flatMap((code) => table.get(code) ?? []);
      if (found.length === 0) return null;
      const sum = (pick: (r: PopulationRecord) => number) => found.reduce((s, r) => s + pick(r), 0);
      return {
        total: sum((r) => r.total),
        groups: {
          '0_15': sum((r) => r.children0to15),
          '16_59': sum((r) => r.aged16to59),
          '60_plus': sum((r) => r.aged60AndOver),
        },
        lsoas: found.map((r) => r.lsoaCode),
      };
    },
  };
}

export type PopulationSource = ReturnType<typeof populationSource>;
