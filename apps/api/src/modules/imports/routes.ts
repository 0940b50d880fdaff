import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorId } from '../../plugins/auth.ts';
import { ErrorBody } from '../../schemas.ts';
import { ImportAuthorityBody, ImportJobBody, ImportJobParams } from './schemas.ts';
import { authorityImports } from './service.ts';

/** POST /api/imports/authorities (starts a background job), GET /api/imports/:job (officers and admins). */
export const importRoutes: FastifyPluginAsyncTypebox<{ dataMirror: string }> = async (app, { dataMirror }) => {
  const imports = authorityImports(app.db.db, dataMirror, app.log);
  // A job writing to a closed database would fail: closing waits for the jobs first (preClose
  // runs before any plugin's onClose, the database's included).
  app.addHook('preClose', () => imports.idle());

  app.post(
    '/imports/authorities',
    {
      schema: {
        summary: 'Load (or reload) a local authority from the data mirror, as a background job',
        description: 'Answers 202 with the job; follow it at the Location given (GET /api/imports/{job}).',
        tags: ['imports'],
        body: ImportAuthorityBody,
        response: { 202: ImportJobBody, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      const job = await imports.start(request.body.code, actorId(request));
      return reply.code(202).header('location', `/api/imports/${job.id}`).header('cache-control', 'no-store').send(job);
    },
  );

  app.get(
    '/imports/:job',
    {
      schema: {
        summary: 'An import job: its progress, then its result',
        tags: ['imports'],
        params: ImportJobParams,
        response: { 200: ImportJobBody, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return imports.get(request.params.job);
    },
  );
};
