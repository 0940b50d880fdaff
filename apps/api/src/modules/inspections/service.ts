// Residents inspect their own blocks (issue 14). Officers define what is inspected (standards,
// versioned like KPIs: a change makes a new version and inspections keep the version they were
// made against), the blocks, and invite inspectors with a link. Inspectors are anonymous
// participants with the inspector role on one estate, recognised by the same httpOnly cookie
// residents get; their inspections carry a device-made UUID and are stored exactly once.
// Results: the share of inspections meeting each item per block and month, Wilson interval,
// status against the target, blocks against the estate, trend (@thrive/indicators).
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@thrive/db';
import {
  compareBlockWithEstate,
  inspectionResult,
  inspectionScoreRange,
  inspectionTrend,
  publishInspectionResult,
  scoreMeets,
  type InspectionResult,
} from '@thrive/indicators';
import { SUPPRESSION_NOTE } from '@thrive/participation';
import type { Kysely } from 'kysely';
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError } from '../../errors.ts';
import { recordAudit } from '../audit/repository.ts';
import type { Principal } from '../auth/principal.ts';
import { photoHash, reencodePhoto } from '../photos/reencode.ts';
import { FieldError } from '../workshops/errors.ts';
import * as repo from './repository.ts';
import type {
  ActionBody,
  ActionPatchBody,
  BlockBody,
  BlockImportBody,
  InspectionBody,
  InspectorMeBody,
  InviteEntryBody,
  NewBlockBody,
  NewInspectionBody,
  NewStandardBody,
  ResultsBody,
  StandardBody,
  StandardsBody,
  SummaryRow,
} from './schemas.ts';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const newToken = (): string => randomBytes(32).toString('base64url');

/** Whether the principal is an officer or admin (they see counts under 5 and photos). */
export const isOfficer = (principal: Principal): boolean =>
  principal.kind === 'user' && (principal.user.role === 'officer' || principal.user.role === 'admin');

/** The area by code, or 404 in words. */
async function requireArea(db: repo.Executor, code: string) {
  const area = await repo.findArea(db, code);
  if (!area) throw new NotFoundError(`No area with the code ${code} is loaded.`);
  return area;
}

const toStandard = (
  row: repo.StandardRow,
  items: readonly repo.ItemRow[],
  withPhoto: ReadonlySet<string>,
): StandardBody => ({
  id: row.id,
  areaCode: row.area_code,
  version: row.version,
  createdAt: row.created_at.toISOString(),
  items: items
    .filter((i) => i.standard_id === row.id)
    .map((i) => ({
      id: i.id,
      position: i.position,
      title: i.title,
      description: i.description,
      scale: i.scale,
      threshold: i.threshold,
      target: i.target,
      hasExamplePhoto: withPhoto.has(i.id),
    })),
});

/** A standard with its items, each saying whether it has an example photo. */
async function standardWithItems(db: repo.Executor, row: repo.StandardRow): Promise<StandardBody> {
  const items = await repo.itemsOf(db, [row.id]);
  return toStandard(row, items, await repo.itemsWithPhotos(db, items.map((i) => i.id)));
}

/** An estate's standard versions and the current one (the newest) with its items. */
export async function standardsOf(db: repo.Executor, code: string): Promise<StandardsBody> {
  const area = await requireArea(db, code);
  const versions = await repo.listStandards(db, area.code);
  const latest = versions[0];
  return {
    current: latest ? await standardWithItems(db, latest) : null,
    versions: versions.map((v) => ({ id: v.id, version: v.version, createdAt: v.created_at.toISOString() })),
  };
}

