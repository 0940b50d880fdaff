// The only SQL of pins, "me too" support, moderation, tombstones and "you said, we did" replies.
import type { Database, Pin } from '@thrive/db';
import type {
  OfficerModerationAction,
  PinKind,
  PinModerationState,
  ResponseStatus,
} from '@thrive/participation';
import { sql, type Transaction } from 'kysely';
import type { Executor } from '../workshops/repository.ts';

/** A stored pin with what every view of it needs (place name, support, photo, latest reply). */
export type PinRow = Omit<Pin, 'response_expected_by'> & {
  place_name: string | null;
  /** As an ISO day (text), not a driver-made Date. */
  response_expected_by: string | null;
  support: string | number;
  has_photo: boolean;
};

function selectPins(db: Executor) {
  return db
    .selectFrom('pin')
    .leftJoin('workshop_place', 'workshop_place.id', 'pin.place_id')
    .select([
      'pin.id',
      'pin.workshop_id',
      'pin.participant_id',
      'pin.kind',
      'pin.theme',
      'pin.text',
      'pin.public_text',
      'pin.masked',
      'pin.place_id',
      'workshop_place.name as place_name',
      'pin.lon',
      'pin.lat',
      'pin.ward_code',
      'pin.lsoa_code',
      'pin.moderation',
      'pin.moderation_reason',
      'pin.content_hash',
      'pin.created_at',
      'pin.response_status',
      'pin.response_reply',
      // As text: the drivers would otherwise turn a day into a local-midnight Date.
      sql<string | null>`to_char(pin.response_expected_by, 'YYYY-MM-DD')`.as(
        'response_expected_by',
      ),
      'pin.response_at',
      sql<string | number>`(select count(*) from pin_support s where s.pin_id = pin.id)`.as(
        'support',
      ),
      sql<boolean>`exists (select 1 from photo ph where ph.pin_id = pin.id)`.as('has_photo'),
    ]);
}

/** One pin, or undefined. */
export function findPin(db: Executor, id: string): Promise<PinRow | undefined> {
  return selectPins(db).where('pin.id', '=', id).executeTakeFirst();
}

