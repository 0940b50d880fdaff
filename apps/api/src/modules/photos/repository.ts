// The only SQL of pin photos: one JPEG per pin, kept in the database so every instance serves it.
import type { Database } from '@thrive/db';
import type { PinModerationState } from '@thrive/participation';
import type { Kysely } from 'kysely';

/** The pin a photo is for, as far as deciding who may add or see it needs. */
export interface PhotoPinRow {
  id: string;
  workshop_id: string;
  participant_id: string | null;
  moderation: PinModerationState;
}

/** A pin of a workshop, or undefined. */
export function findPin(
  db: Kysely<Database>,
  workshopId: string,
  pinId: string,
): Promise<PhotoPinRow | undefined> {
  return db
    .selectFrom('pin')
    .select(['id', 'workshop_id', 'participant_id', 'moderation'])
    .where('workshop_id', '=', workshopId)
    .where('id', '=', pinId)
    .executeTakeFirst();
}

export interface StoredPhotoRow {
  pin_id: string;
  width: number;
  height: number;
  size: number;
  content_hash: string;
}

/** What is stored for a pin's photo (not its bytes), or undefined. */
export async function findPhotoFacts(
  db: Kysely<Database>,
  pinId: string,
): Promise<StoredPhotoRow | undefined> {
  const row = await db
    .selectFrom('photo')
    .select([
      'pin_id',
      'width',
      'height',
      'content_hash',
      (eb) => eb.fn<number | string>('octet_length', ['bytes']).as('size'),
    ])
    .where('pin_id', '=', pinId)
    .executeTakeFirst();
  return row && { ...row, size: Number(row.size) };
}

export interface NewPhoto {
  pinId: string;
  bytes: Uint8Array;
  width: number;
  height: number;
  contentHash: string;
}

/** Stores a pin's photo unless it has one: true when this call stored it (one statement, so two racing uploads store one). */
export async function insertPhotoOnce(db: Kysely<Database>, photo: NewPhoto): Promise<boolean> {
  const row = await db
    .insertInto('photo')
    .values({
      pin_id: photo.pinId,
      mime: 'image/jpeg',
      bytes: photo.bytes,
      width: photo.width,
      height: photo.height,
      content_hash: photo.contentHash,
    })
    .onConflict((oc) => oc.column('pin_id').doNothing())
    .returning('pin_id')
    .executeTakeFirst();
  return row !== undefined;
}

export interface ServedPhotoRow {
  mime: string;
  bytes: Uint8Array;
  content_hash: string;
  created_at: Date;
  moderation: PinModerationState;
  participant_id: string | null;
}

/** A pin's photo with what decides who may see it, or undefined. */
export function findPhotoToServe(
  db: Kysely<Database>,
  pinId: string,
): Promise<ServedPhotoRow | undefined> {
  return db
    .selectFrom('photo')
    .innerJoin('pin', 'pin.id', 'photo.pin_id')
    .select([
      'photo.mime',
      'photo.bytes',
      'photo.content_hash',
      'photo.created_at',
      'pin.moderation',
      'pin.participant_id',
    ])
    .where('photo.pin_id', '=', pinId)
    .executeTakeFirst();
}
