// Officers' own boundaries and indicators from the browser: the same checks and messages as
// `import-boundaries` and `import-indicators` (the same functions), worded for a form rather
// than a command line, and audited like the authority imports.
import type { Database } from '@thrive/db';
import type { Kysely } from 'kysely';
import { BadRequestError } from '../../errors.ts';
import { recordAudit } from '../audit/repository.ts';
import { importBoundaries, type ImportBoundariesReport } from './import-boundaries.ts';
import { importIndicators, type ImportIndicatorsReport } from './import-indicators.ts';
import type { BoundaryUploadBody } from './schemas.ts';

// The shared checks name the command line's options; the upload form calls them by its labels.
const FORM_WORDS: readonly [RegExp, string][] = [
  [/--level\b/g, 'the level'],
  [/--parent\b/g, 'the parent area'],
  [/say --replace/g, 'tick "Move areas that already exist"'],
  [/--replace\b/g, '"Move areas that already exist"'],
];

/** A check's message as the upload form words it (no command-line options). */
export function formWording(message: string): string {
  return FORM_WORDS.reduce((text, [pattern, words]) => text.replace(pattern, words), message);
}

async function asForm<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BadRequestError) throw new BadRequestError(`${formWording(error.message)}; nothing was loaded`);
    throw error;
  }
}

/** Loads an uploaded GeoJSON file's features as areas (400 with the feature's number when one is bad). */
export async function uploadBoundaries(db: Kysely<Database>, body: BoundaryUploadBody, actorId: string | null): Promise<ImportBoundariesReport> {
  const report = await asForm(() =>
    importBoundaries(db, body.geojson, { level: body.level, parent: body.parent, codeProp: body.codeProp, nameProp: body.nameProp, replace: body.replace, source: body.fileName }),
  );
  await recordAudit(db, { actorId, action: 'import.boundaries', target: body.parent ? `area:${body.parent}` : null, details: { level: body.level, areas: report.areas } });
  return report;
}

/** Loads uploaded indicator values and definitions (400 with the line number of a bad row). */
export async function uploadIndicators(db: Kysely<Database>, csv: string, definitions: string, actorId: string | null): Promise<ImportIndicatorsReport> {
  const report = await asForm(() => importIndicators(db, csv, definitions));
  await recordAudit(db, { actorId, action: 'import.indicators', target: null, details: { indicators: report.indicators, values: report.values } });
  return report;
}
