import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorId } from '../../plugins/auth.ts';
import { ErrorBody } from '../../schemas.ts';
import { BoundaryReportBody, BoundaryUploadBody, ImportAuthorityBody, ImportJobBody, ImportJobParams, IndicatorReportBody, IndicatorUploadBody } from './schemas.ts';
import { authorityImports } from './service.ts';
import { uploadBoundaries, uploadIndicators } from './uploads.ts';

// Boundary files are larger than the API's usual bodies (a district's LSOAs run to megabytes).
const UPLOAD_LIMIT_BYTES = 25 * 1024 * 1024;

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

  app.post(
    '/imports/boundaries',
    {
      bodyLimit: UPLOAD_LIMIT_BYTES,
      schema: {
        summary: 'Load your own boundaries (a GeoJSON FeatureCollection) as areas; every feature is checked first',
        tags: ['imports'],
        body: BoundaryUploadBody,
        response: { 201: BoundaryReportBody, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 413: ErrorBody },
      },
    },
    async (request, reply) => reply.code(201).send(await uploadBoundaries(app.db.db, request.body, actorId(request))),
  );

  app.post(
    '/imports/indicators',
    {
      bodyLimit: UPLOAD_LIMIT_BYTES,
      schema: {
        summary: 'Load your own indicators: values (long CSV) with their definitions (JSON); every row is checked first',
        tags: ['imports'],
        body: IndicatorUploadBody,
        response: { 201: IndicatorReportBody, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 413: ErrorBody },
      },
    },
    async (request, reply) => reply.code(201).send(await uploadIndicators(app.db.db, request.body.csv, request.body.definitions, actorId(request))),
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
