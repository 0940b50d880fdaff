// The read half of the dataset register (data/sources.json): each open dataset's title,
// publisher, licence, attribution, mirror folder, checksum and vintage, as the importers (which
// files), the pages and the exports (whose data, which release) read them. register.ts holds
// the fetch half. The publisher, page, licence and attribution are its publication's, from
// @thrive/indicators (publication-credit.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDataAttribution } from '@thrive/indicators';
import { REPO_ROOT } from '../../config.ts';
import { withPublicationCredit, type StoredEntry } from './publication-credit.ts';

export interface DatasetEntry {
  id: string;
  title: string;
  /** Its publication's id in @thrive/indicators' table. */
  publication: string;
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
  /** The attribution printed under rugs and profiles (boundaries and IoD2019). */
  attribution: string;
  datasets: DatasetEntry[];
  mergedAuthorities: Record<string, string[]>;
}

interface StoredRegister {
  datasets: StoredEntry<DatasetEntry>[];
  mergedAuthorities: Record<string, string[]>;
}

const stored = JSON.parse(readFileSync(join(REPO_ROOT, 'data', 'sources.json'), 'utf8')) as StoredRegister;

/** The dataset register, data/sources.json, each dataset with its publication's credit. */
export const register: Register = {
  attribution: openDataAttribution,
  datasets: stored.datasets.map(withPublicationCredit),
  mergedAuthorities: stored.mergedAuthorities,
};

export type DatasetId =
  | 'ward-boundaries-2013'
  | 'lsoa-boundaries-2011'
  | 'lsoa-centroids-2011'
  | 'iod2019-domains'
  | 'iod2019-population'
  | 'iod2019-indicators'
  | 'iod2019-subdomains'
  | 'cni2019';
