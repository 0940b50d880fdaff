// The rug's own reads, beyond areas and indicator values: estates under a parent, the LSOAs
// that may lie under an estate, and which of the rug's areas have adopted KPIs.
import type { Database } from '@thrive/db';
import type { Kysely } from 'kysely';

/** Estates under a parent: directly (an authority's or a ward's estates), or inside one of its wards. */
export function estatesUnder(db: Kysely<Database>, parent: string) {
  return db
    .selectFrom('area')
    .select(['code', 'name', 'parent_code', 'geometry', 'minx', 'miny', 'maxx', 'maxy'])
    .where('level', '=', 'estate')
    .where((eb) =>
      eb.or([
        eb('parent_code', '=', parent),
        eb(
          'parent_code',
          'in',
          eb
            .selectFrom('area as ward')
            .select('ward.code')
            .where('ward.parent_code', '=', parent)
            .where('ward.level', '=', 'ward'),
        ),
      ]),
    )
    .orderBy('name')
    .orderBy('code')
    .execute();
}

/** Whether any estate lies under a parent (directly or inside one of its wards). */
export async function hasEstates(db: Kysely<Database>, parent: string): Promise<boolean> {
  const row = await db
    .selectFrom('area')
    .select('code')
    .where('level', '=', 'estate')
    .where((eb) =>
      eb.or([
        eb('parent_code', '=', parent),
        eb(
          'parent_code',
          'in',
          eb
            .selectFrom('area as ward')
            .select('ward.code')
            .where('ward.parent_code', '=', parent)
            .where('ward.level', '=', 'ward'),
        ),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** LSOAs whose bounding box meets a box (polygons, or the point of a centroid-only LSOA). */
export function lsoasMeeting(
  db: Kysely<Database>,
  box: { minx: number; miny: number; maxx: number; maxy: number },
) {
  return db
    .selectFrom('area')
    .select(['code', 'geometry', 'minx', 'miny', 'maxx', 'maxy'])
    .where('level', '=', 'lsoa')
    .where('minx', '<=', box.maxx)
    .where('maxx', '>=', box.minx)
    .where('miny', '<=', box.maxy)
    .where('maxy', '>=', box.miny)
    .orderBy('code')
    .execute();
}

/** Stored values of some indicators for some areas in one period. */
export function valuesOfAreas(
  db: Kysely<Database>,
  indicatorIds: readonly string[],
  codes: readonly string[],
  period: string,
) {
  if (indicatorIds.length === 0 || codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('indicator_value')
    .select(['indicator_id', 'area_code', 'value', 'numerator', 'denominator'])
    .where('indicator_id', 'in', [...indicatorIds])
    .where('area_code', 'in', [...codes])
    .where('period', '=', period)
    .execute();
}

/**
 * Areas with adopted KPIs among `codes` or directly inside one of them (a ward's estates), with
 * their parent, so the rug can list each area's KPIs once.
 */
export function kpiAreasAmong(db: Kysely<Database>, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('kpi')
    .innerJoin('area', 'area.code', 'kpi.area_code')
    .select(['area.code', 'area.parent_code'])
    .distinct()
    .where('kpi.state', '=', 'adopted')
    .where((eb) =>
      eb.or([eb('area.code', 'in', [...codes]), eb('area.parent_code', 'in', [...codes])]),
    )
    .orderBy('area.code')
    .execute();
}
