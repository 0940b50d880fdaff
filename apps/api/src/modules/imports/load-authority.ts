// load-authority: one English local authority from the mirror — its wards, its LSOAs
// (polygons where the mirror has them, centroids otherwise), the LSOA→ward best fit, IoD2019 and
// CNI values, and aggregates for its wards, the authority and England — in one transaction.
import { bumpDataVersion, type Database, type NewArea, type NewAreaLink, type NewIndicatorValue } from '@thrive/db';
import {
  bboxOf,
  bestFitByCentroid,
  bestFitMethodNote,
  validateAreaCollection,
  formatValidationError,
  unionBoxes,
  type AreaFeature,
  type BBox,
} from '@thrive/geo';
import { catalogue, cniWardValues, groupValues, smallAreaValues, type AreaValue } from '@thrive/indicators';
import type { Kysely } from 'kysely';
import { BadRequestError } from '../../errors.ts';
import { toIndicatorRow } from './indicator-rows.ts';
import { register } from '../open-data/datasets.ts';
import type { Mirror } from './mirror.ts';
import { ENGLAND } from '../areas/england.ts';
import type { NationalData } from './national-data.ts';
import { replaceBestFitLinks, upsertAreas, upsertIndicators, upsertValues } from './repository.ts';

/** The IoD2019 period every value from the mirror is stored under. */
export const IOD_PERIOD = '2019';
// A centroid just outside coast-clipped ward boundaries is given the nearest ward within this.
const NEAREST_WITHIN_METRES = 1000;

export interface LoadAuthorityReport {
  code: string;
  name: string;
  wards: number;
  lsoas: number;
  lsoaPolygons: number;
  linked: number;
  nearest: { code: string; ward: string; metres: number }[];
  unmatched: string[];
  ambiguous: { code: string; wards: string[] }[];
  values: number;
  cniWards: number;
  notes: string[];
}

/** The ward files of a 2019 authority: its own, or its predecessors' when it was formed by a merger. */
export function wardFilesFor(mirror: Mirror, code: string): string[] {
  const own = `${code}.geojson`;
  if (mirror.has('ward-boundaries-2013', own)) return [own];
  const predecessors = register.mergedAuthorities[code];
  if (predecessors) return predecessors.map((c) => `${c}.geojson`);
  return [];
}

function readAreas(mirror: Mirror, id: 'ward-boundaries-2013' | 'lsoa-boundaries-2011', file: string, codeProp: string, nameProp: string): AreaFeature[] {
  const path = `${mirror.dataset(id).mirror}/${file}`;
  let json: unknown;
  try {
    json = JSON.parse(mirror.readText(id, file));
  } catch (error) {
    if (error instanceof SyntaxError) throw new BadRequestError(`${path}: not valid JSON (${error.message})`);
    throw error;
  }
  const result = validateAreaCollection(json, { codeProp, nameProp });
  if (!result.ok) {
    const first = result.errors[0];
    throw new BadRequestError(`${path}: ${first ? formatValidationError(first) : 'invalid'}${result.errors.length + result.moreErrors > 1 ? ` (and ${result.errors.length + result.moreErrors - 1} more problems)` : ''}`);
  }
  return result.features;
}

const boxColumns = (box: BBox | null) =>
  box ? { minx: box[0], miny: box[1], maxx: box[2], maxy: box[3] } : { minx: null, miny: null, maxx: null, maxy: null };

const toValueRow = (v: AreaValue): NewIndicatorValue => ({
  indicator_id: v.indicatorId,
  area_code: v.areaCode,
  period: IOD_PERIOD,
  value: v.value,
  numerator: v.numerator,
  denominator: v.denominator,
  lower_ci: v.lower,
  upper_ci: v.upper,
  note: v.note,
});

