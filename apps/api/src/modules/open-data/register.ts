// The fetch half of the dataset register (data/sources.json): where each dataset comes from,
// the SHA-256 of each file as its address serves it, and how the download becomes the files the
// loaders read. mirror.ts reads the other half (where each dataset lives in the data folder).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../config.ts';
import { withPublicationCredit, type StoredEntry } from './publication-credit.ts';

/** The download is the dataset's file (or one file per key), kept byte for byte. */
export interface CopyLayout {
  kind: 'copy';
  /** File name inside the dataset's folder, with {key}; absent for a single-file dataset. */
  to?: string;
}

/** A CSV with these columns (found by name) taken from a larger CSV of the same release. */
export interface CsvColumnsLayout {
  kind: 'csv-columns';
  columns: string[];
}

/** One CSV of area-weighted centroids from per-authority LSOA polygon files. */
export interface LsoaCentroidsLayout {
  kind: 'lsoa-centroids';
  codeProperty: string;
  nameProperty: string;
}

/**
 * One CSV from the sheets of an Excel workbook: each output column taken from the sheet whose
 * header row has the publisher's header (compared ignoring case, spaces and punctuation), the
 * sheets joined row by row on the key column, rows in key order.
 */
export interface XlsxColumnsLayout {
  kind: 'xlsx-columns';
  /** The publisher's header of the column that names each row's area in every sheet. */
  key: string;
  /** Output column (as the loaders read it) → the publisher's header it is taken from. */
  columns: Record<string, string>;
}

export type Layout = CopyLayout | CsvColumnsLayout | LsoaCentroidsLayout | XlsxColumnsLayout;

/** An automatic fetch: one address, or one per key ({key} in the url). */
export interface AutomaticFetch {
  /** Who serves the file when it is not the publisher, and why. */
  via?: string;
  url: string;
  /** The SHA-256 (hex) of the file as served, per key for a templated url; null = not recorded yet. */
  sha256: string | null | Record<string, string>;
  layout: Layout;
}

/** A dataset that cannot be fetched automatically: what to do by hand. */
export interface ManualFetch {
  manual: string;
}

export interface RegisterDataset {
  id: string;
  title: string;
  /** Its publication's id; publisher, licence and url are that publication's (publication-credit.ts). */
  publication: string;
  publisher: string;
  licence: string;
  url: string;
  mirror: string;
  release: string;
  geography: string;
  fetch: AutomaticFetch | ManualFetch;
}

export interface FetchRegister {
  datasets: RegisterDataset[];
}

/** One file to download: the address, where it is cached, and its expected SHA-256. */
export interface Download {
  /** The {key} it stands for (a 2013 authority code), or null for a single file. */
  key: string | null;
  url: string;
  sha256: string | null;
}

/** The register in data/sources.json (or another file, for tests), each dataset with its publication's credit. */
export function readRegister(path = join(REPO_ROOT, 'data', 'sources.json')): FetchRegister {
  const stored = JSON.parse(readFileSync(path, 'utf8')) as {
    datasets: StoredEntry<RegisterDataset>[];
  };
  return { datasets: stored.datasets.map(withPublicationCredit) };
}

/** True when the dataset has to be fetched by hand. */
export function isManual(fetch: AutomaticFetch | ManualFetch): fetch is ManualFetch {
  return 'manual' in fetch;
}

/** The files an automatic fetch downloads, one per key for a templated url. */
export function downloadsOf(fetch: AutomaticFetch): Download[] {
  const { url, sha256 } = fetch;
  if (!url.includes('{key}')) {
    if (sha256 !== null && typeof sha256 !== 'string')
      throw new Error(`${url}: a single file needs one sha256, not a table`);
    return [{ key: null, url, sha256 }];
  }
  if (sha256 === null || typeof sha256 === 'string')
    throw new Error(`${url}: a {key} address needs a sha256 table naming each key`);
  return Object.entries(sha256)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, hex]) => ({ key, url: url.replaceAll('{key}', key), sha256: hex }));
}

/**
 * The address with its scheme and host replaced by `from`'s, the path kept (after `from`'s own
 * path, if any), so a local copy laid out as the publishers lay it out stands in for them.
 */
export function rebase(url: string, from: string | undefined): string {
  if (!from) return url;
  const target = new URL(url);
  const base = new URL(from);
  return `${base.protocol}//${base.host}${base.pathname.replace(/\/+$/, '')}${target.pathname}${target.search}`;
}
