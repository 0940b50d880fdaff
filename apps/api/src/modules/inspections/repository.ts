// The only SQL of residents' block inspections: standards and their items, blocks, inspector
// invites and inspectors, inspections stored exactly once, their photos, the monthly counts
// behind the results, and "you said, we did" actions.
import type { Database } from '@thrive/db';
import type { InspectionScale, ResponseStatus } from '@thrive/participation';
import { sql, type Kysely, type Transaction } from 'kysely';

export type Executor = Kysely<Database> | Transaction<Database>;

/** An area by code (any level an officer chooses: estates are areas of level estate). */
export function findArea(db: Executor, code: string) {
  return db.selectFrom('area').select(['code', 'name', 'level']).where('code', '=', code).executeTakeFirst();
}

/** Locks the area's row so two new standard versions of one estate are numbered one after the other. */
export async function lockArea(tx: Transaction<Database>, code: string): Promise<void> {
  await tx.selectFrom('area').select('code').where('code', '=', code).forUpdate().execute();
}

export interface StandardRow {
  id: string;
  area_code: string;
  version: number;
  created_at: Date;
}

/** An estate's standard versions, newest first. */
export function listStandards(db: Executor, areaCode: string): Promise<StandardRow[]> {
  return db
    .selectFrom('inspection_standard')
    .select(['id', 'area_code', 'version', 'created_at'])
    .where('area_code', '=', areaCode)
    .orderBy('version', 'desc')
    .execute();
}

/** A new version of an estate's standard; its id. */
export async function insertStandard(
  tx: Executor,
  areaCode: string,
  version: number,
  createdBy: string | null,
): Promise<StandardRow> {
  return tx
    .insertInto('inspection_standard')
    .values({ area_code: areaCode, version, created_by: createdBy })
    .returning(['id', 'area_code', 'version', 'created_at'])
    .executeTakeFirstOrThrow();
}

export interface NewItemRow {
  title: string;
  description: string;
  scale: InspectionScale;
  threshold: number | null;
  target: number;
}

/** A standard's items in the order given. */
export async function insertItems(tx: Executor, standardId: string, items: readonly NewItemRow[]): Promise<void> {
  await tx
    .insertInto('inspection_item')
    .values(items.map((item, position) => ({ standard_id: standardId, position, ...item })))
    .execute();
}

export interface ItemRow extends NewItemRow {
  id: string;
  standard_id: string;
  position: number;
}

