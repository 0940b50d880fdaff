import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { clearParticipantCookie, setParticipantCookie } from '../../plugins/auth.ts';
import { ErrorBody } from '../../schemas.ts';
import { ownPins } from '../pins/service.ts';
import type { ResidentRouteOptions } from '../workshops/options.ts';
import { WorkshopRefParams } from '../workshops/schemas.ts';
import { requireWorkshop, residentView } from '../workshops/service.ts';
import { residentRateLimits } from './rate-limits.ts';
import { AboutYouBody, JoinBody, MeBody } from './schemas.ts';
import { aboutYouAsked, join, leave, participantOf, saveAbout } from './service.ts';

const refusals = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  429: ErrorBody,
} as const;

/** Joining a workshop (the participant cookie), a participant's own view, "about you", leaving. */
export const participantRoutes: FastifyPluginAsyncTypebox<ResidentRouteOptions> = async (
  app,
  options,
) => {
  const limits = residentRateLimits(app, options.limits, options.perAddressPerMinute);

  app.post(
    '/workshops/:ref/join',
    {
      schema: {
        summary:
          'Join a workshop: a fresh anonymous participant in an httpOnly cookie (again = a fresh one, for shared tablets)',
        tags: ['participants'],
        params: WorkshopRefParams,
        response: { 201: JoinBody, ...refusals, 409: ErrorBody },
      },
      config: { rateLimit: limits.joins },
    },
    async (request, reply) => {
      const workshop = await requireWorkshop(app.db.db, request.params.ref);
      const view = await residentView(app.db.db, options.geography, workshop);
      const { participantId, token } = await join(app.db.db, workshop);
      setParticipantCookie(app, request, reply, token);
      reply.header('cache-control', 'no-store');
      return reply.code(201).send({ participantId, workshop: view });
    },
  );

  app.get(
    '/workshops/:ref/me',
    {
      schema: {
        summary: 'My own pins (every state) and whether "about you" was answered',
        tags: ['participants'],
        params: WorkshopRefParams,
        response: { 200: MeBody, ...refusals },
      },
      config: { rateLimit: limits.residentReads },
    },
    async (request) => {
      const workshop = await requireWorkshop(app.db.db, request.params.ref);
      const participantId = participantOf(request.principal, workshop);
      const [asked, own] = await Promise.all([
        aboutYouAsked(app.db.db, participantId),
        ownPins(app.db.db, participantId),
      ]);
      return { participantId, aboutYouAsked: asked, ...own };
    },
  );

  app.put(
    '/workshops/:ref/me/about',
    {
      schema: {
        summary:
          '"About you": age band, years lived here, tenure (each optional; prefer_not_to_say allowed)',
        tags: ['participants'],
        params: WorkshopRefParams,
        body: AboutYouBody,
        response: { 204: Type.Null(), ...refusals },
      },
      config: { rateLimit: limits.participantWrites },
    },
    async (request, reply) => {
      const workshop = await requireWorkshop(app.db.db, request.params.ref);
      await saveAbout(app.db.db, participantOf(request.principal, workshop), request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/workshops/:ref/leave',
    {
      schema: {
        summary:
          '"I\'m done" on a shared tablet: retires this participant\'s token and clears the cookie (always 204)',
        tags: ['participants'],
        params: WorkshopRefParams,
        response: { 204: Type.Null(), ...refusals },
      },
      config: { rateLimit: limits.participantWrites },
    },
    async (request, reply) => {
      const { principal } = request;
      if (principal.kind === 'participant') await leave(app.db.db, principal.participantId);
      clearParticipantCookie(app, request, reply);
      return reply.code(204).send(null);
    },
  );
};
