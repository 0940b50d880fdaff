// The only SQL of workshop analysis: counts of a workshop's pins and participants, and the
// LSOAs its area covers. Hidden pins are left out (hidden for a reason); pending ones count.
import type { AreaLevel, Database } from '@thrive/db';
import type { PinKind } from '@thrive/participation';
import type { Kysely } from 'kysely';

const n = (value: number | string): number => Number(value);

/** Pins by kind and theme. */
export async function pinsByKindTheme(
  db: Kysely<Database>,
  workshopId: string,
): Promise<{ kind: PinKind; theme: string; count: number }[]> {
  const rows = await db
    .selectFrom('pin')
    .select(['kind', 'theme', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('workshop_id', '=', workshopId)
    .where('moderation', '!=', 'hidden')
    .groupBy(['kind', 'theme'])
    .execute();
  return rows.map((r) => ({ kind: r.kind, theme: r.theme, count: n(r.count) }));
}

/** Pins by the ward or LSOA they fell in (pins with no point, or outside any loaded area, are not counted). */
export async function pinsByArea(
  db: Kysely<Database>,
  workshopId: string,
  column: 'ward_code' | 'lsoa_code',
): Promise<{ code: string; name: string; count: number }[]> {
  const rows = await db
    .selectFrom('pin')
    .leftJoin('area', 'area.code', `pin.${column}`)
    .select([
      `pin.${column} as code`,
      'area.name',
      (eb) => eb.fn.countAll<number | string>().as('count'),
    ])
    .where('pin.workshop_id', '=', workshopId)
    .where('pin.moderation', '!=', 'hidden')
    .where(`pin.${column}`, 'is not', null)
    .groupBy([`pin.${column}`, 'area.name'])
    .orderBy(`pin.${column}`)
    .execute();
  return rows.flatMap((r) =>
    r.code === null ? [] : [{ code: r.code, name: r.name ?? r.code, count: n(r.count) }],
  );
}

/** Pins not hidden, all together. */
export async function pinTotal(db: Kysely<Database>, workshopId: string): Promise<number> {
  const row = await db
    .selectFrom('pin')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('workshop_id', '=', workshopId)
    .where('moderation', '!=', 'hidden')
    .executeTakeFirst();
  return n(row?.count ?? 0);
}

/**
 * Participants who took part, by their age band answer (null: not answered). Taking part means
 * doing something: a pin, a "me too" or an "about you" answer; a tablet's "Start" alone is not.
 */
export async function participantsByAgeBand(
  db: Kysely<Database>,
  workshopId: string,
): Promise<{ ageBand: string | null; count: number }[]> {
  const rows = await db
    .selectFrom('participant as p')
    .select(['p.age_band', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('p.workshop_id', '=', workshopId)
    .where((eb) =>
      eb.or([
        eb('p.age_band', 'is not', null),
        eb('p.years_band', 'is not', null),
        eb('p.tenure', 'is not', null),
        eb.exists(
          eb.selectFrom('pin').select('pin.id').whereRef('pin.participant_id', '=', 'p.id'),
        ),
        eb.exists(
          eb
            .selectFrom('pin_support')
            .select('pin_support.pin_id')
            .whereRef('pin_support.participant_id', '=', 'p.id'),
        ),
      ]),
    )
    .groupBy('p.age_band')
    .execute();
  return rows.map((r) => ({ ageBand: r.age_band, count: n(r.count) }));
}

/** An area's level, or undefined. */
export async function areaLevel(
  db: Kysely<Database>,
  code: string,
): Promise<AreaLevel | undefined> {
  return (await db.selectFrom('area').select('level').where('code', '=', code).executeTakeFirst())
    ?.level;
}

/** LSOAs linked to an area by best fit (a ward's or an authority's LSOAs). */
export async function linkedLsoas(db: Kysely<Database>, code: string): Promise<string[]> {
  const rows = await db
    .selectFrom('area_link')
    .innerJoin('area', 'area.code', 'area_link.from_code')
    .select('area.code')
    .where('area_link.to_code', '=', code)
    .where('area.level', '=', 'lsoa')
    .orderBy('area.code')
    .execute();
  return rows.map((r) => r.code);
}