/** The items of some standard versions, in order. */
export function itemsOf(db: Executor, standardIds: readonly string[]): Promise<ItemRow[]> {
  if (standardIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inspection_item')
    .select(['id', 'standard_id', 'position', 'title', 'description', 'scale', 'threshold', 'target'])
    .where('standard_id', 'in', standardIds)
    .orderBy('standard_id')
    .orderBy('position')
    .execute();
}

export interface BlockRow {
  id: string;
  area_code: string;
  name: string;
  lon: number;
  lat: number;
  outline: unknown;
}

const blockColumns = ['id', 'area_code', 'name', 'lon', 'lat', 'outline'] as const;

/** New blocks of an estate; their ids, in order. Returns null when a name is already taken. */
export async function insertBlocks(
  tx: Executor,
  blocks: readonly { areaCode: string; name: string; lon: number; lat: number; outline: unknown }[],
): Promise<string[] | null> {
  const rows = await tx
    .insertInto('block')
    .values(
      blocks.map((b) => ({
        area_code: b.areaCode,
        name: b.name,
        lon: b.lon,
        lat: b.lat,
        outline: b.outline === null ? null : JSON.stringify(b.outline),
      })),
    )
    .onConflict((oc) => oc.columns(['area_code', 'name']).doNothing())
    .returning('id')
    .execute();
  return rows.length === blocks.length ? rows.map((r) => r.id) : null;
}

/** An estate's blocks by name. */
export function listBlocks(db: Executor, areaCode: string): Promise<BlockRow[]> {
  return db.selectFrom('block').select(blockColumns).where('area_code', '=', areaCode).orderBy('name').execute();
}

/** One block. */
export function findBlock(db: Executor, id: string): Promise<BlockRow | undefined> {
  return db.selectFrom('block').select(blockColumns).where('id', '=', id).executeTakeFirst();
}

/** A new invite link's row (only the token's hash). */
export async function insertInvite(db: Executor, areaCode: string, tokenHash: string, createdBy: string | null): Promise<void> {
  await db.insertInto('inspector_invite').values({ area_code: areaCode, token_hash: tokenHash, created_by: createdBy }).execute();
}

/** A live invite by its token's hash. */
export function findInvite(db: Executor, tokenHash: string) {
  return db
    .selectFrom('inspector_invite')
    .select(['id', 'area_code'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** An estate's invites (or just the one with `id`), newest first, each with how many phones opened it. */
export function listInvites(db: Executor, areaCode: string, id?: string) {
  return db
    .selectFrom('inspector_invite')
    .leftJoin('inspector', 'inspector.invite_id', 'inspector_invite.id')
    .select((eb) => [
      'inspector_invite.id',
      'inspector_invite.created_at',
      'inspector_invite.revoked_at',
      eb.fn.count<string>('inspector.participant_id').as('inspectors'),
    ])
    .where('inspector_invite.area_code', '=', areaCode)
    .$if(id !== undefined, (qb) => qb.where('inspector_invite.id', '=', id ?? ''))
    .groupBy('inspector_invite.id')
    .orderBy('inspector_invite.created_at', 'desc')
    .orderBy('inspector_invite.id')
    .execute();
}

/** Stops an estate's invite (keeping the first time it was stopped); whether the estate has it. */
export async function revokeInvite(db: Executor, areaCode: string, id: string): Promise<boolean> {
  const row = await db
    .updateTable('inspector_invite')
    .set({ revoked_at: sql<Date>`coalesce(revoked_at, now())` })
    .where('id', '=', id)
    .where('area_code', '=', areaCode)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** A new participant with the inspector role, and its inspector row; the participant id. */
export async function insertInspector(
  tx: Executor,
  invite: { id: string; area_code: string },
  tokenHash: string,
): Promise<string> {
  const p = await tx
    .insertInto('participant')
    .values({ token_hash: tokenHash, role: 'inspector' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.insertInto('inspector').values({ participant_id: p.id, area_code: invite.area_code, invite_id: invite.id }).execute();
  return p.id;
}

/** The inspector holding a token (by its hash), unless the invite it came through was stopped; or undefined. */
export function findInspector(db: Executor, tokenHash: string) {
  return db
    .selectFrom('participant')
    .innerJoin('inspector', 'inspector.participant_id', 'participant.id')
    .leftJoin('inspector_invite', 'inspector_invite.id', 'inspector.invite_id')
    .select(['participant.id as participant_id', 'inspector.area_code', 'inspector.display_name'])
    .where('participant.token_hash', '=', tokenHash)
    .where('participant.role', '=', 'inspector')
    .where('inspector_invite.revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Sets the name an inspector chose (never published). */
export async function setDisplayName(db: Executor, participantId: string, name: string): Promise<void> {
  await db.updateTable('inspector').set({ display_name: name }).where('participant_id', '=', participantId).execute();
}

export interface NewInspectionRow {
  id: string;
  areaCode: string;
  blockId: string;
  standardId: string;
  participantId: string;
  inspectedOn: string;
  defect: { lon: number; lat: number } | null;
  contentHash: string;
  scores: readonly { itemId: string; value: number; meets: boolean; note: string | null }[];
}

/**
 * Stores the inspection and its scores unless its id is already stored, in ONE statement (a
 * data-modifying CTE), so a re-sent copy racing the original stores one inspection and one set
 * of scores. Returns whether it inserted. INSERT … SELECT gives its parameters no column types,
 * hence the casts.
 */
export async function insertInspectionOnce(db: Executor, r: NewInspectionRow): Promise<boolean> {
  const scores = JSON.stringify(
    r.scores.map((s) => ({ item_id: s.itemId, value: s.value, meets: s.meets, note: s.note })),
  );
  const result = await sql<{ inspection_id: string }>`
    with stored as (
      insert into inspection (id, area_code, block_id, standard_id, participant_id, inspected_on,
                              defect_lon, defect_lat, content_hash)
      values (cast(${r.id} as uuid), cast(${r.areaCode} as text), cast(${r.blockId} as uuid),
              cast(${r.standardId} as uuid), cast(${r.participantId} as uuid),
              cast(${r.inspectedOn} as date), cast(${r.defect?.lon ?? null} as double precision),
              cast(${r.defect?.lat ?? null} as double precision), cast(${r.contentHash} as text))
      on conflict (id) do nothing
      returning id
    )
    insert into inspection_score (inspection_id, item_id, value, meets, note)
    select stored.id, s.item_id, s.value, s.meets, s.note
      from stored
     cross join jsonb_to_recordset(cast(${scores} as jsonb))
           as s(item_id uuid, value integer, meets boolean, note text)
    returning inspection_id`.execute(db);
  return result.rows.length > 0;
}

export interface InspectionRow {
  id: string;
  area_code: string;
  block_id: string;
  standard_id: string;
  participant_id: string | null;
  inspected_on: Date;
  defect_lon: number | null;
  defect_lat: number | null;
  content_hash: string;
}

/** One inspection (without its scores). */
export function findInspection(db: Executor, id: string): Promise<InspectionRow | undefined> {
  return db
    .selectFrom('inspection')
    .select(['id', 'area_code', 'block_id', 'standard_id', 'participant_id', 'inspected_on', 'defect_lon', 'defect_lat', 'content_hash'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** An inspection's scores. */
export function scoresOf(db: Executor, id: string) {
  return db
    .selectFrom('inspection_score')
    .select(['item_id', 'value', 'meets', 'note'])
    .where('inspection_id', '=', id)
    .orderBy('item_id')
    .execute();
}

/** The stored facts of an inspection's photo (not its bytes). */
export function findPhotoFacts(db: Executor, inspectionId: string) {
  return db
    .selectFrom('inspection_photo')
    .select(['inspection_id', 'width', 'height', 'content_hash', sql<number>`octet_length(bytes)`.as('size')])
    .where('inspection_id', '=', inspectionId)
    .executeTakeFirst();
}

/** Stores an inspection's photo unless it has one; whether it stored. */
export async function insertPhotoOnce(
  db: Executor,
  photo: { inspectionId: string; bytes: Uint8Array; width: number; height: number; contentHash: string },
): Promise<boolean> {
  const row = await db
    .insertInto('inspection_photo')
    .values({
      inspection_id: photo.inspectionId,
      mime: 'image/jpeg',
      bytes: photo.bytes,
      width: photo.width,
      height: photo.height,
      content_hash: photo.contentHash,
    })
    .onConflict((oc) => oc.column('inspection_id').doNothing())
    .returning('inspection_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** An inspection's photo to send. */
/** Stores (or replaces) an item's example photo. */
export async function upsertItemPhoto(
  db: Executor,
  photo: { itemId: string; bytes: Uint8Array; width: number; height: number },
): Promise<void> {
  const row = { mime: 'image/jpeg', bytes: photo.bytes, width: photo.width, height: photo.height };
  await db
    .insertInto('inspection_item_photo')
    .values({ item_id: photo.itemId, ...row })
    .onConflict((oc) => oc.column('item_id').doUpdateSet(row))
    .execute();
}

/** An item's example photo, if it has one. */
export function findItemPhoto(db: Executor, itemId: string) {
  return db.selectFrom('inspection_item_photo').select(['bytes', 'mime']).where('item_id', '=', itemId).executeTakeFirst();
}

/** Which of these items have an example photo. */
export async function itemsWithPhotos(db: Executor, itemIds: readonly string[]): Promise<Set<string>> {
  if (itemIds.length === 0) return new Set();
  const rows = await db.selectFrom('inspection_item_photo').select('item_id').where('item_id', 'in', [...itemIds]).execute();
  return new Set(rows.map((r) => r.item_id));
}

/** Whether an inspection item exists. */
export async function itemExists(db: Executor, itemId: string): Promise<boolean> {
  return (await db.selectFrom('inspection_item').select('id').where('id', '=', itemId).executeTakeFirst()) !== undefined;
}

export function findPhoto(db: Executor, inspectionId: string) {
  return db
    .selectFrom('inspection_photo')
    .select(['bytes', 'mime', 'content_hash', 'created_at'])
    .where('inspection_id', '=', inspectionId)
    .executeTakeFirst();
}

export interface CountRow {
  block_id: string;
  item_id: string;
  period: string;
  meets: number;
  n: number;
}

/** Inspections meeting each item, and all of them, per block, item and month (YYYY-MM). */
export async function monthlyCounts(
  db: Executor,
  areaCode: string,
  range: { from: string; to: string } | null,
): Promise<CountRow[]> {
  let q = db
    .selectFrom('inspection_score as s')
    .innerJoin('inspection as i', 'i.id', 's.inspection_id')
    .select([
      'i.block_id',
      's.item_id',
      sql<string>`to_char(i.inspected_on, 'YYYY-MM')`.as('period'),
      sql<string | number>`count(*) filter (where s.meets)`.as('meets'),
      sql<string | number>`count(*)`.as('n'),
    ])
    .where('i.area_code', '=', areaCode);
  if (range) q = q.where('i.inspected_on', '>=', sql<Date>`cast(${range.from} as date)`).where('i.inspected_on', '<', sql<Date>`cast(${range.to} as date)`);
  const rows = await q.groupBy(['i.block_id', 's.item_id', sql`to_char(i.inspected_on, 'YYYY-MM')`]).execute();
  return rows.map((r) => ({ ...r, meets: Number(r.meets), n: Number(r.n) }));
}

/** Months with inspections on an estate, newest first. */
export async function inspectedMonths(db: Executor, areaCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('inspection')
    .select(sql<string>`to_char(inspected_on, 'YYYY-MM')`.as('period'))
    .where('area_code', '=', areaCode)
    .groupBy(sql`to_char(inspected_on, 'YYYY-MM')`)
    .orderBy('period', 'desc')
    .execute();
  return rows.map((r) => r.period);
}

/** Defects marked on the map in a date range. */
export function defectsIn(db: Executor, areaCode: string, range: { from: string; to: string }) {
  return db
    .selectFrom('inspection')
    .select(['block_id', 'defect_lon', 'defect_lat', 'inspected_on'])
    .where('area_code', '=', areaCode)
    .where('defect_lon', 'is not', null)
    .where('inspected_on', '>=', sql<Date>`cast(${range.from} as date)`)
    .where('inspected_on', '<', sql<Date>`cast(${range.to} as date)`)
    .orderBy('inspected_on')
    .execute();
}

export interface ActionRow {
  id: string;
  area_code: string;
  block_id: string;
  item_id: string;
  period: string;
  status: ResponseStatus;
  reply: string | null;
  closed_at: Date | null;
  updated_at: Date;
}

const actionColumns = ['id', 'area_code', 'block_id', 'item_id', 'period', 'status', 'reply', 'closed_at', 'updated_at'] as const;

/** A "you said, we did" action for a failed item, or the existing one for that block, item and month. */
export async function insertAction(
  db: Executor,
  a: { areaCode: string; blockId: string; itemId: string; period: string; actorId: string | null },
): Promise<{ row: ActionRow; created: boolean }> {
  const made = await db
    .insertInto('inspection_action')
    .values({ area_code: a.areaCode, block_id: a.blockId, item_id: a.itemId, period: a.period, actor_id: a.actorId })
    .onConflict((oc) => oc.columns(['block_id', 'item_id', 'period']).doNothing())
    .returning(actionColumns)
    .executeTakeFirst();
  if (made) return { row: made, created: true };
  const row = await db
    .selectFrom('inspection_action')
    .select(actionColumns)
    .where('block_id', '=', a.blockId)
    .where('item_id', '=', a.itemId)
    .where('period', '=', a.period)
    .executeTakeFirstOrThrow();
  return { row, created: false };
}

/** Changes an action; the row after, or undefined when there is none. */
export function updateAction(
  db: Executor,
  id: string,
  changes: { status?: ResponseStatus; reply?: string; closed?: boolean; actorId: string | null },
): Promise<ActionRow | undefined> {
  return db
    .updateTable('inspection_action')
    .set({
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.reply !== undefined ? { reply: changes.reply } : {}),
      ...(changes.closed !== undefined ? { closed_at: changes.closed ? sql<Date>`now()` : null } : {}),
      actor_id: changes.actorId,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .returning(actionColumns)
    .executeTakeFirst();
}

/** An estate's actions, newest first. */
export function listActions(db: Executor, areaCode: string): Promise<ActionRow[]> {
  return db
    .selectFrom('inspection_action')
    .select(actionColumns)
    .where('area_code', '=', areaCode)
    .orderBy('updated_at', 'desc')
    .execute();
}

/** A standard's version number. */
export async function standardVersion(db: Executor, id: string): Promise<number> {
  const row = await db.selectFrom('inspection_standard').select('version').where('id', '=', id).executeTakeFirstOrThrow();
  return row.version;
}

/** An action's current reply, or undefined when there is no such action. */
export function actionReply(db: Executor, id: string) {
  return db.selectFrom('inspection_action').select('reply').where('id', '=', id).executeTakeFirst();
}
