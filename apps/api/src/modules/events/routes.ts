import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { normaliseJoinCode } from '@thrive/participation';
import { BadRequestError, NotFoundError } from '../../errors.ts';
import { ErrorBody } from '../../schemas.ts';
import { findWallWorkshop } from './repository.ts';
import { EventsQuery, WallBody, WorkshopRefParams } from './schemas.ts';
import { LiveWalls, wallSnapshot } from './service.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EVENT_ID = /^[0-9]{1,18}$/;

/** GET /api/workshops/:ref/events (the live wall's stream), GET /api/workshops/:ref/wall (its first paint). */
export const liveWallRoutes: FastifyPluginAsyncTypebox<{ pingMs?: number }> = async (
  app,
  options,
) => {
  const walls = new LiveWalls(
    app.db.db,
    app.workshopEvents,
    (err) => app.log.error({ err }, 'live wall: reading events failed'),
    options.pingMs,
  );
  // Open streams never end by themselves: end them so the server can close.
  app.addHook('preClose', async () => walls.close());

  const findWorkshop = async (ref: string) => {
    const code = UUID.test(ref) ? null : normaliseJoinCode(ref);
    const workshop = UUID.test(ref)
      ? await findWallWorkshop(app.db.db, { id: ref.toLowerCase() })
      : code
        ? await findWallWorkshop(app.db.db, { code })
        : undefined;
    if (!workshop)
      throw new NotFoundError('There is no workshop with that code. Check the code on the poster.');
    return workshop;
  };

  app.get(
    '/workshops/:ref/wall',
    {
      schema: {
        summary:
          "A workshop's live wall: counts and newest published pins, and where its event stream resumes",
        tags: ['workshops'],
        params: WorkshopRefParams,
        response: { 200: WallBody, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const workshop = await findWorkshop(request.params.ref);
      reply.header('cache-control', 'no-store');
      return wallSnapshot(app.db.db, workshop);
    },
  );

  app.get(
    '/workshops/:ref/events',
    {
      schema: {
        summary:
          "A workshop's published pins as they arrive (text/event-stream; resumes after Last-Event-ID)",
        description:
          'Events: `pin` (a published pin as a GeoJSON Feature), `hidden` `{id}`, `support` `{id, support}`, `response` `{id, response}`; each with `id:` to resume from.',
        tags: ['workshops'],
        params: WorkshopRefParams,
        querystring: EventsQuery,
        response: { 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const header = request.headers['last-event-id'];
      const given =
        typeof header === 'string' && header !== '' ? header : request.query.lastEventId;
      if (given !== undefined && !EVENT_ID.test(given))
        throw new BadRequestError('Last-Event-ID must be an event id from this stream.');
      const workshop = await findWorkshop(request.params.ref);

      // Headers set by hooks (security headers) must reach the hijacked response.
      for (const [name, value] of Object.entries(reply.getHeaders()))
        if (value !== undefined) reply.raw.setHeader(name, value);
      reply.hijack();
      request.raw.socket.setNoDelay(true);
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        // no-transform: no proxy may compress (and so buffer) the stream; X-Accel-Buffering for nginx.
        'cache-control': 'no-cache, no-transform',
        'x-accel-buffering': 'no',
        connection: 'keep-alive',
      });
      // How long a browser waits before reconnecting after a drop.
      reply.raw.write('retry: 2000\n\n');
      await walls.open(workshop.id, BigInt(given ?? '0'), reply.raw);
    },
  );
};
