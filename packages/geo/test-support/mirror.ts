// Reads the read-only open-data mirror for the bench and the real-data tests; never for library code.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Centroid } from '../src/best-fit.ts';

/** One row of lsoa-2011-centroids.csv. */
export interface LsoaCentroidRow extends Centroid {
  readonly name: string;
  readonly ladCode: string;
}

/**
 * The mirror's folder: DATA_MIRROR when set, else `../shared/data` beside the repository root.
 * The one home of this default for every package's tests and benches (exported as
 * `@thrive/geo/test-support/mirror`); the server's own default is in apps/api/src/config.ts.
 */
export function mirrorDir(): string {
  const repoRoot = resolve(import.meta.dirname, '../../..');
  return resolve(process.env.DATA_MIRROR ?? resolve(repoRoot, '../shared/data'));
}

/** Path of a file inside the mirror's boundaries folder. */
export function boundaryPath(...parts: string[]): string {
  return join(mirrorDir(), 'boundaries', ...parts);
}

/** Reads a file from the mirror, saying where we looked when it is not there. */
export function readMirrorText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(
      `cannot read ${path}: is the data mirror there? Set DATA_MIRROR to its folder.`,
      {
        cause: error,
      },
    );
  }
}

/** Reads and parses a JSON file from the mirror. */
export function readMirrorJson(path: string): unknown {
  return JSON.parse(readMirrorText(path)) as unknown;
}

/** The ward file names (one per 2013 local authority) in wards-2013/. */
export function wardFileNames(): string[] {
  return readdirSync(boundaryPath('wards-2013'))
    .filter((name) => name.endsWith('.geojson'))
    .sort();
}

const CENTROID_HEADER = 'lsoa11_code,lsoa11_name,lad_code,lon,lat';

/**
 * Parses lsoa-2011-centroids.csv by splitting on commas: the file has CRLF line ends and no
 * quoted fields (checked; a quote makes this throw rather than misread a name with a comma).
 */
export function parseCentroidsCsv(text: string): LsoaCentroidRow[] {
  const lines = text.split(/\r?\n/).filter((line) => line !== '');
  const [header, ...body] = lines;
  if (header?.replace(/^\uFEFF/, '') !== CENTROID_HEADER) {
    throw new Error(`unexpected centroid header: ${header}; expected ${CENTROID_HEADER}`);
  }
  return body.map((line, i) => {
    if (line.includes('"'))
      throw new Error(`centroid line ${i + 2} has a quoted field; use a CSV parser`);
    const [code, name, ladCode, lon, lat, ...extra] = line.split(',');
    const x = Number(lon);
    const y = Number(lat);
    if (
      code === undefined ||
      name === undefined ||
      ladCode === undefined ||
      extra.length > 0 ||
      lon === '' ||
      lat === '' ||
      !Number.isFinite(x) ||
      !Number.isFinite(y)
    ) {
      throw new Error(`centroid line ${i + 2} is malformed: ${line}`);
    }
    return { code, name, ladCode, lon: x, lat: y };
  });
}

/** Every LSOA centroid in England, from the mirror. */
export function readLsoaCentroids(): LsoaCentroidRow[] {
  return parseCentroidsCsv(readMirrorText(boundaryPath('lsoa-2011-centroids.csv')));
}
