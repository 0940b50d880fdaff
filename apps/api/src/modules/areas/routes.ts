import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../schemas.ts';
import { AreaCollectionBody, AreaDetailBody, AreaListQuery, AreaParams } from './schemas.ts';
import { areaCollection, areaDetail } from './service.ts';

/** GET /api/areas, GET /api/areas/:code */
export const areaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/areas',
    {
      schema: {
        summary: 'Areas of one level as GeoJSON',
        tags: ['areas'],
        querystring: AreaListQuery,
        response: { 200: AreaCollectionBody, 400: ErrorBody, 404: ErrorBody },
      },
      config: { cache: true },
    },
    async (request, reply) => {
      reply.type('application/geo+json');
      return areaCollection(app.db.db, request.query);
    },
  );

  app.get(
    '/areas/:code',
    {
      schema: {
        summary: 'One area with its parents and child counts',
        tags: ['areas'],
        params: AreaParams,
        response: { 200: AreaDetailBody, 400: ErrorBody, 404: ErrorBody },
      },
      config: { cache: true },
    },
    async (request) => areaDetail(app.db.db, request.params.code),
  );
};
