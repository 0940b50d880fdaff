// The read half of the dataset register (data/sources.json): each open dataset's title,
// publisher, licence, attribution, mirror folder, checksum and vintage, as the importers (which
// files), the pages and the exports (whose data, which release) read them. register.ts holds
// the fetch half.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../config.ts';

export interface DatasetEntry {
  id: string;
  title: string;
  publisher: string;
  licence: string;
  attribution: string;
  url: string;
  mirror: string;
  checksum: string;
  /** The vintage: which release (e.g. IoD2019) on which geography (e.g. LSOA 2011). */
  release: string;
  geography: string;
}

export interface Register {
  attribution: string;
  datasets: DatasetEntry[];
  mergedAuthorities: Record<string, string[]>;
}

/** The dataset register, data/sources.json. */
export const register: Register = JSON.parse(readFileSync(join(REPO_ROOT, 'data', 'sources.json'), 'utf8')) as Register;

export type DatasetId =
  | 'ward-boundaries-2013'
  | 'lsoa-boundaries-2011'
  | 'lsoa-centroids-2011'
  | 'iod2019-domains'
  | 'iod2019-population'
  | 'iod2019-indicators'
  | 'iod2019-subdomains'
  | 'cni2019';
