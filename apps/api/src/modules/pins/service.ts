// Residents' pins: stored exactly once however often a device sends them, placed in the
// workshop's area, masked before anyone else sees them, supported ("me too"), moderated and
// answered ("you said, we did"). Every change a wall shows is logged in the same transaction
// (events/repository.ts) and the wall woken after commit.
import type { Database } from '@thrive/db';
import { maskForPublication, matchTheme } from '@thrive/participation';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { ConflictError, NotFoundError } from '../../errors.ts';
import { recordAudit } from '../audit/repository.ts';
import type { Principal } from '../auth/principal.ts';
import { recordWorkshopEvent } from '../events/repository.ts';
import { refuseIfClosed } from '../participants/service.ts';
import { FieldError, OutsideAreaError } from '../workshops/errors.ts';
import type { GeographyCache } from '../workshops/geography.ts';
import { findPlace, type WorkshopRow } from '../workshops/repository.ts';
import { contentHash } from './content-hash.ts';
import { pinPoint } from './point.ts';
import * as repo from './repository.ts';
import {
  MAX_PIN_TEXT,
  type ModerationBody,
  type NewPinBody,
  type NewResponseBody,
  type OfficerPinBody,
  type PinBody,
  type PinCollectionBody,
  type PinFeatureBody,
  type PinResponseBody,
  type ResponseEntryBody,
  type ResponseHistoryBody,
} from './schemas.ts';

/** What a pin service call needs from the app. */
export interface PinContext {
  db: Kysely<Database>;
  geography: GeographyCache;
  /** Wakes the live walls of a workshop after a commit. */
  notify: FastifyInstance['workshopEvents']['notify'];
  /** Runs a transaction that writes the workshop's event log, a couple at a time per workshop. */
  write: FastifyInstance['workshopEvents']['write'];
}

function latestResponse(row: repo.PinRow): PinResponseBody | null {
  if (row.response_status === null || row.response_reply === null || row.response_at === null)
    return null;
  return {
    status: row.response_status,
    reply: row.response_reply,
    expectedBy: row.response_expected_by,
    at: row.response_at.toISOString(),
  };
}

/** A pin as its author sees it: the masked text, its moderation state. */
export function toPinBody(row: repo.PinRow): PinBody {
  return {
    id: row.id,
    kind: row.kind,
    theme: row.theme,
    text: row.public_text,
    masked: row.masked,
    lon: row.lon,
    lat: row.lat,
    placeId: row.place_id,
    placeName: row.place_name,
    moderation: row.moderation,
    support: Number(row.support),
    createdAt: row.created_at.toISOString(),
    response: latestResponse(row),
    hasPhoto: row.has_photo,
  };
}

function toOfficerPinBody(row: repo.PinRow): OfficerPinBody {
  return {
    ...toPinBody(row),
    originalText: row.text,
    moderationReason: row.moderation_reason,
    wardCode: row.ward_code,
    lsoaCode: row.lsoa_code,
  };
}

/** A published pin as a GeoJSON Feature (maps, lists, the wall). */
export function toPinFeature(row: repo.PinRow): PinFeatureBody {
  return {
    type: 'Feature',
    id: row.id,
    geometry: pinPoint(row.lon, row.lat),
    properties: {
      kind: row.kind,
      theme: row.theme,
      text: row.public_text,
      support: Number(row.support),
      placeName: row.place_name,
      createdAt: row.created_at.toISOString(),
      response: latestResponse(row),
      hasPhoto: row.has_photo,
    },
  };
}

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

/** The trimmed text, 1–500 characters (counted as a person would: by code point). */
function checkedText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0)
    throw new FieldError('body.text', 'Please write a few words about this place.');
  if ([...trimmed].length > MAX_PIN_TEXT)
    throw new FieldError('body.text', `Please keep it to ${MAX_PIN_TEXT} characters or fewer.`);
  return trimmed;
}

