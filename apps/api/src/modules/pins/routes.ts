import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorId } from '../../plugins/auth.ts';
import type { Principal } from '../auth/principal.ts';
import { ErrorBody } from '../../schemas.ts';
import { residentRateLimits } from '../participants/rate-limits.ts';
import { participantOf } from '../participants/service.ts';
import type { ResidentRouteOptions } from '../workshops/options.ts';
import { WorkshopRefParams } from '../workshops/schemas.ts';
import { requireWorkshop } from '../workshops/service.ts';
import {
  ModerationBody,
  NewPinBody,
  NewResponseBody,
  OfficerPinBody,
  OfficerPinListBody,
  PinBody,
  PinCollectionBody,
  PinParams,
  RemovalBody,
  ResponseEntryBody,
  ResponseHistoryBody,
  SupportBody,
  WorkshopPinParams,
} from './schemas.ts';
import {
  allPins,
  answeredPins,
  moderate,
  publishedPins,
  remove,
  respond,
  responseHistory,
  submitPin,
  support,
  type PinContext,
} from './service.ts';

const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } as const;

/** Residents' pins and "me too"; officers' moderation and replies. */
export const pinRoutes: FastifyPluginAsyncTypebox<ResidentRouteOptions> = async (app, options) => {
  const limits = residentRateLimits(app, options.limits, options.perAddressPerMinute);
  const ctx = (): PinContext => ({
    db: app.db.db,
    geography: options.geography,
    notify: (id) => app.workshopEvents.notify(id),
    write: (id, work) => app.workshopEvents.write(id, work),
  });

  // A resident's write: limited per participant, and per workshop before the body is read.
  const participantWrite = {
    config: { rateLimit: limits.participantWrites },
    onRequest: limits.workshopCeiling,
  };

  /** The workshop a resident's request names, and who they are in it (401/403 otherwise). */
  const residentIn = async (request: { params: { ref: string }; principal: Principal }) => {
    const workshop = await requireWorkshop(app.db.db, request.params.ref);
    return { workshop, participantId: participantOf(request.principal, workshop) };
  };

  /** A public GeoJSON read of a workshop's pins, never served stale from a cache. */
  const pinCollectionRoute = (url: string, summary: string, collect: typeof publishedPins) =>
    app.get(
      url,
      {
        schema: {
          summary,
          tags: ['pins'],
          params: WorkshopRefParams,
          response: { 200: PinCollectionBody, 400: ErrorBody, 404: ErrorBody, 429: ErrorBody },
        },
        config: { rateLimit: limits.residentReads },
      },
      async (request, reply) => {
        const workshop = await requireWorkshop(app.db.db, request.params.ref);
        reply.type('application/geo+json').header('cache-control', 'no-cache');
        return collect(app.db.db, workshop);
      },
    );

  app.post(
    '/workshops/:ref/pins',
    {
      schema: {
        summary:
          'Add a pin (201); the same id and content again answers 200 with the stored pin, other content 409',
        tags: ['pins'],
        params: WorkshopRefParams,
        body: NewPinBody,
        response: {
          200: PinBody,
          201: PinBody,
          ...refusals,
          409: ErrorBody,
          422: ErrorBody,
          429: ErrorBody,
        },
      },
      ...participantWrite,
    },
    async (request, reply) => {
      const { workshop, participantId } = await residentIn(request);
      const { status, pin } = await submitPin(ctx(), workshop, participantId, request.body);
      return reply.code(status).send(pin);
    },
  );

  pinCollectionRoute(
    '/workshops/:ref/pins',
    "A workshop's published pins as GeoJSON (public; text masked)",
    publishedPins,
  );

  app.get(
    '/workshops/:ref/pins/all',
    {
      schema: {
        summary:
          'Every pin of a workshop in every state, with the original text and moderation reason (officers)',
        tags: ['pins'],
        params: WorkshopRefParams,
        response: { 200: OfficerPinListBody, ...refusals },
      },
    },
    async (request) => allPins(app.db.db, await requireWorkshop(app.db.db, request.params.ref)),
  );

  pinCollectionRoute(
    '/workshops/:ref/responses',
    '"You said, we did": published pins with a reply, latest reply first (public)',
    answeredPins,
  );

  app.post(
    '/workshops/:ref/pins/:id/support',
    {
      schema: {
        summary:
          '"Me too" on a published pin: once per participant (201 the first time, 200 after)',
        tags: ['pins'],
        params: WorkshopPinParams,
        response: {
          200: SupportBody,
          201: SupportBody,
          ...refusals,
          409: ErrorBody,
          429: ErrorBody,
        },
      },
      ...participantWrite,
    },
    async (request, reply) => {
      const { workshop, participantId } = await residentIn(request);
      const { status, body } = await support(ctx(), workshop, participantId, request.params.id);
      return reply.code(status).send(body);
    },
  );

  app.patch(
    '/pins/:id',
    {
      schema: {
        summary: 'Hide or (re)publish a pin, with a reason (audited; officers)',
        tags: ['pins'],
        params: PinParams,
        body: ModerationBody,
        response: { 200: OfficerPinBody, ...refusals },
      },
    },
    async (request) => moderate(ctx(), request.params.id, request.body, actorId(request)),
  );

  app.delete(
    '/pins/:id',
    {
      schema: {
        summary:
          'Remove a pin for good, with a reason: a late retry of it is refused (409), never stored again (audited; officers)',
        tags: ['pins'],
        params: PinParams,
        body: RemovalBody,
        response: { 204: Type.Null(), ...refusals },
      },
    },
    async (request, reply) => {
      await remove(ctx(), request.params.id, request.body.reason, actorId(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/pins/:id/responses',
    {
      schema: {
        summary:
          '"You said, we did": a status and reply on a pin (planned needs expectedBy); history kept (officers)',
        tags: ['pins'],
        params: PinParams,
        body: NewResponseBody,
        response: { 201: ResponseEntryBody, ...refusals },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await respond(ctx(), request.params.id, request.body, actorId(request))),
  );

  app.get(
    '/pins/:id/responses',
    {
      schema: {
        summary: "A pin's replies, oldest first (public for published pins)",
        tags: ['pins'],
        params: PinParams,
        response: { 200: ResponseHistoryBody, 400: ErrorBody, 404: ErrorBody, 429: ErrorBody },
      },
      config: { rateLimit: limits.residentReads },
    },
    async (request) => responseHistory(app.db.db, request.params.id, request.principal),
  );
};
