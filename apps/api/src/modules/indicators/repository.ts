// The only place that reads indicators and their values with SQL.
import type { AreaLevel, Database } from '@thrive/db';
import type { Kysely } from 'kysely';
import { codesUnder } from '../areas/repository.ts';

/** Every indicator definition, in a stable order. */
export function listIndicators(db: Kysely<Database>) {
  return db.selectFrom('indicator').selectAll().orderBy('theme').orderBy('id').execute();
}

/** One indicator, or undefined. */
export function findIndicator(db: Kysely<Database>, id: string) {
  return db.selectFrom('indicator').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Some indicators by id. */
export function indicatorsByIds(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('indicator').selectAll().where('id', 'in', [...ids]).execute();
}

/** Values of some indicators for areas of a level (optionally under a parent, directly or by link), and for extra areas by code. */
export function valuesFor(
  db: Kysely<Database>,
  filter: { indicatorIds: readonly string[]; level: AreaLevel; parent?: string | undefined; period?: string | undefined; alsoCodes?: readonly string[] },
) {
  let query = db
    .selectFrom('indicator_value as v')
    .innerJoin('area as a', 'a.code', 'v.area_code')
    .select(['v.indicator_id', 'v.area_code', 'a.name as area_name', 'v.period', 'v.value', 'v.numerator', 'v.denominator', 'v.lower_ci', 'v.upper_ci', 'v.note'])
    .where('v.indicator_id', 'in', [...filter.indicatorIds]);
  if (filter.period !== undefined) query = query.where('v.period', '=', filter.period);
  const parent = filter.parent;
  const extra = filter.alsoCodes ?? [];
  query = query.where((eb) => {
    const ofLevel = parent === undefined
      ? eb('a.level', '=', filter.level)
      : eb.and([
          eb('a.level', '=', filter.level),
          eb('a.code', 'in', codesUnder(db, parent)),
        ]);
    return extra.length > 0 ? eb.or([ofLevel, eb('a.code', 'in', [...extra])]) : ofLevel;
  });
  return query.orderBy('a.name').orderBy('v.area_code').orderBy('v.period').execute();
}
