import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sendCsv } from '../../csv-line.ts';
import { ErrorBody } from '../../schemas.ts';
import { exportCsv } from './csv.ts';
import { ExportCollectionBody, ExportParams, ExportQuery } from './schemas.ts';
import { workshopExport } from './service.ts';

const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } as const;

/** GET /api/workshops/:ref/export.geojson and /export.csv (officers). */
export const workshopExportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/workshops/:ref/export.geojson',
    {
      schema: {
        summary:
          "A workshop's pins as GeoJSON (published only, or every pin with ?hidden=1); no participant data",
        tags: ['workshops'],
        params: ExportParams,
        querystring: ExportQuery,
        response: { 200: ExportCollectionBody, ...refusals },
      },
    },
    async (request, reply) => {
      const body = await workshopExport(
        app.db.db,
        request.params.ref,
        request.query.hidden === '1',
      );
      reply
        .type('application/geo+json; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="workshop-${body.workshop.code}-pins.geojson"`,
        );
      return body;
    },
  );

  app.get(
    '/workshops/:ref/export.csv',
    {
      schema: {
        summary:
          "A workshop's pins as CSV (published only, or every pin with ?hidden=1); no participant data",
        tags: ['workshops'],
        params: ExportParams,
        querystring: ExportQuery,
        response: refusals,
      },
    },
    async (request, reply) => {
      const body = await workshopExport(
        app.db.db,
        request.params.ref,
        request.query.hidden === '1',
      );
      sendCsv(reply, exportCsv(body), `workshop-${body.workshop.code}-pins.csv`);
      return reply;
    },
  );
};
