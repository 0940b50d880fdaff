// Areas for suites that need them to exist but not their shapes: codes, names and the hierarchy.
import type { Db, NewArea } from '@thrive/db';

/** A ward with an estate inside it, for the KPI and survey suites. */
export const WARD = 'E05999901';
export const ESTATE = 'EST-KPI001';

/** An area row with no geometry. */
export const plainArea = (
  code: string,
  name: string,
  level: NewArea['level'],
  parentCode: string | null = null,
): NewArea => ({
  code,
  name,
  level,
  parent_code: parentCode,
  geometry: null,
  minx: null,
  miny: null,
  maxx: null,
  maxy: null,
  source: 'test',
  valid_from: null,
  valid_to: null,
});

/** Stores areas one by one, in the order given (parents first). */
export async function addAreas(db: Db, ...areas: NewArea[]): Promise<void> {
  for (const area of areas) await db.db.insertInto('area').values(area).execute();
}

/** Loads `WARD` and `ESTATE` inside it. */
export function addWardWithEstate(db: Db): Promise<void> {
  return addAreas(
    db,
    plainArea(WARD, 'Test Ward', 'ward'),
    plainArea(ESTATE, 'Test Estate', 'estate', WARD),
  );
}
