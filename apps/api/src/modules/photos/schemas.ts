// Wire types of pin photos: where one is sent and what the server says it stored.
import { Type, type Static } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });

/** The most a resident's photo may weigh as sent (the browser has usually shrunk it already). */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;

/** The image types a photo may be sent as. */
export const PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export const PhotoUploadParams = Type.Object({
  ref: Type.String({ minLength: 1, maxLength: 64 }),
  id: Uuid,
});
export type PhotoUploadParams = Static<typeof PhotoUploadParams>;

export const PinPhotoParams = Type.Object({ id: Uuid });
export type PinPhotoParams = Static<typeof PinPhotoParams>;

/** A stored photo: always a JPEG, re-encoded on the server without any metadata. */
export const PhotoBody = Type.Object(
  {
    pinId: Type.String(),
    mime: Type.Literal('image/jpeg'),
    width: Type.Integer(),
    height: Type.Integer(),
    bytes: Type.Integer({ description: 'Size of the stored JPEG' }),
    url: Type.String({ description: 'Where to fetch it: /api/pins/<id>/photo' }),
  },
  { $id: 'PhotoBody' },
);
export type PhotoBody = Static<typeof PhotoBody>;
