// Workshops: creating one on a loaded area or on a new estate boundary, editing, listing, and
// the resident view behind /w/<code>.
import { randomBytes } from 'node:crypto';
import { bumpDataVersion, type Database } from '@thrive/db';
import { DEFAULT_THEMES, joinCodeFrom, themeKey } from '@thrive/participation';
import pointOnFeature from '@turf/point-on-feature';
import type { Kysely } from 'kysely';
import { NotFoundError } from '../../errors.ts';
import { recordAudit } from '../audit/repository.ts';
import { readBoundary } from './boundary.ts';
import { FieldError } from './errors.ts';
import { areaContaining, isAreaGeometry, type GeographyCache } from './geography.ts';
import * as repo from './repository.ts';
import type {
  NewWorkshopBody,
  Place,
  ResidentWorkshopBody,
  WorkshopBody,
  WorkshopPatchBody,
} from './schemas.ts';

/** The workshop behind a `:ref` (UUID or join code); 404 with words a resident understands. */
export async function requireWorkshop(db: repo.Executor, ref: string): Promise<repo.WorkshopRow> {
  const workshop = await repo.findWorkshopByRef(db, ref);
  if (!workshop)
    throw new NotFoundError(
      'We could not find a workshop with that code. Check the code on the poster and try again.',
    );
  return workshop;
}

const toPlace = (p: repo.PlaceRow): Place => ({ id: p.id, name: p.name, lon: p.lon, lat: p.lat });

function toWorkshopBody(
  row: repo.WorkshopRow,
  places: readonly repo.PlaceRow[],
  counts?: { pins: number; participants: number },
): WorkshopBody {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    status: row.status,
    moderation: row.moderation,
    themes: row.themes,
    places: places.filter((p) => p.workshop_id === row.id).map(toPlace),
    areaCode: row.area_code,
    areaName: row.area_name,
    areaLevel: row.area_level,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    createdAt: row.created_at.toISOString(),
    joinUrl: `/w/${row.code}`,
    ...(counts ? { counts } : {}),
  };
}

/** One workshop as officers see it, with counts. */
export async function workshopBody(
  db: repo.Executor,
  row: repo.WorkshopRow,
): Promise<WorkshopBody> {
  const [places, counts] = await Promise.all([
    repo.placesOf(db, [row.id]),
    repo.workshopCounts(db, [row.id]),
  ]);
  return toWorkshopBody(row, places, counts.get(row.id));
}

/** Every workshop, newest first, with counts. */
export async function listWorkshops(db: repo.Executor): Promise<{ workshops: WorkshopBody[] }> {
  const rows = await repo.listWorkshops(db);
  const ids = rows.map((r) => r.id);
  const [places, counts] = await Promise.all([
    repo.placesOf(db, ids),
    repo.workshopCounts(db, ids),
  ]);
  return { workshops: rows.map((row) => toWorkshopBody(row, places, counts.get(row.id))) };
}

/** The resident view: title, themes, places and the area's outline; nothing about people. */
export async function residentView(
  db: repo.Executor,
  geography: GeographyCache,
  row: repo.WorkshopRow,
): Promise<ResidentWorkshopBody> {
  const [places, area] = await Promise.all([
    repo.placesOf(db, [row.id]),
    geography.get(db, row.area_code),
  ]);
  if (!area) throw new NotFoundError('This workshop’s area has no boundary loaded.');
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    status: row.status,
    moderation: row.moderation,
    themes: row.themes,
    places: places.map(toPlace),
    area: {
      code: area.code,
      name: row.area_name,
      geometry: area.wireGeometry,
      bbox: [...area.box],
    },
    startsOn: row.starts_on,
    endsOn: row.ends_on,
  };
}

/** Themes without blanks or repeats (compared as residents' matching compares them). */
function cleanThemes(themes: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const theme of themes) {
    const name = theme.trim().replace(/\s+/g, ' ');
    const key = themeKey(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push(name);
  }
  if (kept.length === 0)
    throw new FieldError('body.themes', 'A workshop needs at least one theme.');
  return kept;
}

function checkDates(startsOn: string | null | undefined, endsOn: string | null | undefined): void {
  if (startsOn && endsOn && endsOn < startsOn)
    throw new FieldError('body.endsOn', 'The workshop cannot end before it starts.');
}

const cleanPlaces = (places: NewWorkshopBody['places']) =>
  (places ?? []).map((p) => ({ ...p, name: p.name.trim() }));

