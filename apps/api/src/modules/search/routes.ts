import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../schemas.ts';
import { SearchBody, SearchQuery } from './schemas.ts';
import { search } from './service.ts';

/** GET /api/search: wards, LSOAs and districts by name (public, like the areas themselves). */
export const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/search',
    {
      schema: {
        summary: 'Find a ward, an LSOA or a local authority by name or code',
        tags: ['areas'],
        querystring: SearchQuery,
        response: { 200: SearchBody, 400: ErrorBody },
      },
      config: { cache: true },
    },
    async (request) => search(app.db.db, request.query),
  );
};
