import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorId } from '../../plugins/auth.ts';
import { ErrorBody } from '../../schemas.ts';
import { ImportAuthorityBody, ImportReportBody } from './schemas.ts';
import { authorityImporter } from './service.ts';

/** POST /api/imports/authorities (officers and admins). */
export const importRoutes: FastifyPluginAsyncTypebox<{ dataMirror: string }> = async (app, { dataMirror }) => {
  const importAuthority = authorityImporter(app.db.db, dataMirror);
  app.post(
    '/imports/authorities',
    {
      schema: {
        summary: 'Load (or reload) a local authority from the data mirror',
        tags: ['imports'],
        body: ImportAuthorityBody,
        response: { 200: ImportReportBody, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 503: ErrorBody },
      },
    },
    async (request) => importAuthority(request.body.code, actorId(request)),
  );
};