/** A new version of an estate's standard (the first is version 1); audited. */
export async function createStandard(
  db: Kysely<Database>,
  code: string,
  body: NewStandardBody,
  actorId: string | null,
): Promise<StandardBody> {
  const items = body.items.map((item, i) => {
    const title = item.title.trim();
    if (!title) throw new FieldError(`body.items.${i}.title`, 'Each item needs a title, e.g. "Stairwells clean".');
    if (item.scale === '1-5' && item.threshold === undefined)
      throw new FieldError(`body.items.${i}.threshold`, 'A 1–5 item needs the lowest score that meets the standard (1 to 5).');
    if (item.scale === 'meets' && item.threshold !== undefined)
      throw new FieldError(`body.items.${i}.threshold`, 'A meets / does not meet item has no threshold.');
    return { title, description: item.description.trim(), scale: item.scale, threshold: item.threshold ?? null, target: item.target };
  });
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const key = item.title.toLowerCase();
    if (seen.has(key)) throw new FieldError(`body.items.${i}.title`, 'Two items have the same title.');
    seen.add(key);
  });
  const area = await requireArea(db, code);
  const standard = await db.transaction().execute(async (tx) => {
    await repo.lockArea(tx, area.code);
    const latest = (await repo.listStandards(tx, area.code))[0];
    const row = await repo.insertStandard(tx, area.code, (latest?.version ?? 0) + 1, actorId);
    await repo.insertItems(tx, row.id, items);
    await recordAudit(tx, {
      actorId,
      action: 'inspection_standard.create',
      target: `inspection_standard:${row.id}`,
      details: { areaCode: area.code, version: row.version, items: items.length },
    });
    return row;
  });
  return standardWithItems(db, standard);
}

/** Sets (or replaces) an item's example photo, re-encoded without EXIF or GPS; its size. */
export async function storeItemExamplePhoto(
  db: repo.Executor,
  itemId: string,
  bytes: Uint8Array,
): Promise<{ width: number; height: number }> {
  const id = itemId.toLowerCase();
  if (!(await repo.itemExists(db, id))) throw new NotFoundError('There is no inspection item with that id.');
  const photo = await reencodePhoto(bytes);
  await repo.upsertItemPhoto(db, { itemId: id, bytes: photo.bytes, width: photo.width, height: photo.height });
  return { width: photo.width, height: photo.height };
}

/** An item's example photo (public: officers choose it to show what the standard looks like). */
export async function itemExamplePhoto(db: repo.Executor, itemId: string) {
  const photo = await repo.findItemPhoto(db, itemId.toLowerCase());
  if (!photo) throw new NotFoundError('That item has no example photo.');
  return photo;
}

const toBlock = (b: repo.BlockRow): BlockBody => ({ id: b.id, name: b.name, lon: b.lon, lat: b.lat, outline: b.outline ?? null });

/** Checks an outline's rings are closed lists of [lon, lat] pairs within range. */
function checkOutline(field: string, outline: { type: string; coordinates: unknown[] }): void {
  const polygons = outline.type === 'Polygon' ? [outline.coordinates] : outline.coordinates;
  const ok = polygons.every(
    (rings) =>
      Array.isArray(rings) &&
      rings.length > 0 &&
      rings.every((ring) => {
        if (!Array.isArray(ring) || ring.length < 4) return false;
        const valid = ring.every(
          (p) =>
            Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number' && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90,
        );
        const [first, last] = [ring[0] as number[], ring[ring.length - 1] as number[]];
        return valid && first[0] === last[0] && first[1] === last[1];
      }),
  );
  if (!ok)
    throw new FieldError(field, 'The outline is not a closed polygon of longitude, latitude pairs (WGS84).');
}

