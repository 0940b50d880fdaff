// The only SQL of programmes: programmes, their areas, strands, objectives, officers' dated
// updates and recorded outputs; and, for the board report, the "you said, we did" replies on
// the programme's areas. Days are read back as ISO text so both engines agree.
import type { Database } from '@thrive/db';
import { sql, type Kysely, type Transaction } from 'kysely';

export type Executor = Kysely<Database> | Transaction<Database>;

const day = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

export interface ProgrammeRow {
  id: string;
  name: string;
  summary: string;
  starts_on: string;
  ends_on: string | null;
}

/** Every programme, newest first. */
export function listProgrammes(db: Executor): Promise<ProgrammeRow[]> {
  return db
    .selectFrom('programme')
    .select([
      'id',
      'name',
      'summary',
      day('starts_on').as('starts_on'),
      sql<string | null>`to_char(ends_on, 'YYYY-MM-DD')`.as('ends_on'),
    ])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** One programme, or undefined. */
export function findProgramme(db: Executor, id: string): Promise<ProgrammeRow | undefined> {
  return db
    .selectFrom('programme')
    .select([
      'id',
      'name',
      'summary',
      day('starts_on').as('starts_on'),
      sql<string | null>`to_char(ends_on, 'YYYY-MM-DD')`.as('ends_on'),
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The areas of programmes, in each programme's order. */
export function areasOf(
  db: Executor,
  ids: readonly string[],
): Promise<{ programme_id: string; code: string; name: string; level: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('programme_area')
    .innerJoin('area', 'area.code', 'programme_area.area_code')
    .select(['programme_area.programme_id', 'area.code', 'area.name', 'area.level'])
    .where('programme_area.programme_id', 'in', ids)
    .orderBy('programme_area.position')
    .execute();
}

/** Which of these codes are loaded areas. */
export async function existingAreas(db: Executor, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('area').select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((r) => r.code));
}

export interface ProgrammeFields {
  name: string;
  summary: string;
  starts_on: string;
  ends_on: string | null;
}

/** Inserts a programme with its areas and strands; its id. */
export async function insertProgramme(
  tx: Executor,
  fields: ProgrammeFields,
  areaCodes: readonly string[],
  strands: readonly string[],
  createdBy: string | null,
): Promise<string> {
  const { id } = await tx
    .insertInto('programme')
    .values({ ...fields, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceAreas(tx, id, areaCodes);
  if (strands.length > 0)
    await tx
      .insertInto('programme_strand')
      .values(strands.map((name, position) => ({ programme_id: id, name, position })))
      .execute();
  return id;
}

/** Changes a programme's own fields. */
export async function updateProgramme(
  tx: Executor,
  id: string,
  fields: Partial<ProgrammeFields>,
): Promise<void> {
  if (Object.keys(fields).length === 0) return;
  await tx.updateTable('programme').set(fields).where('id', '=', id).execute();
}

/** Replaces a programme's areas, keeping the order given. */
export async function replaceAreas(
  tx: Executor,
  id: string,
  areaCodes: readonly string[],
): Promise<void> {
  await tx.deleteFrom('programme_area').where('programme_id', '=', id).execute();
  if (areaCodes.length > 0)
    await tx
      .insertInto('programme_area')
      .values(areaCodes.map((area_code, position) => ({ programme_id: id, area_code, position })))
      .execute();
}

/** A programme's strands, in order. */
export function strandsOf(db: Executor, id: string) {
  return db
    .selectFrom('programme_strand')
    .select(['id', 'name', 'position'])
    .where('programme_id', '=', id)
    .orderBy('position')
    .execute();
}

/** Adds a strand at the end; undefined when the name is taken. */
export async function insertStrand(db: Executor, programmeId: string, name: string) {
  return db
    .insertInto('programme_strand')
    .values({
      programme_id: programmeId,
      name,
      position: sql<number>`(select coalesce(max(position) + 1, 0) from programme_strand where programme_id = ${programmeId})`,
    })
    .onConflict((oc) => oc.columns(['programme_id', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** The objectives of a programme's strands, in order. */
export function objectivesOf(db: Executor, programmeId: string) {
  return db
    .selectFrom('programme_objective')
    .innerJoin('programme_strand', 'programme_strand.id', 'programme_objective.strand_id')
    .select(['programme_objective.id', 'programme_objective.strand_id', 'programme_objective.text'])
    .where('programme_strand.programme_id', '=', programmeId)
    .orderBy('programme_strand.position')
    .orderBy('programme_objective.position')
    .execute();
}

/** Adds an objective at the end of a strand. */
export function insertObjective(db: Executor, strandId: string, text: string) {
  return db
    .insertInto('programme_objective')
    .values({
      strand_id: strandId,
      text,
      position: sql<number>`(select coalesce(max(position) + 1, 0) from programme_objective where strand_id = ${strandId})`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Every update of a programme's objectives, newest first (by date, then as written). */
export function updatesOf(db: Executor, programmeId: string) {
  return db
    .selectFrom('programme_update')
    .innerJoin('programme_objective', 'programme_objective.id', 'programme_update.objective_id')
    .innerJoin('programme_strand', 'programme_strand.id', 'programme_objective.strand_id')
    .select([
      'programme_update.id',
      'programme_update.objective_id',
      day('programme_update.on_date').as('on_date'),
      'programme_update.text',
    ])
    .where('programme_strand.programme_id', '=', programmeId)
    .orderBy('programme_update.on_date', 'desc')
    .orderBy('programme_update.created_at', 'desc')
    .execute();
}

/** Adds an update to an objective. */
export function insertUpdate(
  db: Executor,
  row: { objective_id: string; on_date: string; text: string; created_by: string | null },
) {
  return db.insertInto('programme_update').values(row).returning('id').executeTakeFirstOrThrow();
}

/** A programme's recorded outputs, oldest first. */
export function outputsOf(db: Executor, programmeId: string) {
  return db
    .selectFrom('recorded_output')
    .leftJoin('programme_strand', 'programme_strand.id', 'recorded_output.strand_id')
    .select([
      'recorded_output.id',
      'recorded_output.strand_id',
      'programme_strand.name as strand_name',
      'recorded_output.label',
      'recorded_output.count',
      day('recorded_output.on_date').as('on_date'),
      'recorded_output.source',
    ])
    .where('recorded_output.programme_id', '=', programmeId)
    .orderBy('recorded_output.on_date')
    .orderBy('recorded_output.created_at')
    .execute();
}

/** Records an output (typed in by an officer). */
export function insertOutput(
  db: Executor,
  row: {
    programme_id: string;
    strand_id: string | null;
    label: string;
    count: number;
    on_date: string;
    source: string;
    created_by: string | null;
  },
) {
  return db.insertInto('recorded_output').values(row).returning('id').executeTakeFirstOrThrow();
}

/**
 * "You said, we did": published pins on these areas' workshops whose latest reply is "done" or
 * "planned", the latest replies first.
 */
export function youSaidWeDid(
  db: Executor,
  areaCodes: readonly string[],
  limit: number,
  before: string | null,
) {
  if (areaCodes.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('pin')
    .innerJoin('workshop', 'workshop.id', 'pin.workshop_id')
    .innerJoin('area', 'area.code', 'workshop.area_code')
    .select([
      'pin.id',
      'area.code as area_code',
      'area.name as area_name',
      'workshop.title as workshop_title',
      'pin.kind',
      'pin.theme',
      'pin.public_text',
      'pin.response_status',
      'pin.response_reply',
      day('pin.response_at').as('replied_on'),
    ])
    .where('workshop.area_code', 'in', areaCodes)
    .where('pin.moderation', '=', 'published')
    .where('pin.response_status', 'in', ['done', 'planned']);
  if (before) q = q.where('pin.response_at', '<', sql<Date>`${before}::date`);
  return q.orderBy('pin.response_at', 'desc').orderBy('pin.id').limit(limit).execute();
}
