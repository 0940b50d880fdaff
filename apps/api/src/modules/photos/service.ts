// Pin photos: the pin's author adds one (re-encoded first, so no EXIF or GPS is ever stored);
// it is shown with the pin to whoever may see the pin.
import type { Database } from '@thrive/db';
import type { Kysely } from 'kysely';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.ts';
import type { Principal } from '../auth/principal.ts';
import { participantOf } from '../participants/service.ts';
import { requireWorkshop } from '../workshops/service.ts';
import { photoHash, reencodePhoto } from './reencode.ts';
import {
  findPhotoFacts,
  findPhotoToServe,
  findPin,
  insertPhotoOnce,
  type StoredPhotoRow,
} from './repository.ts';
import type { PhotoBody } from './schemas.ts';

export interface PhotoUpload {
  ref: string;
  pinId: string;
  bytes: Uint8Array;
}

const body = (row: StoredPhotoRow): PhotoBody => ({
  pinId: row.pin_id,
  mime: 'image/jpeg',
  width: row.width,
  height: row.height,
  bytes: row.size,
  url: `/api/pins/${row.pin_id}/photo`,
});

/** The stored photo of a retry with the same bytes, or a 409 when the pin already has another. */
function sameOrConflict(stored: StoredPhotoRow, hash: string): PhotoBody {
  if (stored.content_hash !== hash)
    throw new ConflictError('This pin already has a different photo.');
  return body(stored);
}

/** Stores the photo of a participant's own pin: 201 the first time, 200 for the same bytes again, 409 for others. */
export async function storePinPhoto(
  db: Kysely<Database>,
  principal: Principal,
  upload: PhotoUpload,
): Promise<{ created: boolean; photo: PhotoBody }> {
  const workshop = await requireWorkshop(db, upload.ref);
  const participantId = participantOf(principal, workshop);
  const pinId = upload.pinId.toLowerCase();
  const pin = await findPin(db, workshop.id, pinId);
  if (!pin || pin.moderation === 'hidden')
    throw new NotFoundError('That pin is not on this workshop’s map.');
  if (pin.participant_id !== participantId)
    throw new ForbiddenError('Only the person who made a pin can add its photo.');

  const hash = photoHash(upload.bytes);
  // A re-sent photo (an offline queue retrying) is answered without decoding it again.
  const earlier = await findPhotoFacts(db, pinId);
  if (earlier) return { created: false, photo: sameOrConflict(earlier, hash) };

  const photo = await reencodePhoto(upload.bytes);
  const created = await insertPhotoOnce(db, {
    pinId,
    bytes: photo.bytes,
    width: photo.width,
    height: photo.height,
    contentHash: hash,
  });
  const stored = await findPhotoFacts(db, pinId);
  if (!stored) throw new NotFoundError('That pin is not on this workshop’s map.'); // removed meanwhile
  return { created, photo: created ? body(stored) : sameOrConflict(stored, hash) };
}

export interface PhotoToSend {
  bytes: Uint8Array;
  mime: string;
  etag: string;
  lastModified: Date;
  /** Published pins' photos may be cached by anyone; others only privately. */
  public: boolean;
}

/** A pin's photo for whoever asks: anyone for a published pin, officers always, its author too; otherwise 404. */
export async function photoForViewer(
  db: Kysely<Database>,
  principal: Principal,
  pinId: string,
): Promise<PhotoToSend> {
  const row = await findPhotoToServe(db, pinId.toLowerCase());
  const officer =
    principal.kind === 'user' &&
    (principal.user.role === 'officer' || principal.user.role === 'admin');
  const author =
    principal.kind === 'participant' && row?.participant_id === principal.participantId;
  // The same answer for "no such photo" and "not yours to see", so hidden pins cannot be probed.
  if (!row || (row.moderation !== 'published' && !officer && !author))
    throw new NotFoundError('There is no photo for that pin.');
  return {
    bytes: row.bytes,
    mime: row.mime,
    etag: `"${row.content_hash}"`,
    lastModified: row.created_at,
    public: row.moderation === 'published',
  };
}