/** An outline's centre for the block's named point: the middle of its first ring's box. */
function outlineCentre(outline: { type: string; coordinates: unknown[] }): [number, number] {
  const ring = (outline.type === 'Polygon' ? outline.coordinates[0] : (outline.coordinates[0] as unknown[])[0]) as number[][];
  const lons = ring.map((p) => p[0]!);
  const lats = ring.map((p) => p[1]!);
  return [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
}

/** Adds blocks to an estate (a named point, optionally with an outline); their ids; audited. */
async function addBlocks(
  db: Kysely<Database>,
  code: string,
  blocks: { name: string; lon: number; lat: number; outline: { type: string; coordinates: unknown[] } | null }[],
  actorId: string | null,
): Promise<string[]> {
  const area = await requireArea(db, code);
  const names = new Set<string>();
  for (const b of blocks) {
    const key = b.name.toLowerCase();
    if (names.has(key)) throw new FieldError('body.name', `Two blocks are called ${b.name}.`);
    names.add(key);
  }
  return db.transaction().execute(async (tx) => {
    const ids = await repo.insertBlocks(tx, blocks.map((b) => ({ areaCode: area.code, ...b })));
    if (!ids) throw new ConflictError('This estate already has a block with that name.');
    await recordAudit(tx, { actorId, action: 'block.create', target: `area:${area.code}`, details: { blocks: ids.length } });
    return ids;
  });
}

/** One block as a named point (and optional outline). */
export async function createBlock(db: Kysely<Database>, code: string, body: NewBlockBody, actorId: string | null): Promise<string> {
  const name = body.name.trim();
  if (!name) throw new FieldError('body.name', 'A block needs a name, e.g. "Block C".');
  if (body.outline) checkOutline('body.outline', body.outline);
  const [id] = await addBlocks(db, code, [{ name, lon: body.lon, lat: body.lat, outline: body.outline ?? null }], actorId);
  return id!;
}

/** Blocks from uploaded GeoJSON outlines, named by each feature's `name`, placed at the outline's centre. */
export async function importBlocks(db: Kysely<Database>, code: string, body: BlockImportBody, actorId: string | null): Promise<string[]> {
  const blocks = body.features.map((f, i) => {
    const name = f.properties.name.trim();
    if (!name) throw new FieldError(`body.features.${i}.properties.name`, 'Each block needs a name.');
    checkOutline(`body.features.${i}.geometry`, f.geometry);
    const [lon, lat] = outlineCentre(f.geometry);
    return { name, lon, lat, outline: f.geometry };
  });
  return addBlocks(db, code, blocks, actorId);
}

/** An estate's blocks. */
export async function blocksOf(db: repo.Executor, code: string): Promise<BlockBody[]> {
  const area = await requireArea(db, code);
  return (await repo.listBlocks(db, area.code)).map(toBlock);
}

/** A new invite link for an estate's inspectors (only its hash is stored); audited. */
export async function createInvite(db: Kysely<Database>, code: string, origin: string, actorId: string | null): Promise<string> {
  const area = await requireArea(db, code);
  const token = newToken();
  await db.transaction().execute(async (tx) => {
    await repo.insertInvite(tx, area.code, sha256(token), actorId);
    await recordAudit(tx, { actorId, action: 'inspector.invite', target: `area:${area.code}`, details: {} });
  });
  return `${origin}/api/inspector-invites/${token}`;
}

const toInvite = (row: Awaited<ReturnType<typeof repo.listInvites>>[number]): InviteEntryBody => ({
  id: row.id,
  createdAt: row.created_at.toISOString(),
  revokedAt: row.revoked_at?.toISOString() ?? null,
  inspectors: Number(row.inspectors),
});

/** An estate's invite links, newest first, with how many phones opened each. */
export async function invitesOf(db: repo.Executor, code: string): Promise<InviteEntryBody[]> {
  const area = await requireArea(db, code);
  return (await repo.listInvites(db, area.code)).map(toInvite);
}

/**
 * Stops an invite link: it opens nothing from now on, and the phones that joined through it can
 * no longer inspect (a link passed on too widely is stopped with everyone it let in; the officer
 * sends the people they meant a new one). Stopping it again changes nothing. Audited.
 */
export async function revokeInvite(db: Kysely<Database>, code: string, id: string, actorId: string | null): Promise<InviteEntryBody> {
  const area = await requireArea(db, code);
  return db.transaction().execute(async (tx) => {
    if (!(await repo.revokeInvite(tx, area.code, id))) throw new NotFoundError(`${area.name} has no such invite link.`);
    await recordAudit(tx, { actorId, action: 'inspector.invite.revoke', target: `area:${area.code}`, details: { invite: id } });
    const [row] = await repo.listInvites(tx, area.code, id);
    if (!row) throw new NotFoundError(`${area.name} has no such invite link.`);
    return toInvite(row);
  });
}

/** Opens an invite: a new inspector participant and its cookie token, and the estate to go to. */
export async function acceptInvite(db: Kysely<Database>, inviteToken: string): Promise<{ token: string; areaCode: string }> {
  const invite = TOKEN_SHAPE.test(inviteToken) ? await repo.findInvite(db, sha256(inviteToken)) : undefined;
  if (!invite) throw new NotFoundError('This invite link does not work. Ask the housing officer for a new one.');
  const token = newToken();
  await db.transaction().execute((tx) => repo.insertInspector(tx, invite, sha256(token)));
  return { token, areaCode: invite.area_code };
}

export interface Inspector {
  participantId: string;
  areaCode: string;
  displayName: string | null;
}

/**
 * The inspector holding the cookie: 401 without a (known) inspector cookie. Checked here rather
 * than in the permission table because the workshop principal does not carry an estate.
 */
export async function inspectorOf(db: repo.Executor, token: string | undefined): Promise<Inspector> {
  const row = token && TOKEN_SHAPE.test(token) ? await repo.findInspector(db, sha256(token)) : undefined;
  if (!row)
    throw new UnauthorizedError('Open your inspector invite link on this phone first, then inspect.');
  return { participantId: row.participant_id, areaCode: row.area_code, displayName: row.display_name };
}

/** What an inspector's phone needs: the estate, the current standard and the blocks. */
export async function inspectorView(db: repo.Executor, inspector: Inspector): Promise<InspectorMeBody> {
  const area = await requireArea(db, inspector.areaCode);
  const [standards, blocks] = await Promise.all([standardsOf(db, area.code), blocksOf(db, area.code)]);
  return { estate: { code: area.code, name: area.name }, displayName: inspector.displayName, standard: standards.current, blocks };
}

/** Stores the display name an inspector chose. */
export async function chooseDisplayName(db: repo.Executor, inspector: Inspector, name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) throw new FieldError('body.displayName', 'Type the name you would like to use.');
  await repo.setDisplayName(db, inspector.participantId, trimmed);
}

