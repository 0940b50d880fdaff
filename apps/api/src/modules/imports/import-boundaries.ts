// import-boundaries: areas from any GeoJSON FeatureCollection (WGS84), validated first so a bad
// feature aborts with its index and reason and nothing is written; re-running updates.
import { bumpDataVersion, type AreaLevel, type Database, type NewArea } from '@thrive/db';
import { bboxOf, formatValidationError, validateAreaCollection } from '@thrive/geo';
import type { Kysely } from 'kysely';
import { BadRequestError } from '../../errors.ts';
import { findArea } from '../areas/repository.ts';
import { upsertAreas } from './repository.ts';

export interface ImportBoundariesOptions {
  level: AreaLevel;
  codeProp?: string | undefined;
  nameProp?: string | undefined;
  parent?: string | undefined;
  /** Where the areas came from, stored with them. */
  source: string;
}

export interface ImportBoundariesReport {
  areas: number;
  codeProp: string;
  nameProp: string | null;
  guessed: string[];
  warnings: string[];
}

/** Validates and loads the features of a GeoJSON text as areas of one level. */
export async function importBoundaries(db: Kysely<Database>, text: string, options: ImportBoundariesOptions): Promise<ImportBoundariesReport> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BadRequestError(`not valid JSON: ${error instanceof Error ? error.message : String(error)} (is the file complete?)`);
  }
  const result = validateAreaCollection(json, { codeProp: options.codeProp, nameProp: options.nameProp });
  if (!result.ok) {
    const lines = result.errors.map(formatValidationError);
    const more = result.moreErrors > 0 ? `; and ${result.moreErrors} more` : '';
    throw new BadRequestError(`${lines.join('; ')}${more}`);
  }
  if (options.parent !== undefined && !(await findArea(db, options.parent))) {
    throw new BadRequestError(`--parent ${options.parent}: no such area; load it first`);
  }
  const guessed: string[] = [];
  if (result.guessed.codeProp !== undefined) guessed.push(`code from "${result.guessed.codeProp}"`);
  if (result.guessed.nameProp !== undefined) guessed.push(result.guessed.nameProp === null ? 'no name property found (names = codes)' : `name from "${result.guessed.nameProp}"`);
  const areas: NewArea[] = result.features.map((f) => {
    const [minx, miny, maxx, maxy] = bboxOf(f.geometry);
    return {
      code: f.code,
      name: f.name ?? f.code,
      level: options.level,
      parent_code: options.parent ?? null,
      geometry: JSON.stringify(f.geometry),
      minx,
      miny,
      maxx,
      maxy,
      source: options.source,
      valid_from: null,
      valid_to: null,
    };
  });
  await db.transaction().execute(async (tx) => {
    await bumpDataVersion(tx);
    await upsertAreas(tx, areas);
  });
  return { areas: areas.length, codeProp: result.codeProp, nameProp: result.nameProp, guessed, warnings: result.warnings };
}
