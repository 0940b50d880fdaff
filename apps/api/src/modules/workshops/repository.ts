// The only SQL of workshops, their named places, and the area lookups they need.
import type { AreaLevel, Database, NewWorkshop } from '@thrive/db';
import { normaliseJoinCode, type ModerationMode, type WorkshopStatus } from '@thrive/participation';
import { sql, type Kysely, type Transaction } from 'kysely';

export type Executor = Kysely<Database> | Transaction<Database>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A workshop row with its area's name and level, dates as ISO days. */
export interface WorkshopRow {
  id: string;
  code: string;
  title: string;
  area_code: string;
  area_name: string;
  area_level: AreaLevel;
  starts_on: string | null;
  ends_on: string | null;
  themes: string[];
  moderation: ModerationMode;
  status: WorkshopStatus;
  created_at: Date;
}

function selectWorkshops(db: Executor) {
  return db
    .selectFrom('workshop')
    .innerJoin('area', 'area.code', 'workshop.area_code')
    .select([
      'workshop.id',
      'workshop.code',
      'workshop.title',
      'workshop.area_code',
      'area.name as area_name',
      'area.level as area_level',
      // Dates as text: the drivers would otherwise turn a day into a local-midnight Date.
      sql<string | null>`cast(workshop.starts_on as text)`.as('starts_on'),
      sql<string | null>`cast(workshop.ends_on as text)`.as('ends_on'),
      'workshop.themes',
      'workshop.moderation',
      'workshop.status',
      'workshop.created_at',
    ]);
}

/** A workshop by its UUID or its join code (any case; spaces and dashes ignored), or undefined. */
export async function findWorkshopByRef(
  db: Executor,
  ref: string,
): Promise<WorkshopRow | undefined> {
  if (UUID.test(ref))
    return selectWorkshops(db).where('workshop.id', '=', ref.toLowerCase()).executeTakeFirst();
  const code = normaliseJoinCode(ref);
  if (code === null) return undefined;
  return selectWorkshops(db).where('workshop.code', '=', code).executeTakeFirst();
}

/** Every workshop, newest first. */
export function listWorkshops(db: Executor): Promise<WorkshopRow[]> {
  return selectWorkshops(db)
    .orderBy('workshop.created_at', 'desc')
    .orderBy('workshop.id')
    .execute();
}

