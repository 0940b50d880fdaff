import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../schemas.ts';
import { IndicatorListBody, IndicatorParams, ValuesBody, ValuesQuery } from './schemas.ts';
import { indicatorList, indicatorValues } from './service.ts';

/** GET /api/indicators, GET /api/indicators/:id/values */
export const indicatorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/indicators',
    { schema: { summary: 'The indicator catalogue', tags: ['indicators'], response: { 200: IndicatorListBody } } },
    async () => indicatorList(app.db.db),
  );
  app.get(
    '/indicators/:id/values',
    {
      schema: {
        summary: "One indicator's values for the areas of a level",
        tags: ['indicators'],
        params: IndicatorParams,
        querystring: ValuesQuery,
        response: { 200: ValuesBody, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => indicatorValues(app.db.db, request.params.id, request.query),
  );
};
