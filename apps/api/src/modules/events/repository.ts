// The only place that reads and writes the live wall's event log (workshop_event) with SQL.
import type { Database } from '@thrive/db';
import { sql, type Kysely, type Transaction } from 'kysely';

/** What a wall is told about: a pin arrived, was hidden, (re)published, supported or answered. */
export type WorkshopEventType = 'pin' | 'hidden' | 'published' | 'support' | 'response';

/** The PostgreSQL notification channel; the payload is the workshop's id. */
export const WORKSHOP_EVENTS_CHANNEL = 'thrive_workshop_events';

/** One event to record. */
export interface NewWorkshopEvent {
  workshopId: string;
  type: WorkshopEventType;
  pinId: string | null;
}

/**
 * Appends an event to the workshop's log inside the caller's transaction; returns its id as text.
 * The per-workshop advisory lock (held until commit) serialises writers of one workshop, so event
 * ids become visible in the order they were numbered: a wall that has seen id N can never later
 * find a smaller id appear, and resuming after Last-Event-ID misses nothing. The notification is
 * queued in the same transaction: PostgreSQL delivers it to every instance's LISTEN only if and
 * when the transaction commits (never before the row is visible, never for a rolled-back pin).
 */
export async function recordWorkshopEvent(
  trx: Transaction<Database> | Kysely<Database>,
  e: NewWorkshopEvent,
): Promise<string> {
  // Outside a transaction the lock would end with its own statement: make one.
  if (!trx.isTransaction) return trx.transaction().execute((t) => recordWorkshopEvent(t, e));
  // One statement: the row is numbered only after the lock is held (the insert reads the CTE's
  // row first), and the lock is held for one round trip fewer than as two statements.
  const row = await trx
    .with(
      'locked',
      () =>
        // Parenthesised: Kysely writes a raw CTE body as it is.
        sql`(select pg_advisory_xact_lock(hashtext(${'workshop_event:' + e.workshopId})), pg_notify(${WORKSHOP_EVENTS_CHANNEL}, ${e.workshopId}))`,
    )
    .insertInto('workshop_event')
    .columns(['workshop_id', 'type', 'pin_id'])
    .expression((eb) =>
      eb
        .selectFrom('locked')
        .select([
          sql<string>`cast(${e.workshopId} as uuid)`.as('workshop_id'),
          sql<string>`cast(${e.type} as text)`.as('type'),
          sql<string | null>`cast(${e.pinId} as uuid)`.as('pin_id'),
        ]),
    )
    .returning(sql<string>`id::text`.as('id'))
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A workshop as the wall needs it, found by its UUID or its join code; undefined when none. */
export function findWallWorkshop(db: Kysely<Database>, by: { id: string } | { code: string }) {
  let query = db
    .selectFrom('workshop as w')
    .innerJoin('area as a', 'a.code', 'w.area_code')
    .select([
      'w.id',
      'w.title',
      'w.code',
      'w.themes',
      'a.code as area_code',
      'a.name as area_name',
      'a.geometry as area_geometry',
    ]);
  query = 'id' in by ? query.where('w.id', '=', by.id) : query.where('w.code', '=', by.code);
  return query.executeTakeFirst();
}

/**
 * What the wall may show of a pin, only while it is published: nothing private (no participant,
 * no original text). Columns are null when the pin is missing, pending or hidden.
 */
function publishedPinColumns(db: Kysely<Database>) {
  return db
    .selectFrom('pin as p')
    .leftJoin('workshop_place as pl', 'pl.id', 'p.place_id')
    .where('p.moderation', '=', 'published')
    .select([
      'p.id',
      'p.kind',
      'p.theme',
      'p.public_text',
      'p.lon',
      'p.lat',
      'p.created_at',
      'p.response_status',
      'p.response_reply',
      sql<string | null>`to_char(p.response_expected_by, 'YYYY-MM-DD')`.as('response_expected_by'),
      'p.response_at',
      'pl.name as place_name',
      sql<string>`(select count(*) from pin_support s where s.pin_id = p.id)::text`.as('support'),
      sql<boolean>`exists (select 1 from photo ph where ph.pin_id = p.id)`.as('has_photo'),
    ]);
}

/** A published pin's row, as publishedPinColumns reads it. */
export type PublishedPinRow = Awaited<
  ReturnType<ReturnType<typeof publishedPinColumns>['executeTakeFirstOrThrow']>
>;

/** One logged event with its pin as the wall may show it (pin null unless published). */
export interface EventRow {
  id: string;
  type: string;
  pinId: string | null;
  pin: PublishedPinRow | null;
}

/** Events of a workshop after an id (exclusive), oldest first, at most `limit`. */
export async function eventsAfter(
  db: Kysely<Database>,
  workshopId: string,
  afterId: string,
  limit: number,
): Promise<EventRow[]> {
  const events = await db
    .selectFrom('workshop_event')
    .select([sql<string>`id::text`.as('id'), 'type', 'pin_id'])
    .where('workshop_id', '=', workshopId)
    .where(sql<boolean>`id > cast(${afterId} as bigint)`)
    // The table's bigint, not the text alias of the same name (which would sort '10' before '9').
    .orderBy('workshop_event.id')
    .limit(limit)
    .execute();
  const pinIds = [...new Set(events.flatMap((e) => (e.pin_id ? [e.pin_id] : [])))];
  const pins =
    pinIds.length === 0
      ? []
      : await publishedPinColumns(db)
          .where('p.workshop_id', '=', workshopId)
          .where('p.id', 'in', pinIds)
          .execute();
  const byId = new Map(pins.map((p) => [p.id, p]));
  return events.map((e) => ({
    id: e.id,
    type: e.type,
    pinId: e.pin_id,
    pin: (e.pin_id && byId.get(e.pin_id)) || null,
  }));
}

/** The newest published pins of a workshop, newest first. */
export function latestPublishedPins(db: Kysely<Database>, workshopId: string, limit: number) {
  return publishedPinColumns(db)
    .where('p.workshop_id', '=', workshopId)
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id')
    .limit(limit)
    .execute();
}

/** Published pins counted by kind and theme (one row per pair). */
export function publishedPinCounts(db: Kysely<Database>, workshopId: string) {
  return db
    .selectFrom('pin')
    .select(['kind', 'theme', sql<string>`count(*)::text`.as('n')])
    .where('workshop_id', '=', workshopId)
    .where('moderation', '=', 'published')
    .groupBy(['kind', 'theme'])
    .execute();
}

/** How many participants joined the workshop. */
export async function participantCount(db: Kysely<Database>, workshopId: string): Promise<number> {
  const row = await db
    .selectFrom('participant')
    .select(sql<string>`count(*)::text`.as('n'))
    .where('workshop_id', '=', workshopId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The workshop's newest event id as text, '0' when it has none. */
export async function lastEventId(db: Kysely<Database>, workshopId: string): Promise<string> {
  const row = await db
    .selectFrom('workshop_event')
    .select(sql<string>`coalesce(max(id), 0)::text`.as('id'))
    .where('workshop_id', '=', workshopId)
    .executeTakeFirstOrThrow();
  return row.id;
}