/** Whether an officer removed a pin with this id (a late retry must not bring it back). */
export async function isTombstoned(db: Executor, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('pin_tombstone')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

export interface NewPinRow {
  id: string;
  workshopId: string;
  participantId: string;
  kind: PinKind;
  theme: string;
  text: string;
  publicText: string;
  masked: readonly string[];
  placeId: string | null;
  lon: number | null;
  lat: number | null;
  wardCode: string | null;
  lsoaCode: string | null;
  moderation: PinModerationState;
  contentHash: string;
}

/**
 * Inserts the pin unless its id is already stored or was removed, in ONE statement, so two
 * copies of a submission racing each other (a retry overtaking the original) store one row:
 * the loser's insert waits for the winner's row and does nothing. Returns whether it inserted.
 * INSERT … SELECT gives its parameters no column types, hence the casts.
 */
export async function insertPinOnce(db: Executor, pin: NewPinRow): Promise<boolean> {
  const result = await sql<{ id: string }>`
    insert into pin (id, workshop_id, participant_id, kind, theme, text, public_text, masked,
                     place_id, lon, lat, ward_code, lsoa_code, moderation, content_hash)
    select cast(${pin.id} as uuid), cast(${pin.workshopId} as uuid), cast(${pin.participantId} as uuid),
           cast(${pin.kind} as text), cast(${pin.theme} as text), cast(${pin.text} as text),
           cast(${pin.publicText} as text), cast(${JSON.stringify(pin.masked)} as jsonb),
           cast(${pin.placeId} as uuid), cast(${pin.lon} as double precision), cast(${pin.lat} as double precision),
           cast(${pin.wardCode} as text), cast(${pin.lsoaCode} as text), cast(${pin.moderation} as text),
           cast(${pin.contentHash} as text)
     where not exists (select 1 from pin_tombstone t where t.id = cast(${pin.id} as uuid))
    on conflict (id) do nothing
    returning id`.execute(db);
  return result.rows.length > 0;
}

/** A workshop's published pins, oldest first. */
export function publishedPins(db: Executor, workshopId: string): Promise<PinRow[]> {
  return selectPins(db)
    .where('pin.workshop_id', '=', workshopId)
    .where('pin.moderation', '=', 'published')
    .orderBy('pin.created_at')
    .orderBy('pin.id')
    .execute();
}

/** A workshop's published pins that have a reply, latest reply first. */
export function answeredPins(db: Executor, workshopId: string): Promise<PinRow[]> {
  return selectPins(db)
    .where('pin.workshop_id', '=', workshopId)
    .where('pin.moderation', '=', 'published')
    .where('pin.response_at', 'is not', null)
    .orderBy('pin.response_at', 'desc')
    .orderBy('pin.id')
    .execute();
}

/** Every pin of a workshop in every state (officers), newest first. */
export function allPins(db: Executor, workshopId: string): Promise<PinRow[]> {
  return selectPins(db)
    .where('pin.workshop_id', '=', workshopId)
    .orderBy('pin.created_at', 'desc')
    .orderBy('pin.id')
    .execute();
}

/** A participant's own pins, newest first. */
export function pinsOf(db: Executor, participantId: string): Promise<PinRow[]> {
  return selectPins(db)
    .where('pin.participant_id', '=', participantId)
    .orderBy('pin.created_at', 'desc')
    .orderBy('pin.id')
    .execute();
}

/** Ids of the pins a participant supported. */
export async function supportedBy(db: Executor, participantId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('pin_support')
    .select('pin_id')
    .where('participant_id', '=', participantId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.pin_id);
}

/** Adds a "me too" unless this participant already gave one; whether it was added. */
export async function insertSupport(
  db: Executor,
  pinId: string,
  participantId: string,
): Promise<boolean> {
  const row = await db
    .insertInto('pin_support')
    .values({ pin_id: pinId, participant_id: participantId })
    .onConflict((oc) => oc.columns(['pin_id', 'participant_id']).doNothing())
    .returning('pin_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** How many "me too"s a pin has. */
export async function supportCount(db: Executor, pinId: string): Promise<number> {
  const row = await db
    .selectFrom('pin_support')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('pin_id', '=', pinId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Sets a pin's moderation state and reason; the state it had before, or undefined when there is no such pin. */
export async function setModeration(
  tx: Transaction<Database>,
  id: string,
  state: OfficerModerationAction,
  reason: string,
): Promise<PinModerationState | undefined> {
  // The row lock orders concurrent moderations of one pin; the old state decides the wall event.
  const before = await tx
    .selectFrom('pin')
    .select('moderation')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!before) return undefined;
  await tx
    .updateTable('pin')
    .set({ moderation: state, moderation_reason: reason })
    .where('id', '=', id)
    .execute();
  return before.moderation;
}

export interface ResponseRow {
  id: string;
  pin_id: string;
  status: ResponseStatus;
  reply: string;
  expected_by: string | null;
  at: Date;
}

const RESPONSE_COLUMNS = [
  sql<string>`cast(pin_response.id as text)`.as('id'),
  'pin_response.pin_id',
  'pin_response.status',
  'pin_response.reply',
  sql<string | null>`to_char(pin_response.expected_by, 'YYYY-MM-DD')`.as('expected_by'),
  'pin_response.at',
] as const;

/** Appends a reply to a pin's history and makes it the pin's latest. */
export async function insertResponse(
  tx: Transaction<Database>,
  reply: {
    pinId: string;
    status: ResponseStatus;
    reply: string;
    expectedBy: string | null;
    actorId: string | null;
  },
): Promise<ResponseRow> {
  const row = await tx
    .insertInto('pin_response')
    .values({
      pin_id: reply.pinId,
      status: reply.status,
      reply: reply.reply,
      expected_by: reply.expectedBy,
      actor_id: reply.actorId,
    })
    .returning(RESPONSE_COLUMNS)
    .executeTakeFirstOrThrow();
  await tx
    .updateTable('pin')
    .set({
      response_status: row.status,
      response_reply: row.reply,
      response_expected_by: reply.expectedBy,
      response_at: row.at,
    })
    .where('id', '=', reply.pinId)
    .execute();
  return row;
}

/** Every reply to a pin, oldest first. */
export function responsesOf(db: Executor, pinId: string): Promise<ResponseRow[]> {
  return db
    .selectFrom('pin_response')
    .select(RESPONSE_COLUMNS)
    .where('pin_id', '=', pinId)
    .orderBy('id')
    .execute();
}

/** Deletes a pin and leaves its id as a tombstone, so a device's late retry cannot bring it back. */
export async function removePin(
  tx: Transaction<Database>,
  id: string,
  workshopId: string,
): Promise<void> {
  await tx
    .insertInto('pin_tombstone')
    .values({ id, workshop_id: workshopId })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await tx.deleteFrom('pin').where('id', '=', id).execute();
}
