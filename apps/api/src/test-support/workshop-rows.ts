// Rows of residents' workshops written straight into the database, for suites that test what
// happens to pins (photos, exports, analysis) rather than how they are submitted.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '@thrive/db';
import {
  JOIN_CODE_LENGTH,
  joinCodeFrom,
  type AgeBand,
  type PinKind,
  type PinModerationState,
  type ResponseStatus,
} from '@thrive/participation';

/** A small estate area (a square near Hemel Hempstead) to hang workshops on, unless it exists. */
export async function ensureEstate(
  db: Db,
  code = 'EST-TEST01',
  parentCode: string | null = null,
): Promise<string> {
  const square = [
    [
      [-0.47, 51.75],
      [-0.46, 51.75],
      [-0.46, 51.76],
      [-0.47, 51.76],
      [-0.47, 51.75],
    ],
  ];
  await db.db
    .insertInto('area')
    .values({
      code,
      name: 'Test Estate',
      level: 'estate',
      parent_code: parentCode,
      geometry: JSON.stringify({ type: 'Polygon', coordinates: square }),
      minx: -0.47,
      miny: 51.75,
      maxx: -0.46,
      maxy: 51.76,
      source: 'test',
      valid_from: null,
      valid_to: null,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  return code;
}

/** A workshop on an area; its id and join code. */
export async function addWorkshop(
  db: Db,
  areaCode: string,
  title = 'Test workshop',
): Promise<{ id: string; code: string }> {
  const code = joinCodeFrom(randomBytes(JOIN_CODE_LENGTH));
  const row = await db.db
    .insertInto('workshop')
    .values({
      code,
      title,
      area_code: areaCode,
      themes: JSON.stringify(['homes', 'safety']),
      moderation: 'post',
      status: 'open',
    })
    .returning(['id', 'code'])
    .executeTakeFirstOrThrow();
  return row;
}

export interface TestParticipant {
  id: string;
  /** The Cookie header that makes a request theirs. */
  cookie: string;
}

/** A participant of a workshop with a token of its own (as joining would make one). */
export async function addParticipant(
  db: Db,
  workshopId: string,
  about: { ageBand?: AgeBand | 'prefer_not_to_say' | null } = {},
): Promise<TestParticipant> {
  const token = randomBytes(32).toString('base64url');
  const row = await db.db
    .insertInto('participant')
    .values({
      workshop_id: workshopId,
      token_hash: createHash('sha256').update(token).digest('hex'),
      ...(about.ageBand !== undefined ? { age_band: about.ageBand } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, cookie: `thrive_participant=${token}` };
}

export interface PinFixture {
  workshopId: string;
  participantId: string | null;
  kind?: PinKind;
  theme?: string;
  text?: string;
  publicText?: string;
  lon?: number | null;
  lat?: number | null;
  wardCode?: string | null;
  lsoaCode?: string | null;
  moderation?: PinModerationState;
  response?: { status: ResponseStatus; reply: string; expectedBy?: string | null };
}

/** A pin as the pin service would have stored it; its id. */
export async function addPin(db: Db, pin: PinFixture): Promise<string> {
  const id = randomUUID();
  const text = pin.text ?? 'The lift in Block C is broken again';
  await db.db
    .insertInto('pin')
    .values({
      id,
      workshop_id: pin.workshopId,
      participant_id: pin.participantId,
      kind: pin.kind ?? 'issue',
      theme: pin.theme ?? 'homes',
      text,
      public_text: pin.publicText ?? text,
      lon: pin.lon === undefined ? -0.465 : pin.lon,
      lat: pin.lat === undefined ? 51.755 : pin.lat,
      ward_code: pin.wardCode ?? null,
      lsoa_code: pin.lsoaCode ?? null,
      moderation: pin.moderation ?? 'published',
      content_hash: id,
      ...(pin.response
        ? {
            response_status: pin.response.status,
            response_reply: pin.response.reply,
            response_expected_by: pin.response.expectedBy ?? null,
            response_at: new Date(),
          }
        : {}),
    })
    .execute();
  return id;
}
