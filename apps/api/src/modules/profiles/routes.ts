import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../schemas.ts';
import { ProfileBody, ProfileParams, ProfileQuery } from './schemas.ts';
import { profileOf } from './service.ts';

/** GET /api/areas/:code/profile */
export const profileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/areas/:code/profile',
    {
      schema: {
        summary: 'Place-based profile of an area: indicators, comparisons, LSOA deciles',
        tags: ['profiles'],
        params: ProfileParams,
        querystring: ProfileQuery,
        response: { 200: ProfileBody, 400: ErrorBody, 404: ErrorBody },
      },
      config: { cache: true },
    },
    async (request) => profileOf(app.db.db, request.params.code, request.query),
  );
};
