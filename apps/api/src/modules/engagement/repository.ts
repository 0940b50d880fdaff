// The only SQL of engagement KPIs: what residents did on the workshops of an area (and of the
// areas inside it), optionally within a period [from, to). Hidden pins are left out, as in the
// workshop analysis. Nothing here reads programmes' updates or recorded outputs.
import type { AreaLevel, Database } from '@thrive/db';
import { sql, type Kysely } from 'kysely';

type Db = Kysely<Database>;
export interface Span {
  from: string;
  to: string;
}

const n = (value: number | string | null | undefined): number => Number(value ?? 0);

/** An area's name and level, or undefined. */
export async function findArea(
  db: Db,
  code: string,
): Promise<{ code: string; name: string; level: AreaLevel } | undefined> {
  return db
    .selectFrom('area')
    .select(['code', 'name', 'level'])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** The area and every area inside it (estates in a ward, wards in an authority), three levels down. */
export async function areaWithDescendants(db: Db, code: string): Promise<string[]> {
  const all = new Set([code]);
  let frontier = [code];
  for (let depth = 0; depth < 3 && frontier.length > 0; depth++) {
    const rows = await db
      .selectFrom('area')
      .select('code')
      .where('parent_code', 'in', frontier)
      .where('level', 'in', ['ward', 'estate', 'custom'])
      .execute();
    frontier = rows.map((r) => r.code).filter((c) => !all.has(c));
    for (const c of frontier) all.add(c);
  }
  return [...all];
}

/** Workshops on these areas. */
export async function workshopsOn(db: Db, areaCodes: readonly string[]): Promise<string[]> {
  if (areaCodes.length === 0) return [];
  const rows = await db
    .selectFrom('workshop')
    .select('id')
    .where('area_code', 'in', areaCodes)
    .execute();
  return rows.map((r) => r.id);
}

const inSpan = (column: string, span: Span | null) =>
  span === null
    ? sql<boolean>`true`
    : sql<boolean>`${sql.ref(column)} >= ${span.from}::date and ${sql.ref(column)} < ${span.to}::date`;

/**
 * Participants who took part (a pin, a "me too" or an "about you" answer, as the workshop
 * analysis counts them), joined within the span, by age band answer.
 */
export async function participantsByAgeBand(
  db: Db,
  workshopIds: readonly string[],
  span: Span | null,
): Promise<{ ageBand: string | null; count: number }[]> {
  if (workshopIds.length === 0) return [];
  const rows = await db
    .selectFrom('participant as p')
    .select(['p.age_band', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('p.workshop_id', 'in', workshopIds)
    .where(inSpan('p.created_at', span))
    .where((eb) =>
      eb.or([
        eb('p.age_band', 'is not', null),
        eb('p.years_band', 'is not', null),
        eb('p.tenure', 'is not', null),
        eb.exists(
          eb
            .selectFrom('pin')
            .select('pin.id')
            .whereRef('pin.participant_id', '=', 'p.id')
            .where('pin.moderation', '!=', 'hidden'),
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

/** Participants who made pins or said "me too" on two or more different days within the span. */
export async function returningParticipants(
  db: Db,
  workshopIds: readonly string[],
  span: Span | null,
): Promise<number> {
  if (workshopIds.length === 0) return 0;
  const pins = db
    .selectFrom('pin')
    .select(['pin.participant_id as pid', sql<string>`cast(pin.created_at as date)`.as('day')])
    .where('pin.workshop_id', 'in', workshopIds)
    .where('pin.moderation', '!=', 'hidden')
    .where('pin.participant_id', 'is not', null)
    .where(inSpan('pin.created_at', span));
  const support = db
    .selectFrom('pin_support')
    .innerJoin('pin', 'pin.id', 'pin_support.pin_id')
    .select([
      'pin_support.participant_id as pid',
      sql<string>`cast(pin_support.created_at as date)`.as('day'),
    ])
    .where('pin.workshop_id', 'in', workshopIds)
    .where(inSpan('pin_support.created_at', span));
  const row = await db
    .selectFrom(
      db
        .selectFrom(pins.union(support).as('activity'))
        .select('pid')
        .groupBy('pid')
        .having(sql`count(distinct day)`, '>=', 2)
        .as('returning'),
    )
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirst();
  return n(row?.count);
}

/** A pin with what the reply figures need: when it was made, its first reply and its status. */
export interface PinReplyRow {
  id: string;
  created_at: Date;
  lsoa_code: string | null;
  response_status: string | null;
  first_reply_at: Date | null;
}

/** Pins not hidden made within the span, with the time of their first reply. */
export async function pinsWithReplies(
  db: Db,
  workshopIds: readonly string[],
  span: Span | null,
): Promise<PinReplyRow[]> {
  if (workshopIds.length === 0) return [];
  const rows = await db
    .selectFrom('pin')
    .leftJoin('pin_response', 'pin_response.pin_id', 'pin.id')
    .select([
      'pin.id',
      'pin.created_at',
      'pin.lsoa_code',
      'pin.response_status',
      'pin.response_at',
      (eb) => eb.fn.min('pin_response.at').as('first_at'),
    ])
    .where('pin.workshop_id', 'in', workshopIds)
    .where('pin.moderation', '!=', 'hidden')
    .where(inSpan('pin.created_at', span))
    .groupBy([
      'pin.id',
      'pin.created_at',
      'pin.lsoa_code',
      'pin.response_status',
      'pin.response_at',
    ])
    .execute();
  const date = (d: Date | string | null): Date | null =>
    d === null ? null : d instanceof Date ? d : new Date(d);
  return rows.map((r) => ({
    id: r.id,
    created_at: r.created_at,
    lsoa_code: r.lsoa_code,
    response_status: r.response_status,
    // The history's first reply; a reply without history (older rows) counts from its own time.
    first_reply_at: date(r.first_at) ?? r.response_at,
  }));
}

/** "Planned" and "done" replies of these pins, oldest first. */
export async function plannedAndDone(
  db: Db,
  pinIds: readonly string[],
): Promise<{ pin_id: string; status: string; expected_by: string | null; day: string }[]> {
  if (pinIds.length === 0) return [];
  return db
    .selectFrom('pin_response')
    .select([
      'pin_id',
      'status',
      sql<string | null>`to_char(expected_by, 'YYYY-MM-DD')`.as('expected_by'),
      sql<string>`to_char(at, 'YYYY-MM-DD')`.as('day'),
    ])
    .where('pin_id', 'in', pinIds)
    .where('status', 'in', ['planned', 'done'])
    .orderBy('at')
    .orderBy(sql`id`)
    .execute();
}

/** "Me too" support given within the span on pins not hidden. */
export async function supportCount(
  db: Db,
  workshopIds: readonly string[],
  span: Span | null,
): Promise<number> {
  if (workshopIds.length === 0) return 0;
  const row = await db
    .selectFrom('pin_support')
    .innerJoin('pin', 'pin.id', 'pin_support.pin_id')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('pin.workshop_id', 'in', workshopIds)
    .where('pin.moderation', '!=', 'hidden')
    .where(inSpan('pin_support.created_at', span))
    .executeTakeFirst();
  return n(row?.count);
}

/** Survey responses within the span to surveys on these areas. */
export async function surveyResponseCount(
  db: Db,
  areaCodes: readonly string[],
  span: Span | null,
): Promise<number> {
  if (areaCodes.length === 0) return 0;
  const row = await db
    .selectFrom('survey_response')
    .innerJoin('survey', 'survey.id', 'survey_response.survey_id')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('survey.area_code', 'in', areaCodes)
    .where(inSpan('survey_response.created_at', span))
    .executeTakeFirst();
  return n(row?.count);
}

/** The LSOAs residents' pins fell in, on these workshops (any time). */
export async function pinLsoas(db: Db, workshopIds: readonly string[]): Promise<string[]> {
  if (workshopIds.length === 0) return [];
  const rows = await db
    .selectFrom('pin')
    .select('lsoa_code')
    .distinct()
    .where('workshop_id', 'in', workshopIds)
    .where('lsoa_code', 'is not', null)
    .execute();
  return rows.flatMap((r) => (r.lsoa_code === null ? [] : [r.lsoa_code]));
}