/** Where the pin goes: a point, a named place (its point), or nowhere in particular. */
async function location(
  ctx: PinContext,
  workshop: WorkshopRow,
  body: NewPinBody,
): Promise<{
  lon: number | null;
  lat: number | null;
  placeId: string | null;
  sentLon: number | null;
  sentLat: number | null;
}> {
  const hasPoint = body.lon !== undefined || body.lat !== undefined;
  if (hasPoint && (body.lon === undefined || body.lat === undefined))
    throw new FieldError(
      body.lon === undefined ? 'body.lon' : 'body.lat',
      'A point needs both lon and lat.',
    );
  if (hasPoint && body.placeId !== undefined)
    throw new FieldError('body.placeId', 'Send a point or a named place, not both.');
  if (body.placeId !== undefined) {
    const place = await findPlace(ctx.db, workshop.id, body.placeId.toLowerCase());
    if (!place)
      throw new FieldError('body.placeId', 'That place is not one of this workshop’s places.');
    return { lon: place.lon, lat: place.lat, placeId: place.id, sentLon: null, sentLat: null };
  }
  if (body.lon === undefined || body.lat === undefined)
    return { lon: null, lat: null, placeId: null, sentLon: null, sentLat: null };
  const lon = round6(body.lon);
  const lat = round6(body.lat);
  return { lon, lat, placeId: null, sentLon: lon, sentLat: lat };
}

export type PinOutcome = { status: 201 | 200; pin: PinBody };

/**
 * What a repeated id means, once the one-statement insert stored nothing: the same submission
 * again (200 with the pin as its author may see it, hidden stays hidden) or a clash (409).
 */
async function existingOutcome(
  db: Kysely<Database>,
  workshop: WorkshopRow,
  id: string,
  hash: string,
): Promise<PinOutcome> {
  const stored = await repo.findPin(db, id);
  if (!stored) {
    if (await repo.isTombstoned(db, id))
      throw new ConflictError(
        'This pin was removed by the workshop’s organisers, so it will not be added again.',
      );
    // Deleted between our insert and this read: say so rather than guess.
    throw new ConflictError('This pin could not be saved just now; please try again.');
  }
  if (stored.workshop_id !== workshop.id)
    throw new ConflictError('A different pin already has this id.');
  if (stored.content_hash !== hash)
    throw new ConflictError(
      'A different pin was already saved with this id; make a new pin to send other words or another place.',
    );
  return { status: 200, pin: toPinBody(stored) };
}

/** Stores a resident's pin exactly once (201), or answers a retry (200) or a clash (409). */
export async function submitPin(
  ctx: PinContext,
  workshop: WorkshopRow,
  participantId: string,
  body: NewPinBody,
): Promise<PinOutcome> {
  const id = body.id.toLowerCase();
  const theme = matchTheme(workshop.themes, body.theme);
  if (theme === null)
    throw new FieldError(
      'body.theme',
      `Choose one of this workshop’s themes: ${workshop.themes.join(', ')}.`,
    );
  const text = checkedText(body.text);
  const where = await location(ctx, workshop, body);
  const hash = contentHash({
    workshopId: workshop.id,
    kind: body.kind,
    theme,
    text,
    lon: where.sentLon,
    lat: where.sentLat,
    placeId: where.placeId,
  });

  // A device sending what it queued before the workshop closed: a stored pin is still a 200.
  if (workshop.status === 'closed') {
    const stored = await repo.findPin(ctx.db, id);
    if (stored && stored.workshop_id === workshop.id && stored.content_hash === hash)
      return { status: 200, pin: toPinBody(stored) };
    refuseIfClosed(workshop);
  }

  let wardCode: string | null = null;
  let lsoaCode: string | null = null;
  if (where.lon !== null && where.lat !== null) {
    const area = await ctx.geography.get(ctx.db, workshop.area_code);
    // A named place was set by an officer and stands where they put it; a tapped point must be inside.
    if (where.placeId === null && (!area || !area.contains(where.lon, where.lat))) {
      throw new OutsideAreaError(
        `That spot is outside the ${workshop.area_name} area. Please put your pin inside the outlined area, or choose "somewhere else on the estate".`,
      );
    }
    if (area) ({ wardCode, lsoaCode } = area.placesAt(where.lon, where.lat));
  }

  const masked = maskForPublication(text);
  const moderation = workshop.moderation === 'pre' ? 'pending' : 'published';
  const inserted = await ctx.write(workshop.id, () =>
    ctx.db.transaction().execute(async (tx) => {
      const stored = await repo.insertPinOnce(tx, {
        id,
        workshopId: workshop.id,
        participantId,
        kind: body.kind,
        theme,
        text,
        publicText: masked.text,
        masked: masked.masked,
        placeId: where.placeId,
        lon: where.lon,
        lat: where.lat,
        wardCode,
        lsoaCode,
        moderation,
        contentHash: hash,
      });
      if (stored && moderation === 'published')
        await recordWorkshopEvent(tx, { workshopId: workshop.id, type: 'pin', pinId: id });
      return stored;
    }),
  );
  if (!inserted) return existingOutcome(ctx.db, workshop, id, hash);
  if (moderation === 'published') ctx.notify(workshop.id);
  const row = await repo.findPin(ctx.db, id);
  if (!row) throw new ConflictError('This pin was removed just after it was saved.');
  return { status: 201, pin: toPinBody(row) };
}