/** A fingerprint of what the inspector sent, ignoring the order of scores; notes trimmed. */
function contentHash(body: NewInspectionBody): string {
  const scores = body.scores
    .map((s) => [s.itemId.toLowerCase(), s.value, s.note?.trim() || null] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return sha256(
    JSON.stringify([
      'inspection/1',
      body.blockId.toLowerCase(),
      body.inspectedOn,
      scores,
      body.defect ? [body.defect.lon.toFixed(6), body.defect.lat.toFixed(6)] : null,
    ]),
  );
}

/** A day within reach: not before 2000 and not after tomorrow (a phone's clock a day ahead). */
function checkDay(day: string, now: Date): void {
  const at = Date.parse(`${day}T00:00:00Z`);
  if (!Number.isFinite(at) || at < Date.UTC(2000, 0, 1) || at > now.getTime() + 36 * 3600_000)
    throw new FieldError('body.inspectedOn', 'The inspection date cannot be in the future.');
}

async function toInspection(db: repo.Executor, row: repo.InspectionRow): Promise<InspectionBody> {
  const [scores, photo, version] = await Promise.all([
    repo.scoresOf(db, row.id),
    repo.findPhotoFacts(db, row.id),
    repo.standardVersion(db, row.standard_id),
  ]);
  return {
    id: row.id,
    blockId: row.block_id,
    inspectedOn: row.inspected_on.toISOString().slice(0, 10),
    standardVersion: version,
    scores: scores.map((s) => ({ itemId: s.item_id, value: s.value, meets: s.meets, note: s.note })),
    defect: row.defect_lon === null || row.defect_lat === null ? null : { lon: row.defect_lon, lat: row.defect_lat },
    hasPhoto: photo !== undefined,
  };
}

/**
 * Stores an inspection: `created` the first time; the same id with the same content again is the
 * stored inspection (a retry from the offline queue); the same id with other content is 409.
 * Scores may use any version of the estate's standard (a phone offline across a change keeps
 * the items it showed), but all of one version.
 */
export async function submitInspection(
  db: Kysely<Database>,
  inspector: Inspector,
  body: NewInspectionBody,
  now = new Date(),
): Promise<{ created: boolean; inspection: InspectionBody }> {
  checkDay(body.inspectedOn, now);
  const block = await repo.findBlock(db, body.blockId.toLowerCase());
  if (!block || block.area_code !== inspector.areaCode)
    throw new FieldError('body.blockId', 'That block is not on your estate’s list. Reload the page to see the blocks.');
  const versions = await repo.listStandards(db, inspector.areaCode);
  if (versions.length === 0)
    throw new ConflictError('Your estate has no standards to inspect against yet. Ask the housing officer.');
  const items = new Map((await repo.itemsOf(db, versions.map((v) => v.id))).map((i) => [i.id, i]));
  let standardId: string | null = null;
  const seen = new Set<string>();
  const scores = body.scores.map((s, i) => {
    const item = items.get(s.itemId.toLowerCase());
    if (!item) throw new FieldError(`body.scores.${i}.itemId`, 'That item is not one of your estate’s standards.');
    if (standardId !== null && item.standard_id !== standardId)
      throw new FieldError(`body.scores.${i}.itemId`, 'All scores of one inspection must come from the same list of standards.');
    standardId = item.standard_id;
    if (seen.has(item.id)) throw new FieldError(`body.scores.${i}.itemId`, 'Each item can be scored once.');
    seen.add(item.id);
    const { min, max } = inspectionScoreRange(item.scale);
    if (s.value < min || s.value > max)
      throw new FieldError(
        `body.scores.${i}.value`,
        item.scale === 'meets' ? 'Score this item 1 (meets the standard) or 0 (does not).' : 'Score this item from 1 to 5.',
      );
    return { itemId: item.id, value: s.value, meets: scoreMeets(item.scale, item.threshold, s.value), note: s.note?.trim() || null };
  });
  const id = body.id.toLowerCase();
  const hash = contentHash(body);
  const inserted = await repo.insertInspectionOnce(db, {
    id,
    areaCode: inspector.areaCode,
    blockId: block.id,
    standardId: standardId!,
    participantId: inspector.participantId,
    inspectedOn: body.inspectedOn,
    defect: body.defect ?? null,
    contentHash: hash,
    scores,
  });
  const stored = await repo.findInspection(db, id);
  if (!stored) throw new ConflictError('This inspection could not be stored. Try again.');
  if (!inserted && (stored.content_hash !== hash || stored.participant_id !== inspector.participantId))
    throw new ConflictError('This inspection was already sent with different scores. Reload the page to see what was stored.');
  return { created: inserted, inspection: await toInspection(db, stored) };
}

/** Adds a photo to an inspector's own inspection: re-encoded (no EXIF, no GPS); 201, 200 for the same bytes, 409 for others. */
export async function storeInspectionPhoto(
  db: Kysely<Database>,
  inspector: Inspector,
  inspectionId: string,
  bytes: Uint8Array,
): Promise<{ created: boolean; width: number; height: number }> {
  const id = inspectionId.toLowerCase();
  const inspection = await repo.findInspection(db, id);
  if (!inspection) throw new NotFoundError('That inspection has not arrived yet; the photo will follow it.');
  if (inspection.participant_id !== inspector.participantId)
    throw new ForbiddenError('Only the inspector who made an inspection can add its photo.');
  const hash = photoHash(bytes);
  const same = (stored: { content_hash: string; width: number; height: number }) => {
    if (stored.content_hash !== hash) throw new ConflictError('This inspection already has a different photo.');
    return { width: stored.width, height: stored.height };
  };
  const earlier = await repo.findPhotoFacts(db, id);
  if (earlier) return { created: false, ...same(earlier) };
  const photo = await reencodePhoto(bytes);
  const created = await repo.insertPhotoOnce(db, { inspectionId: id, bytes: photo.bytes, width: photo.width, height: photo.height, contentHash: hash });
  const stored = await repo.findPhotoFacts(db, id);
  return { created, ...(created ? { width: photo.width, height: photo.height } : same(stored!)) };
}

/** An inspection's photo (officers only: photos may show faces and doors, checked before any use). */
export async function inspectionPhoto(db: repo.Executor, id: string) {
  const photo = await repo.findPhoto(db, id.toLowerCase());
  if (!photo) throw new NotFoundError('There is no photo for that inspection.');
  return photo;
}

/** The first day of a month and of the next, for date ranges. */
function monthRange(period: string): { from: string; to: string } {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${period}-01`, to: `${next}-01` };
}

/** The month before YYYY-MM. */
function previousMonth(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Targets of every item of every version of an estate's standard. */
async function targetsOf(db: repo.Executor, areaCode: string): Promise<Map<string, number>> {
  const versions = await repo.listStandards(db, areaCode);
  return new Map((await repo.itemsOf(db, versions.map((v) => v.id))).map((i) => [i.id, i.target]));
}

const cell = (r: InspectionResult, officer: boolean) => {
  const p = officer ? { ...r, suppressed: false } : publishInspectionResult(r);
  return { meets: p.meets, n: p.n, share: p.share, status: p.status, suppressed: p.suppressed };
};

/**
 * Per block and item: inspections meeting the standard, n, the share with its Wilson 95%
 * interval and the status against the item's target; over one month with `period`, over all
 * inspections without. Counts from 1 to 4 inspections are withheld unless an officer asks.
 */
export async function summary(
  db: repo.Executor,
  principal: Principal,
  code: string,
  period: string | undefined,
): Promise<SummaryRow[]> {
  const area = await requireArea(db, code);
  const counts = await repo.monthlyCounts(db, area.code, period ? monthRange(period) : null);
  const targets = await targetsOf(db, area.code);
  const totals = new Map<string, { blockId: string; itemId: string; meets: number; n: number }>();
  for (const c of counts) {
    const key = `${c.block_id}/${c.item_id}`;
    const t = totals.get(key) ?? { blockId: c.block_id, itemId: c.item_id, meets: 0, n: 0 };
    t.meets += c.meets;
    t.n += c.n;
    totals.set(key, t);
  }
  const officer = isOfficer(principal);
  return [...totals.values()]
    .sort((a, b) => (a.blockId + a.itemId < b.blockId + b.itemId ? -1 : 1))
    .map((t) => ({
      blockId: t.blockId,
      itemId: t.itemId,
      period: period ?? 'all',
      ...cell(inspectionResult(t.meets, t.n, targets.get(t.itemId) ?? 1), officer),
    }));
}

const toAction = (a: repo.ActionRow): ActionBody => ({
  id: a.id,
  blockId: a.block_id,
  itemId: a.item_id,
  period: a.period,
  status: a.status,
  reply: a.reply,
  closed: a.closed_at !== null,
  updatedAt: a.updated_at.toISOString(),
});

/**
 * The results page's data for one month (the latest with inspections unless asked): per block
 * and item the month's result, the block against the estate, the trend from the month before;
 * the estate's own result per item; "you said, we did" actions; defects marked on the map.
 * Nobody who inspected is ever named.
 */
export async function results(
  db: repo.Executor,
  principal: Principal,
  code: string,
  query: { period?: string | undefined; block?: string | undefined },
): Promise<ResultsBody> {
  const area = await requireArea(db, code);
  const officer = isOfficer(principal);
  const [periods, standards, allBlocks, actions] = await Promise.all([
    repo.inspectedMonths(db, area.code),
    standardsOf(db, area.code),
    repo.listBlocks(db, area.code),
    repo.listActions(db, area.code),
  ]);
  const blocks = query.block ? allBlocks.filter((b) => b.id === query.block?.toLowerCase()) : allBlocks;
  if (query.block && blocks.length === 0) throw new NotFoundError('That block is not on this estate.');
  const period = query.period ?? periods[0] ?? null;
  const base = {
    estate: { code: area.code, name: area.name },
    period,
    periods,
    standard: standards.current,
    blocks: blocks.map(toBlock),
    suppressionNote: SUPPRESSION_NOTE,
  };
  if (!period) return { ...base, estateRows: [], rows: [], actions: [], defects: [] };

  const before = previousMonth(period);
  const [counts, earlier, defects, targets] = await Promise.all([
    repo.monthlyCounts(db, area.code, monthRange(period)),
    repo.monthlyCounts(db, area.code, monthRange(before)),
    repo.defectsIn(db, area.code, monthRange(period)),
    targetsOf(db, area.code),
  ]);
  const itemIds = new Set([...(standards.current?.items.map((i) => i.id) ?? []), ...counts.map((c) => c.item_id)]);
  const key = (blockId: string, itemId: string) => `${blockId}/${itemId}`;
  const now = new Map(counts.map((c) => [key(c.block_id, c.item_id), c]));
  const then = new Map(earlier.map((c) => [key(c.block_id, c.item_id), c]));
  const blockIds = new Set(blocks.map((b) => b.id));

  const estateRows = [...itemIds].map((itemId) => {
    const inItem = counts.filter((c) => c.item_id === itemId);
    const r = inspectionResult(
      inItem.reduce((s, c) => s + c.meets, 0),
      inItem.reduce((s, c) => s + c.n, 0),
      targets.get(itemId) ?? 1,
    );
    return { itemId, result: r };
  });
  const estateOf = new Map(estateRows.map((e) => [e.itemId, e.result]));
  const rows = blocks.flatMap((b) =>
    [...itemIds].map((itemId) => {
      const c = now.get(key(b.id, itemId));
      const p = then.get(key(b.id, itemId));
      const target = targets.get(itemId) ?? 1;
      const r = inspectionResult(c?.meets ?? 0, c?.n ?? 0, target);
      const previous = p ? inspectionResult(p.meets, p.n, target) : null;
      const trend = inspectionTrend(previous ?? { meets: 0, n: 0 }, r);
      const shown = cell(r, officer);
      return {
        blockId: b.id,
        itemId,
        ...shown,
        comparison: shown.suppressed ? ('not_compared' as const) : compareBlockWithEstate(r, estateOf.get(itemId)!),
        trend: shown.suppressed ? ('not_enough' as const) : trend,
        previous: previous && (officer || previous.n >= 5) ? previous.share : null,
      };
    }),
  );
  return {
    ...base,
    estateRows: estateRows.map((e) => ({ itemId: e.itemId, ...cell(e.result, officer) })),
    rows,
    actions: actions.filter((a) => blockIds.has(a.block_id)).map(toAction),
    // Defects are places, not people; the public page shows them only in blocks with 5+ inspections.
    defects: defects
      .filter((d) => blockIds.has(d.block_id))
      .filter((d) => officer || counts.filter((c) => c.block_id === d.block_id).reduce((m, c) => Math.max(m, c.n), 0) >= 5)
      .map((d) => ({ blockId: d.block_id, lon: d.defect_lon!, lat: d.defect_lat!, inspectedOn: d.inspected_on.toISOString().slice(0, 10) })),
  };
}

/** Turns a failed item of a block in a month into a "you said, we did" action (or finds it). */
export async function createAction(
  db: repo.Executor,
  body: { blockId: string; itemId: string; period: string },
  actorId: string | null,
): Promise<{ created: boolean; action: ActionBody }> {
  const block = await repo.findBlock(db, body.blockId.toLowerCase());
  if (!block) throw new FieldError('body.blockId', 'There is no such block.');
  const targets = await targetsOf(db, block.area_code);
  if (!targets.has(body.itemId.toLowerCase()))
    throw new FieldError('body.itemId', 'That item is not one of this estate’s standards.');
  const { row, created } = await repo.insertAction(db, {
    areaCode: block.area_code,
    blockId: block.id,
    itemId: body.itemId.toLowerCase(),
    period: body.period,
    actorId,
  });
  return { created, action: toAction(row) };
}

/** An officer's answer to an action, its status, closing or reopening it. */
export async function patchAction(db: repo.Executor, id: string, body: ActionPatchBody, actorId: string | null): Promise<ActionBody> {
  if (body.closed === true && body.reply === undefined) {
    const current = await repo.actionReply(db, id);
    if (current && current.reply === null)
      throw new FieldError('body.reply', 'Say what was done before closing, so residents can read it.');
  }
  const row = await repo.updateAction(db, id, { ...body, actorId });
  if (!row) throw new NotFoundError('There is no such action.');
  return toAction(row);
}
