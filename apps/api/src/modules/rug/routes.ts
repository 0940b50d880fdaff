import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sendCsv } from '../../csv-line.ts';
import { ErrorBody } from '../../schemas.ts';
import { rugCsv, rugCsvFilename } from './csv.ts';
import { RugBody, RugQuery } from './schemas.ts';
import { rugFor } from './service.ts';

/** GET /api/rug (JSON, or CSV with Accept: text/csv) and GET /api/rug.csv */
export const rugRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const schema = {
    tags: ['rug'],
    querystring: RugQuery,
    response: { 200: RugBody, 400: ErrorBody, 404: ErrorBody },
  };

  app.get('/rug', { schema: { ...schema, summary: 'Tartan rug: areas × indicators compared with their authority and England' }, config: { cache: true, cacheWithCommunity: true } }, async (request, reply) => {
    const { body } = await rugFor(app.db.db, request.query);
    if (reply.request.headers.accept?.includes('text/csv')) {
      sendCsv(reply, rugCsv(body, request.query.q));
      return reply;
    }
    return body;
  });

  app.get(
    '/rug.csv',
    {
      schema: { tags: ['rug'], querystring: RugQuery, summary: 'The tartan rug as CSV', response: { 400: ErrorBody, 404: ErrorBody } },
      config: { cache: true, cacheWithCommunity: true },
    },
    async (request, reply) => {
      const { body } = await rugFor(app.db.db, request.query);
      sendCsv(reply, rugCsv(body, request.query.q), rugCsvFilename(body));
      return reply;
    },
  );
};
