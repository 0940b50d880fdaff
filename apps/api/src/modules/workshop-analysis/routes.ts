import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../schemas.ts';
import type { GeographyCache } from '../workshops/geography.ts';
import { populationSource } from './population.ts';
import { AnalysisBody, AnalysisParams } from './schemas.ts';
import { workshopAnalysis } from './service.ts';

export interface AnalysisRouteOptions {
  /** The data mirror, for File 6's population age groups. */
  dataMirror: string;
  /** The area lookups residents' routes share (workshops/options.ts). */
  geography: GeographyCache;
}

/** GET /api/workshops/:ref/analysis (officers). */
export const workshopAnalysisRoutes: FastifyPluginAsyncTypebox<AnalysisRouteOptions> = async (
  app,
  options,
) => {
  const population = populationSource(options.dataMirror);
  app.get(
    '/workshops/:ref/analysis',
    {
      schema: {
        summary:
          'What a workshop heard: pins by kind × theme, ward and LSOA, and who took part against the population; counts under 5 suppressed',
        tags: ['workshops'],
        params: AnalysisParams,
        response: {
          200: AnalysisBody,
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
        },
      },
    },
    async (request) =>
      workshopAnalysis(
        { db: app.db.db, geography: options.geography, population },
        request.params.ref,
      ),
  );
};
