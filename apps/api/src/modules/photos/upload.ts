// Taking a photo as a raw image body: the parser, the refusal of a body declared too big
// before a byte is read, and the 413 for one cut off at the limit. Shared by every route that
// takes a resident's photo (pins, inspections), each registering it in its own child context
// so no other route takes image bodies.
import type { FastifyInstance } from 'fastify';
import { NotAPhotoTypeError, PhotoTooLargeError } from './errors.ts';
import { PHOTO_MAX_BYTES, PHOTO_MEDIA_TYPES } from './schemas.ts';

export const PHOTO_TOO_LARGE = `That photo is too big: the most we take is ${PHOTO_MAX_BYTES / 1024 / 1024} MB.`;

/** Makes a child context take JPEG, PNG and WebP bodies of at most PHOTO_MAX_BYTES. */
export function acceptPhotoBodies(child: FastifyInstance): void {
  child.addContentTypeParser(
    [...PHOTO_MEDIA_TYPES],
    { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );
  // Refused from the declared length before a byte is read, with words a resident understands.
  child.addHook('preParsing', async (request) => {
    if (Number(request.headers['content-length'] ?? 0) > PHOTO_MAX_BYTES)
      throw new PhotoTooLargeError(PHOTO_TOO_LARGE);
  });
  // A body sent without a declared length is cut off at the limit by the parser (413 as well).
  child.setErrorHandler((error: { code?: string }, _request, _reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new PhotoTooLargeError(PHOTO_TOO_LARGE);
    throw error;
  });
}

/** The photo bytes of a request body, or 415 when the body was JSON, a form or nothing. */
export function photoBytes(body: unknown): Uint8Array {
  if (!(body instanceof Uint8Array)) throw new NotAPhotoTypeError('Send the photo as a JPEG, PNG or WebP image.');
  return body;
}
