import type {
  FastifyPluginAsyncTypebox,
  TypeBoxTypeProvider,
} from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody } from '../../schemas.ts';
import { residentRateLimits } from '../participants/rate-limits.ts';
import type { ResidentRouteOptions } from '../workshops/options.ts';
import { acceptPhotoBodies, photoBytes } from './upload.ts';
import {
  PHOTO_MAX_BYTES,
  PhotoBody,
  PhotoUploadParams,
  PinPhotoParams,
} from './schemas.ts';
import { photoForViewer, storePinPhoto } from './service.ts';

// Sent as they are (Fastify does not serialise a Buffer); described for the API documentation.
const PhotoBytes = Type.Unsafe<Uint8Array>({
  type: 'string',
  format: 'binary',
  description: 'The photo, image/jpeg',
});

/** PUT /api/workshops/:ref/pins/:id/photo (the pin's author) and GET /api/pins/:id/photo. */
export const photoRoutes: FastifyPluginAsyncTypebox<ResidentRouteOptions> = async (
  app,
  options,
) => {
  // Limited per participant and per workshop like residents' other routes, never only per address.
  const limits = residentRateLimits(app, options.limits, options.perAddressPerMinute);
  // The raw image parser lives in this child context only: no other route takes image bodies.
  await app.register(async (child) => {
    const upload = child.withTypeProvider<TypeBoxTypeProvider>();
    acceptPhotoBodies(upload);

    upload.put(
      '/workshops/:ref/pins/:id/photo',
      {
        schema: {
          summary:
            'Add a photo to your own pin (raw JPEG, PNG or WebP body, at most 8 MB); stored re-encoded, without EXIF or GPS',
          tags: ['photos'],
          params: PhotoUploadParams,
          response: {
            200: PhotoBody,
            201: PhotoBody,
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
            409: ErrorBody,
            413: ErrorBody,
            415: ErrorBody,
          },
        },
        bodyLimit: PHOTO_MAX_BYTES,
        config: { rateLimit: limits.participantWrites },
        onRequest: limits.workshopCeiling,
      },
      async (request, reply) => {
        // JSON and form bodies reach here parsed; only raw image bytes are a photo.
        const { created, photo } = await storePinPhoto(app.db.db, request.principal, {
          ref: request.params.ref,
          pinId: request.params.id,
          bytes: photoBytes(request.body),
        });
        return reply.code(created ? 201 : 200).send(photo);
      },
    );
  });

  app.get(
    '/pins/:id/photo',
    {
      schema: {
        summary: "A pin's photo (JPEG): anyone for a published pin, officers always",
        tags: ['photos'],
        params: PinPhotoParams,
        response: {
          200: PhotoBytes,
          304: Type.Null({ description: 'Not changed since the ETag sent' }),
          400: ErrorBody,
          404: ErrorBody,
        },
      },
      config: { rateLimit: limits.residentReads },
    },
    async (request, reply) => {
      const photo = await photoForViewer(app.db.db, request.principal, request.params.id);
      // A photo never changes (a different one is refused), but its pin can be hidden: browsers
      // may keep a published one a minute; one only officers or its author may see, never shared.
      reply
        .header('cache-control', photo.public ? 'public, max-age=60' : 'private, no-cache')
        .header('etag', photo.etag)
        .header('last-modified', photo.lastModified.toUTCString());
      if (request.headers['if-none-match'] === photo.etag) return reply.code(304).send(null);
      return reply
        .type(photo.mime)
        .header('content-disposition', 'inline')
        .send(Buffer.from(photo.bytes.buffer, photo.bytes.byteOffset, photo.bytes.byteLength));
    },
  );
};
