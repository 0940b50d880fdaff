// The only place that reads areas with SQL.
import type { AreaLevel, Database } from '@thrive/db';
import { sql, type Kysely } from 'kysely';

/**
 * The codes of the areas under `parent`: its children, and the small areas linked to it by best
 * fit (LSOAs under a ward). The one home of that rule; other queries use it as a subquery.
 */
export function codesUnder(db: Kysely<Database>, parent: string) {
  return db
    .selectFrom('area')
    .select('code')
    .where((eb) =>
      eb.or([
        eb('parent_code', '=', parent),
        eb('code', 'in', eb.selectFrom('area_link').select('from_code').where('to_code', '=', parent)),
      ]),
    );
}

function areasOf(db: Kysely<Database>, level: AreaLevel, parent: string | undefined) {
  let query = db.selectFrom('area').where('level', '=', level);
  if (parent !== undefined) {
    // An estate sits under the ward holding it: an authority's estates include its wards' (the estate rug's map).
    query =
      level === 'estate'
        ? query.where((eb) => eb.or([eb('code', 'in', codesUnder(db, parent)), eb('parent_code', 'in', codesUnder(db, parent))]))
        : query.where('code', 'in', codesUnder(db, parent));
  }
  return query;
}

/** How many areas of one level there are, optionally under one parent. */
export async function countAreas(db: Kysely<Database>, level: AreaLevel, parent: string | undefined): Promise<number> {
  const row = await areasOf(db, level, parent)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Areas of one level, optionally under one parent (directly, or linked by best fit), by name; one page when asked. */
export function listAreas(
  db: Kysely<Database>,
  level: AreaLevel,
  parent: string | undefined,
  page: { limit: number; offset: number } | undefined = undefined,
) {
  const query = areasOf(db, level, parent)
    .select(['code', 'name', 'level', 'geometry', 'minx', 'miny', 'maxx', 'maxy'])
    .orderBy('name')
    .orderBy('code');
  return (page ? query.limit(page.limit).offset(page.offset) : query).execute();
}

/** One area, or undefined. */
export function findArea(db: Kysely<Database>, code: string) {
  return db
    .selectFrom('area')
    .select(['code', 'name', 'level', 'parent_code', 'source', 'minx', 'miny', 'maxx', 'maxy'])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** The chain of parents above an area, nearest first (a recursive CTE: same on both engines). */
export async function parentChain(db: Kysely<Database>, code: string) {
  const result = await sql<{ code: string; name: string; level: AreaLevel; depth: number }>`
    with recursive chain(code, name, level, parent_code, depth) as (
      select a.code, a.name, a.level, a.parent_code, 0
        from area a where a.code = (select parent_code from area where code = ${code})
      union all
      select p.code, p.name, p.level, p.parent_code, c.depth + 1
        from area p join chain c on p.code = c.parent_code
       where c.depth < 10
    )
    select code, name, level, depth from chain order by depth`.execute(db);
  return result.rows.map(({ code: c, name, level }) => ({ code: c, name, level }));
}

/** Counts of an area's children by level: by parent_code and by best-fit links. */
export async function childCounts(db: Kysely<Database>, code: string): Promise<Record<string, number>> {
  const direct = await db
    .selectFrom('area')
    .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('parent_code', '=', code)
    .groupBy('level')
    .execute();
  const linked = await db
    .selectFrom('area_link')
    .innerJoin('area', 'area.code', 'area_link.from_code')
    .select(['area.level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('area_link.to_code', '=', code)
    .groupBy('area.level')
    .execute();
  const counts: Record<string, number> = {};
  for (const { level, n } of [...direct, ...linked]) counts[level] = Math.max(counts[level] ?? 0, Number(n));
  return counts;
}
