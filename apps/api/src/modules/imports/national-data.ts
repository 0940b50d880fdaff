// England-wide records from the mirror, parsed once and shared by every authority loaded in
// one run (the demo loads two): File 2, File 6, the underlying indicators, LSOA centroids, CNI.
import {
  buildLsoaFrame,
  groupValues,
  readCniWards,
  readIodDomains,
  readIodIndicators,
  readPopulationDenominators,
  type AreaValue,
  type CniWardRecord,
  type IodDomainsRecord,
  type SmallAreaRecords,
} from '@thrive/indicators';
import { parse } from 'csv-parse/sync';
import type { Mirror } from './mirror.ts';

export const ENGLAND = { code: 'E92000001', name: 'England' } as const;

export interface Centroid {
  code: string;
  lon: number;
  lat: number;
}

export interface NationalData {
  readonly records: SmallAreaRecords;
  readonly domains: readonly IodDomainsRecord[];
  readonly centroids: ReadonlyMap<string, Centroid>;
  readonly cni: readonly CniWardRecord[];
  /** England's aggregated values (computed once). */
  readonly englandValues: readonly AreaValue[];
}

/** Reads and parses the national files, reporting each step. */
export function readNationalData(mirror: Mirror, progress: (line: string) => void): NationalData {
  const started = performance.now();
  const domains = readIodDomains(mirror.readText('iod2019-domains'));
  const populations = readPopulationDenominators(mirror.readText('iod2019-population'));
  const indicators = readIodIndicators(mirror.readText('iod2019-indicators'));
  const cni = readCniWards(mirror.readText('cni2019'));
  const centroidRows = parse(mirror.readText('lsoa-centroids-2011'), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
  const centroids = new Map<string, Centroid>();
  for (const [i, r] of centroidRows.entries()) {
    const lon = Number(r.lon);
    const lat = Number(r.lat);
    if (!r.lsoa11_code || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      throw new Error(`${mirror.dataset('lsoa-centroids-2011').mirror}: line ${i + 2}: needs lsoa11_code, lon and lat`);
    }
    centroids.set(r.lsoa11_code, { code: r.lsoa11_code, lon, lat });
  }
  const frame = buildLsoaFrame(domains, populations);
  const records: SmallAreaRecords = {
    frame,
    domains,
    populations: new Map(populations.map((p) => [p.lsoaCode, p])),
    indicators: new Map(indicators.map((r) => [r.lsoaCode, r])),
  };
  const englandValues = groupValues(records, () => ENGLAND.code);
  progress(
    `read the mirror: ${domains.length.toLocaleString('en-GB')} LSOAs, ${cni.length.toLocaleString('en-GB')} CNI wards (${Math.round(performance.now() - started)} ms)`,
  );
  return { records, domains, centroids, cni, englandValues };
}
