import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../schemas.ts';
import { RugBody } from '../rug/schemas.ts';
import { populationSource } from '../workshop-analysis/population.ts';
import type { GeographyCache } from '../workshops/geography.ts';
import { engagementRug } from './rug.ts';
import { EngagementBody, EngagementQuery, EngagementRugQuery } from './schemas.ts';
import { engagementFor, type EngagementContext } from './service.ts';

export interface EngagementRouteOptions {
  engagement: (db: EngagementContext['db']) => EngagementContext;
}

/** The context engagement figures are computed in: one File 6 reader shared by the routes that need it. */
export function engagementContexts(
  dataMirror: string,
  geography: GeographyCache,
): (db: EngagementContext['db']) => EngagementContext {
  const population = populationSource(dataMirror);
  return (db) => ({ db, geography, population });
}

/** GET /api/engagement and GET /api/engagement/rug: computed from participation, public like published KPIs. */
export const engagementRoutes: FastifyPluginAsyncTypebox<EngagementRouteOptions> = async (
  app,
  options,
) => {
  const ctx = options.engagement(app.db.db);
  app.get(
    '/engagement',
    {
      schema: {
        summary:
          'Engagement KPIs of an area with workshops (an estate, or a ward with its estates), all time or one period; counts under 5 suppressed',
        tags: ['engagement'],
        querystring: EngagementQuery,
        response: { 200: EngagementBody, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => engagementFor(ctx, request.query.area, request.query.period),
  );

  app.get(
    '/engagement/rug',
    {
      schema: {
        summary:
          "Engagement rug: a programme's areas × engagement KPIs, each compared with the programme's own average (same shape as /api/rug)",
        tags: ['engagement'],
        querystring: EngagementRugQuery,
        response: { 200: RugBody, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => engagementRug(ctx, request.query),
  );
};
