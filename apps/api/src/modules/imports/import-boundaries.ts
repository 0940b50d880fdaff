// import-boundaries: areas from any GeoJSON FeatureCollection (WGS84), validated first so a bad
// feature aborts with its index and reason and nothing is written; re-running updates.
// Codes and names are held to what the API serves (AREA_CODE_PATTERN, AREA_NAME_MAX, no control
// characters), and an area that already exists at another level or under another parent is
// not moved unless the caller says `replace` (a mistyped --level would otherwise turn a ward
// of one authority into an estate of another). A ring that crosses itself (a bow-tie) is refused
// with the feature's number rather than guessed at; open rings and repeated positions are
// repaired, and coordinates written [lat, lon] refused, by validateAreaCollection (@thrive/geo).
import { bumpDataVersion, type AreaLevel, type Database, type NewArea } from '@thrive/db';
import { bboxOf, firstRingCrossing, formatValidationError, validateAreaCollection } from '@thrive/geo';
import type { Kysely } from 'kysely';
import { BadRequestError } from '../../errors.ts';
import { findArea } from '../areas/repository.ts';
import { inputProblem } from '../../plugins/validation.ts';
import { existingAreaPlaces, upsertAreas } from './repository.ts';

// A code shown in a message: cut short, control characters made visible.
const printable = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text).slice(1, -1);

export interface ImportBoundariesOptions {
  level: AreaLevel;
  codeProp?: string | undefined;
  nameProp?: string | undefined;
  parent?: string | undefined;
  /** Where the areas came from, stored with them. */
  source: string;
  /** Move areas that already exist at another level or under another parent (--replace). */
  replace?: boolean | undefined;
}

/** Area codes the API can serve (as areas/schemas.ts AreaCode). */
export const AREA_CODE_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
/** The longest area name kept. */
export const AREA_NAME_MAX = 200;

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
  for (const [index, f] of result.features.entries()) {
    if (!AREA_CODE_PATTERN.test(f.code)) {
      throw new BadRequestError(`feature ${index}: code "${printable(f.code)}" must be 1 to 40 letters, digits, _ or -`);
    }
    if (f.name !== null && (f.name.length > AREA_NAME_MAX || inputProblem(f.name))) {
      throw new BadRequestError(`feature ${index} (${f.code}): the name ${f.name.length > AREA_NAME_MAX ? `is ${f.name.length} characters; at most ${AREA_NAME_MAX}` : inputProblem(f.name)}`);
    }
    const crossing = firstRingCrossing(f.geometry);
    if (crossing) {
      throw new BadRequestError(
        `feature ${index} (${f.code}): ${crossing.where} crosses itself near [${crossing.at.map((n) => n.toFixed(6)).join(', ')}], so the area has no clear inside; fix it (QGIS "Fix geometries", or mapshaper -clean) and load the file again`,
      );
    }
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
  if (!options.replace) {
    const existing = await existingAreaPlaces(db, areas.map((a) => a.code));
    const moved = areas.flatMap((a, index) => {
      const before = existing.get(a.code);
      if (!before || (before.level === a.level && before.parent_code === a.parent_code)) return [];
      return [`feature ${index} (${a.code}) is already a ${before.level}${before.parent_code ? ` in ${before.parent_code}` : ''}`];
    });
    if (moved.length > 0) {
      throw new BadRequestError(`${moved.slice(0, 5).join('; ')}${moved.length > 5 ? `; and ${moved.length - 5} more` : ''}: loading would make ${moved.length > 1 ? 'them' : 'it'} a ${options.level}${options.parent ? ` in ${options.parent}` : ''}; check --level and --parent, or say --replace to move ${moved.length > 1 ? 'them' : 'it'}`);
    }
  }
  await db.transaction().execute(async (tx) => {
    await bumpDataVersion(tx);
    await upsertAreas(tx, areas);
  });
  return { areas: areas.length, codeProp: result.codeProp, nameProp: result.nameProp, guessed, warnings: result.warnings };
}
