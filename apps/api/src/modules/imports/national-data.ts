// England-wide records from the mirror, parsed once and shared by every authority loaded in
// one run (the demo loads two): File 2, File 6, the underlying indicators, LSOA centroids, CNI.
import {
  buildLsoaFrame,
  groupValues,
  parseCsvTable,
  readCniWards,
  readIodDomains,
  readIodIndicators,
  readPopulationDenominators,
  requireColumns,
  type AreaValue,
  type CniWardRecord,
  type IodDomainsRecord,
  type SmallAreaRecords,
} from '@thrive/indicators';
import { ENGLAND } from '../areas/england.ts';
import type { Mirror } from './mirror.ts';

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
  const centroids = new Map<string, Centroid>();
  const centroidFile = mirror.dataset('lsoa-centroids-2011').mirror;
  const centroidTable = parseCsvTable(mirror.readText('lsoa-centroids-2011'), centroidFile);
  const at = requireColumns(centroidTable, { code: 'lsoa11_code', lon: 'lon', lat: 'lat' });
  for (const row of centroidTable.rows) {
    const code = row.cells[at.code.index]?.trim() ?? '';
    const lon = Number(row.cells[at.lon.index]?.trim() || Number.NaN);
    const lat = Number(row.cells[at.lat.index]?.trim() || Number.NaN);
    if (!code || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      throw new Error(`${centroidFile}: line ${row.line}: needs lsoa11_code, lon and lat`);
    }
    centroids.set(code, { code, lon, lat });
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