/** A workshop's published pins as GeoJSON. */
export async function publishedPins(
  db: Kysely<Database>,
  workshop: WorkshopRow,
): Promise<PinCollectionBody> {
  return {
    type: 'FeatureCollection',
    features: (await repo.publishedPins(db, workshop.id)).map(toPinFeature),
  };
}

/** "You said, we did": published pins with a reply, latest reply first. */
export async function answeredPins(
  db: Kysely<Database>,
  workshop: WorkshopRow,
): Promise<PinCollectionBody> {
  return {
    type: 'FeatureCollection',
    features: (await repo.answeredPins(db, workshop.id)).map(toPinFeature),
  };
}

/** Every pin of a workshop with what officers need to moderate it. */
export async function allPins(
  db: Kysely<Database>,
  workshop: WorkshopRow,
): Promise<{ pins: OfficerPinBody[] }> {
  return { pins: (await repo.allPins(db, workshop.id)).map(toOfficerPinBody) };
}

/** A participant's own pins (every state) and the pins they supported. */
export async function ownPins(
  db: Kysely<Database>,
  participantId: string,
): Promise<{ pins: PinBody[]; supported: string[] }> {
  const [pins, supported] = await Promise.all([
    repo.pinsOf(db, participantId),
    repo.supportedBy(db, participantId),
  ]);
  return { pins: pins.map(toPinBody), supported };
}

const NO_SUCH_PIN = 'We could not find that pin; it may have been removed.';

/** Adds a participant's "me too" to a published pin, once (first: 201, repeats: 200). */
export async function support(
  ctx: PinContext,
  workshop: WorkshopRow,
  participantId: string,
  pinId: string,
): Promise<{ status: 201 | 200; body: { pinId: string; support: number } }> {
  const id = pinId.toLowerCase();
  const pin = await repo.findPin(ctx.db, id);
  if (!pin || pin.workshop_id !== workshop.id || pin.moderation !== 'published')
    throw new NotFoundError(NO_SUCH_PIN);
  refuseIfClosed(workshop);
  const added = await ctx.write(workshop.id, () =>
    ctx.db.transaction().execute(async (tx) => {
      const inserted = await repo.insertSupport(tx, id, participantId);
      if (inserted)
        await recordWorkshopEvent(tx, { workshopId: workshop.id, type: 'support', pinId: id });
      return inserted;
    }),
  );
  if (added) ctx.notify(workshop.id);
  return {
    status: added ? 201 : 200,
    body: { pinId: id, support: await repo.supportCount(ctx.db, id) },
  };
}

/** An officer hides or (re)publishes a pin with a reason; audited, and the walls told. */
export async function moderate(
  ctx: PinContext,
  pinId: string,
  body: ModerationBody,
  actorId: string | null,
): Promise<OfficerPinBody> {
  const id = pinId.toLowerCase();
  const reason = body.reason.trim();
  if (reason.length === 0)
    throw new FieldError('body.reason', 'Give a reason (it is kept in the audit trail).');
  const outcome = await ctx.db.transaction().execute(async (tx) => {
    const before = await repo.setModeration(tx, id, body.moderation, reason);
    if (before === undefined) return undefined;
    const pin = await repo.findPin(tx, id);
    if (!pin) return undefined;
    const changed = before !== body.moderation;
    await recordAudit(tx, {
      actorId,
      action: 'pin.moderate',
      target: `pin:${id}`,
      details: { workshopId: pin.workshop_id, from: before, to: body.moderation, reason },
    });
    // The wall shows published pins only: tell it when one leaves or joins that set. Events go
    // last, as each takes the workshop's lock until commit.
    if (changed && before === 'published')
      await recordWorkshopEvent(tx, { workshopId: pin.workshop_id, type: 'hidden', pinId: id });
    if (changed && body.moderation === 'published')
      await recordWorkshopEvent(tx, {
        workshopId: pin.workshop_id,
        type: 'published',
        pinId: id,
      });
    return { pin, changed };
  });
  if (!outcome) throw new NotFoundError(NO_SUCH_PIN);
  if (outcome.changed) ctx.notify(outcome.pin.workshop_id);
  return toOfficerPinBody(outcome.pin);
}