/** Pins and participants per workshop. */
export async function workshopCounts(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, { pins: number; participants: number }>> {
  const counts = new Map<string, { pins: number; participants: number }>();
  if (ids.length === 0) return counts;
  for (const id of ids) counts.set(id, { pins: 0, participants: 0 });
  const pins = await db
    .selectFrom('pin')
    .select(['workshop_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('workshop_id', 'in', ids)
    .groupBy('workshop_id')
    .execute();
  const people = await db
    .selectFrom('participant')
    .select(['workshop_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('workshop_id', 'in', ids)
    .groupBy('workshop_id')
    .execute();
  for (const row of pins) counts.get(row.workshop_id)!.pins = Number(row.n);
  for (const row of people)
    if (row.workshop_id) counts.get(row.workshop_id)!.participants = Number(row.n);
  return counts;
}

export interface PlaceRow {
  id: string;
  workshop_id: string;
  name: string;
  lon: number;
  lat: number;
}

/** The named places of some workshops, in the officer's order. */
export function placesOf(db: Executor, workshopIds: readonly string[]): Promise<PlaceRow[]> {
  if (workshopIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('workshop_place')
    .select(['id', 'workshop_id', 'name', 'lon', 'lat'])
    .where('workshop_id', 'in', workshopIds)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** One named place of a workshop, or undefined. */
export function findPlace(
  db: Executor,
  workshopId: string,
  placeId: string,
): Promise<PlaceRow | undefined> {
  return db
    .selectFrom('workshop_place')
    .select(['id', 'workshop_id', 'name', 'lon', 'lat'])
    .where('workshop_id', '=', workshopId)
    .where('id', '=', placeId)
    .executeTakeFirst();
}

/** Inserts a workshop unless its join code is taken; the new id, or undefined on a clash. */
export async function insertWorkshop(
  db: Executor,
  workshop: NewWorkshop,
): Promise<string | undefined> {
  const row = await db
    .insertInto('workshop')
    .values(workshop)
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export interface WorkshopChanges {
  title?: string;
  themes?: string[];
  moderation?: ModerationMode;
  status?: WorkshopStatus;
  startsOn?: string | null;
  endsOn?: string | null;
}

export async function updateWorkshop(
  db: Executor,
  id: string,
  changes: WorkshopChanges,
): Promise<void> {
  const set = {
    ...(changes.title !== undefined ? { title: changes.title } : {}),
    ...(changes.themes !== undefined ? { themes: JSON.stringify(changes.themes) } : {}),
    ...(changes.moderation !== undefined ? { moderation: changes.moderation } : {}),
    ...(changes.status !== undefined ? { status: changes.status } : {}),
    ...(changes.startsOn !== undefined ? { starts_on: changes.startsOn } : {}),
    ...(changes.endsOn !== undefined ? { ends_on: changes.endsOn } : {}),
  };
  if (Object.keys(set).length === 0) return;
  await db.updateTable('workshop').set(set).where('id', '=', id).execute();
}

/**
 * Makes a workshop's places exactly these, in this order: a place sent with its id is updated
 * (pins keep their link), a new one inserted, one left out deleted (its pins keep their point).
 */
export async function replacePlaces(
  tx: Transaction<Database>,
  workshopId: string,
  places: readonly { id?: string | undefined; name: string; lon: number; lat: number }[],
): Promise<void> {
  const keep = places.flatMap((p) => (p.id ? [p.id.toLowerCase()] : []));
  let removal = tx.deleteFrom('workshop_place').where('workshop_id', '=', workshopId);
  if (keep.length > 0) removal = removal.where('id', 'not in', keep);
  await removal.execute();
  for (const [position, place] of places.entries()) {
    const values = {
      workshop_id: workshopId,
      name: place.name,
      lon: place.lon,
      lat: place.lat,
      position,
    };
    if (place.id) {
      const updated = await tx
        .updateTable('workshop_place')
        .set(values)
        .where('id', '=', place.id.toLowerCase())
        .where('workshop_id', '=', workshopId)
        .executeTakeFirst();
      // An id from elsewhere (or a stale one) becomes a new place rather than an error.
      if (Number(updated.numUpdatedRows) > 0) continue;
    }
    await tx.insertInto('workshop_place').values(values).execute();
  }
}

export interface AreaShapeRow {
  code: string;
  name: string;
  level: AreaLevel;
  geometry: unknown;
  minx: number | null;
  miny: number | null;
  maxx: number | null;
  maxy: number | null;
}

const selectAreaShapes = (db: Executor) =>
  db
    .selectFrom('area')
    .select(['code', 'name', 'level', 'geometry', 'minx', 'miny', 'maxx', 'maxy']);

/** An area with its geometry and bounding box, or undefined. */
export function findAreaShape(db: Executor, code: string): Promise<AreaShapeRow | undefined> {
  return selectAreaShapes(db).where('code', '=', code).executeTakeFirst();
}

/** Areas of these levels whose bounding box contains the point (a cheap prefilter; callers test the shape). */
export function areasWithBoxAround(
  db: Executor,
  levels: readonly AreaLevel[],
  lon: number,
  lat: number,
): Promise<AreaShapeRow[]> {
  // A point is a box of no size: the overlap test is then exactly "contains".
  return areasWithBoxOverlapping(db, levels, [lon, lat, lon, lat]);
}

/** Areas of these levels whose bounding box overlaps a box (a cheap prefilter; callers test the shape). */
export function areasWithBoxOverlapping(
  db: Executor,
  levels: readonly AreaLevel[],
  box: readonly [number, number, number, number],
): Promise<AreaShapeRow[]> {
  const [minx, miny, maxx, maxy] = box;
  return selectAreaShapes(db)
    .where('level', 'in', levels)
    .where('minx', '<=', maxx)
    .where('maxx', '>=', minx)
    .where('miny', '<=', maxy)
    .where('maxy', '>=', miny)
    .orderBy('code')
    .execute();
}

export interface NewEstateArea {
  code: string;
  name: string;
  parentCode: string | null;
  geometry: unknown;
  box: readonly [number, number, number, number];
}

/** Inserts an estate area unless its code is taken; true when inserted. */
export async function insertEstateArea(db: Executor, area: NewEstateArea): Promise<boolean> {
  const [minx, miny, maxx, maxy] = area.box;
  const row = await db
    .insertInto('area')
    .values({
      code: area.code,
      name: area.name,
      level: 'estate',
      parent_code: area.parentCode,
      geometry: JSON.stringify(area.geometry),
      minx,
      miny,
      maxx,
      maxy,
      source: 'Drawn or uploaded for a residents’ workshop',
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('code')
    .executeTakeFirst();
  return row !== undefined;
}
