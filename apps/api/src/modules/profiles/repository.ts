// The only place that reads a profile's small areas with SQL.
import type { Database } from '@thrive/db';
import type { Kysely } from 'kysely';
import { codesUnder } from '../areas/repository.ts';

/** The LSOAs of an area (linked to a ward by best fit, or under an authority) with their IMD rank and decile. */
export async function lsoasWithImd(db: Kysely<Database>, code: string, period: string) {
  const rows = await db
    .selectFrom('area as a')
    .leftJoin('indicator_value as r', (join) =>
      join.onRef('r.area_code', '=', 'a.code').on('r.indicator_id', '=', 'imd_rank').on('r.period', '=', period),
    )
    .leftJoin('indicator_value as d', (join) =>
      join.onRef('d.area_code', '=', 'a.code').on('d.indicator_id', '=', 'imd_decile').on('d.period', '=', period),
    )
    .select(['a.code', 'a.name', 'r.value as imd_rank', 'd.value as imd_decile'])
    .where('a.level', '=', 'lsoa')
    .where('a.code', 'in', codesUnder(db, code))
    .orderBy('a.code')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, imdRank: r.imd_rank, imdDecile: r.imd_decile }));
}