/** An officer removes a pin for good (a tombstone keeps retries out); audited. */
export async function remove(
  ctx: PinContext,
  pinId: string,
  reason: string,
  actorId: string | null,
): Promise<void> {
  const id = pinId.toLowerCase();
  const removed = await ctx.db.transaction().execute(async (tx) => {
    const pin = await repo.findPin(tx, id);
    if (!pin) return undefined;
    await repo.removePin(tx, id, pin.workshop_id);
    await recordAudit(tx, {
      actorId,
      action: 'pin.remove',
      target: `pin:${id}`,
      details: { workshopId: pin.workshop_id, reason: reason.trim() },
    });
    if (pin.moderation === 'published')
      await recordWorkshopEvent(tx, { workshopId: pin.workshop_id, type: 'hidden', pinId: id });
    return pin;
  });
  if (!removed) throw new NotFoundError(NO_SUCH_PIN);
  if (removed.moderation === 'published') ctx.notify(removed.workshop_id);
}

function toResponseEntry(row: repo.ResponseRow): ResponseEntryBody {
  return {
    id: row.id,
    pinId: row.pin_id,
    status: row.status,
    reply: row.reply,
    expectedBy: row.expected_by,
    at: row.at.toISOString(),
  };
}

/** An officer's "you said, we did" reply; planned work needs a date. Kept in the pin's history. */
export async function respond(
  ctx: PinContext,
  pinId: string,
  body: NewResponseBody,
  actorId: string | null,
): Promise<ResponseEntryBody> {
  const id = pinId.toLowerCase();
  const reply = body.reply.trim();
  if (reply.length === 0) throw new FieldError('body.reply', 'Write a reply residents can read.');
  const expectedBy = body.expectedBy ?? null;
  if (body.status === 'planned' && expectedBy === null)
    throw new FieldError(
      'body.expectedBy',
      'Planned work needs a date residents can expect it by.',
    );
  const outcome = await ctx.db.transaction().execute(async (tx) => {
    const pin = await repo.findPin(tx, id);
    if (!pin) return undefined;
    const row = await repo.insertResponse(tx, {
      pinId: id,
      status: body.status,
      reply,
      expectedBy,
      actorId,
    });
    await recordAudit(tx, {
      actorId,
      action: 'pin.respond',
      target: `pin:${id}`,
      details: { workshopId: pin.workshop_id, status: body.status },
    });
    if (pin.moderation === 'published')
      await recordWorkshopEvent(tx, { workshopId: pin.workshop_id, type: 'response', pinId: id });
    return { row, pin };
  });
  if (!outcome) throw new NotFoundError(NO_SUCH_PIN);
  if (outcome.pin.moderation === 'published') ctx.notify(outcome.pin.workshop_id);
  return toResponseEntry(outcome.row);
}

const isOfficer = (principal: Principal) =>
  principal.kind === 'user' &&
  (principal.user.role === 'officer' || principal.user.role === 'admin');

/** A pin's replies, oldest first: public for published pins, officers see any. */
export async function responseHistory(
  db: Kysely<Database>,
  pinId: string,
  principal: Principal,
): Promise<ResponseHistoryBody> {
  const id = pinId.toLowerCase();
  const pin = await repo.findPin(db, id);
  if (!pin || (pin.moderation !== 'published' && !isOfficer(principal)))
    throw new NotFoundError(NO_SUCH_PIN);
  return { pinId: id, responses: (await repo.responsesOf(db, id)).map(toResponseEntry) };
}