// A clash among 148 million codes is rare; a few tries make failure practically impossible.
const CODE_ATTEMPTS = 8;
const newCode = () => joinCodeFrom(randomBytes(6));

export interface Actor {
  id: string | null;
}

/** The area a new workshop uses: a loaded one as it is, or a new estate from the boundary. */
async function chooseArea(tx: repo.Executor, input: NewWorkshopBody): Promise<string> {
  if (input.areaCode !== undefined) {
    const area = await repo.findAreaShape(tx, input.areaCode);
    if (!area)
      throw new FieldError('body.areaCode', `No area with the code ${input.areaCode} is loaded.`);
    if (!isAreaGeometry(area.geometry))
      throw new FieldError(
        'body.areaCode',
        `The area ${area.name} has no boundary, so pins could not be placed in it.`,
      );
    return area.code;
  }
  const { geometry, box } = readBoundary(input.boundary);
  // The estate sits under the ward holding a point on it, else under the authority.
  const [lon = NaN, lat = NaN] = pointOnFeature({ type: 'Feature', properties: {}, geometry })
    .geometry.coordinates;
  const parentCode = await areaContaining(tx, ['ward', 'lad'], lon, lat);
  const name = (input.estateName ?? input.title).trim();
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const code = `EST-${newCode()}`;
    if (await repo.insertEstateArea(tx, { code, name, parentCode, geometry, box })) return code;
  }
  throw new Error('could not find a free estate code');
}

/** Creates a workshop (and its estate area when a boundary is given); audited. */
export async function createWorkshop(
  db: Kysely<Database>,
  input: NewWorkshopBody,
  actor: Actor,
): Promise<WorkshopBody> {
  if ((input.areaCode === undefined) === (input.boundary === undefined)) {
    throw new FieldError(
      'body.areaCode',
      'Give either an area code or a boundary (exactly one of them).',
    );
  }
  const themes = cleanThemes(input.themes ?? DEFAULT_THEMES);
  checkDates(input.startsOn, input.endsOn);
  const places = cleanPlaces(input.places);
  const id = await db.transaction().execute(async (tx) => {
    const areaCode = await chooseArea(tx, input);
    if (input.boundary !== undefined) await bumpDataVersion(tx);
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const made = await repo.insertWorkshop(tx, {
        code: newCode(),
        title: input.title.trim(),
        area_code: areaCode,
        starts_on: input.startsOn ?? null,
        ends_on: input.endsOn ?? null,
        themes: JSON.stringify(themes),
        moderation: input.moderation ?? 'post',
        status: 'open',
        created_by: actor.id,
      });
      if (made) {
        await repo.replacePlaces(tx, made, places);
        await recordAudit(tx, {
          actorId: actor.id,
          action: 'workshop.create',
          target: `workshop:${made}`,
          details: { areaCode, moderation: input.moderation ?? 'post' },
        });
        return made;
      }
    }
    throw new Error('could not find a free join code');
  });
  const row = await repo.findWorkshopByRef(db, id);
  if (!row) throw new Error('workshop vanished after insert');
  return workshopBody(db, row);
}

/** Changes a workshop (status, title, themes, places, moderation, dates); audited. */
export async function patchWorkshop(
  db: Kysely<Database>,
  ref: string,
  input: WorkshopPatchBody,
  actor: Actor,
): Promise<WorkshopBody> {
  const current = await requireWorkshop(db, ref);
  const themes = input.themes === undefined ? undefined : cleanThemes(input.themes);
  checkDates(
    input.startsOn === undefined ? current.starts_on : input.startsOn,
    input.endsOn === undefined ? current.ends_on : input.endsOn,
  );
  await db.transaction().execute(async (tx) => {
    await repo.updateWorkshop(tx, current.id, {
      ...(input.title !== undefined ? { title: input.title.trim() } : {}),
      ...(themes !== undefined ? { themes } : {}),
      ...(input.moderation !== undefined ? { moderation: input.moderation } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.startsOn !== undefined ? { startsOn: input.startsOn } : {}),
      ...(input.endsOn !== undefined ? { endsOn: input.endsOn } : {}),
    });
    if (input.places !== undefined)
      await repo.replacePlaces(tx, current.id, cleanPlaces(input.places));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'workshop.update',
      target: `workshop:${current.id}`,
      details: { changed: Object.keys(input).sort() },
    });
  });
  const row = await repo.findWorkshopByRef(db, current.id);
  if (!row) throw new NotFoundError('That workshop no longer exists.');
  return workshopBody(db, row);
}