/** Loads one authority; throws BadRequestError (nothing written) when it cannot. */
export async function loadAuthority(
  db: Kysely<Database>,
  mirror: Mirror,
  national: NationalData,
  code: string,
  progress: (line: string) => void,
): Promise<LoadAuthorityReport> {
  const { records } = national;
  const lsoaIndexes: number[] = [];
  records.frame.ladCodes.forEach((lad, i) => {
    if (lad === code) lsoaIndexes.push(i);
  });
  if (lsoaIndexes.length === 0) {
    throw new BadRequestError(`${code} is not an English local authority district (2019 code) in IoD2019 File 2.`);
  }
  const name = records.frame.ladNames[lsoaIndexes[0] as number] as string;

  const wardFiles = wardFilesFor(mirror, code);
  if (wardFiles.length === 0) {
    throw new BadRequestError(`No ward boundaries for ${name} (${code}) in the mirror (${mirror.dataset('ward-boundaries-2013').mirror}).`);
  }
  const notes: string[] = [];
  if (wardFiles.length > 1 || wardFiles[0] !== `${code}.geojson`) {
    notes.push(`${name} was formed by a merger: wards from ${wardFiles.map((f) => f.replace('.geojson', '')).join(', ')}`);
  }
  const wards = wardFiles.flatMap((file) => readAreas(mirror, 'ward-boundaries-2013', file, 'WD13CD', 'WD13NM'));

  const lsoaFile = `${code}.geojson`;
  const lsoaPolygons = mirror.has('lsoa-boundaries-2011', lsoaFile)
    ? new Map(readAreas(mirror, 'lsoa-boundaries-2011', lsoaFile, 'LSOA11CD', 'LSOA11NM').map((f) => [f.code, f]))
    : new Map<string, AreaFeature>();

  const lsoaCodes = lsoaIndexes.map((i) => records.frame.lsoaCodes[i] as string);
  const centroids = lsoaCodes.map((lsoa) => {
    const c = national.centroids.get(lsoa);
    if (!c) throw new BadRequestError(`LSOA ${lsoa} has no centroid in ${mirror.dataset('lsoa-centroids-2011').mirror}.`);
    return c;
  });
  const fit = bestFitByCentroid(centroids, wards, { nearestWithinMetres: NEAREST_WITHIN_METRES });
  const links: NewAreaLink[] = [
    ...fit.links.map((l) => ({ from_code: l.from, to_code: l.to, method: 'best_fit_centroid' as const, weight: 1 })),
    ...fit.nearest.map((n) => ({ from_code: n.code, to_code: n.to, method: 'best_fit_nearest' as const, weight: 1 })),
  ];
  const wardOf = new Map(links.map((l) => [l.from_code, l.to_code]));
  const unmatched = fit.unmatched.filter((c) => !wardOf.has(c));
  progress(
    `${name} (${code}): ${wards.length} wards, ${lsoaCodes.length} LSOAs (${lsoaPolygons.size > 0 ? `${lsoaPolygons.size} polygons` : 'centroids only'}); best fit: ${fit.links.length} by centroid, ${fit.nearest.length} to the nearest ward, ${unmatched.length} unmatched, ${fit.ambiguous.length} in several wards`,
  );
  for (const n of fit.nearest) progress(`  ${n.code}: centroid outside every ward, assigned to the nearest, ${n.to} (${Math.round(n.metres)} m)`);
  for (const u of unmatched) progress(`  ${u}: centroid in no ward (left out of ward aggregates)`);
  for (const a of fit.ambiguous) progress(`  ${a.code}: centroid in several wards (${a.wards.join(', ')}); left out of ward aggregates`);

  const wardBoxes = wards.map((w) => bboxOf(w.geometry));
  const areas: NewArea[] = [
    { code: ENGLAND.code, name: ENGLAND.name, level: 'country', parent_code: null, geometry: null, ...boxColumns(null), source: 'ONS', valid_from: null, valid_to: null },
    { code, name, level: 'lad', parent_code: ENGLAND.code, geometry: null, ...boxColumns(unionBoxes(wardBoxes)), source: 'IoD2019 File 2 (2019 authority codes)', valid_from: null, valid_to: null },
    ...wards.map((w, i) => ({
      code: w.code,
      name: w.name ?? w.code,
      level: 'ward' as const,
      parent_code: code,
      geometry: JSON.stringify(w.geometry),
      ...boxColumns(wardBoxes[i] ?? null),
      source: 'ONS Wards (December 2013), generalised clipped',
      valid_from: null,
      valid_to: null,
    })),
    ...lsoaIndexes.map((i, k) => {
      const lsoa = lsoaCodes[k] as string;
      const polygon = lsoaPolygons.get(lsoa);
      const centroid = centroids[k] as { lon: number; lat: number };
      return {
        code: lsoa,
        name: records.domains[i]?.lsoaName ?? lsoa,
        level: 'lsoa' as const,
        parent_code: code,
        geometry: polygon ? JSON.stringify(polygon.geometry) : null,
        ...boxColumns(polygon ? bboxOf(polygon.geometry) : [centroid.lon, centroid.lat, centroid.lon, centroid.lat]),
        source: polygon ? 'ONS LSOA (2011) boundaries' : 'ONS LSOA (2011) centroid only',
        valid_from: null,
        valid_to: null,
      };
    }),
  ];

  const inAuthority = new Set(lsoaIndexes);
  const wardCodes = new Set(wards.map((w) => w.code));
  const cni = cniWardValues(national.cni, wardCodes);
  const cniWards = new Set(cni.map((v) => v.areaCode)).size;
  if (cniWards < wards.length) {
    notes.push(`Community Needs Index: ${cniWards} of ${wards.length} wards have 2017 codes matching these 2013 wards; the rest show no CNI values`);
  }
  const values = [
    ...smallAreaValues(records, (i) => inAuthority.has(i)),
    ...groupValues(records, (i) => (inAuthority.has(i) ? wardOf.get(records.frame.lsoaCodes[i] as string) : undefined)),
    ...groupValues(records, (i) => (inAuthority.has(i) ? code : undefined)),
    ...national.englandValues,
    ...cni,
  ].map(toValueRow);

  await db.transaction().execute(async (tx) => {
    await bumpDataVersion(tx);
    await upsertIndicators(tx, catalogue.map(toIndicatorRow));
    await upsertAreas(tx, areas);
    await replaceBestFitLinks(tx, lsoaCodes, links);
    let reported = 0;
    await upsertValues(tx, values, (done) => {
      if (done - reported >= 5000 || done === values.length) {
        reported = done;
        progress(`  wrote ${done.toLocaleString('en-GB')} of ${values.length.toLocaleString('en-GB')} values`);
      }
    });
  });
  for (const note of notes) progress(`  note: ${note}`);

  return {
    code,
    name,
    wards: wards.length,
    lsoas: lsoaCodes.length,
    lsoaPolygons: lsoaPolygons.size,
    linked: links.length,
    nearest: fit.nearest.map((n) => ({ code: n.code, ward: n.to, metres: n.metres })),
    unmatched,
    ambiguous: fit.ambiguous.map((a) => ({ code: a.code, wards: [...a.wards] })),
    values: values.length,
    cniWards,
    // The links join two vintages: say which, so nobody reads them as a same-year lookup.
    notes: [
      ...notes,
      `LSOA→ward links join ${mirror.dataset('lsoa-centroids-2011').geography} LSOAs (the areas of ${mirror.dataset('iod2019-domains').release}) to ${mirror.dataset('ward-boundaries-2013').geography}. ${bestFitMethodNote}`,
    ],
  };
}
