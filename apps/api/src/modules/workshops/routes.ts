import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorId } from '../../plugins/auth.ts';
import { ErrorBody } from '../../schemas.ts';
import { residentRateLimits } from '../participants/rate-limits.ts';
import type { ResidentRouteOptions } from './options.ts';
import {
  JoinCodeParams,
  NewWorkshopBody,
  ResidentWorkshopBody,
  WorkshopBody,
  WorkshopListBody,
  WorkshopPatchBody,
  WorkshopRefParams,
} from './schemas.ts';
import {
  createWorkshop,
  listWorkshops,
  patchWorkshop,
  requireWorkshop,
  residentView,
  workshopBody,
} from './service.ts';

const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody } as const;

/** Officers' workshop routes, and the public resident view GET /api/w/:code. */
export const workshopRoutes: FastifyPluginAsyncTypebox<ResidentRouteOptions> = async (
  app,
  options,
) => {
  const limits = residentRateLimits(app, options.limits, options.perAddressPerMinute);

  app.post(
    '/workshops',
    {
      schema: {
        summary: 'Create a workshop on a loaded area (areaCode) or a new estate (boundary)',
        tags: ['workshops'],
        body: NewWorkshopBody,
        response: { 201: WorkshopBody, ...refusals },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createWorkshop(app.db.db, request.body, { id: actorId(request) })),
  );

  app.get(
    '/workshops',
    {
      schema: {
        summary: 'Every workshop, newest first, with counts',
        tags: ['workshops'],
        response: { 200: WorkshopListBody, ...refusals },
      },
    },
    async () => listWorkshops(app.db.db),
  );

  app.get(
    '/workshops/:ref',
    {
      schema: {
        summary: 'One workshop (by id or join code), with counts',
        tags: ['workshops'],
        params: WorkshopRefParams,
        response: { 200: WorkshopBody, ...refusals, 404: ErrorBody },
      },
    },
    async (request) =>
      workshopBody(app.db.db, await requireWorkshop(app.db.db, request.params.ref)),
  );

  app.patch(
    '/workshops/:ref',
    {
      schema: {
        summary: 'Change a workshop: open/close it, title, themes, places, moderation, dates',
        tags: ['workshops'],
        params: WorkshopRefParams,
        body: WorkshopPatchBody,
        response: { 200: WorkshopBody, ...refusals, 404: ErrorBody },
      },
    },
    async (request) =>
      patchWorkshop(app.db.db, request.params.ref, request.body, { id: actorId(request) }),
  );

  app.get(
    '/w/:code',
    {
      schema: {
        summary:
          "A workshop as residents see it (public): title, themes, places, the area's outline",
        tags: ['workshops'],
        params: JoinCodeParams,
        response: { 200: ResidentWorkshopBody, 400: ErrorBody, 404: ErrorBody, 429: ErrorBody },
      },
      config: { rateLimit: limits.residentReads },
    },
    async (request) =>
      residentView(
        app.db.db,
        options.geography,
        await requireWorkshop(app.db.db, request.params.code),
      ),
  );
};
