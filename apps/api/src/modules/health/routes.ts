import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

import { newestMigration } from './repository.ts';
import { HealthBody } from './schemas.ts';

/** GET /api/health: liveness plus which engine and schema version this instance runs. */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        summary: 'Health of this instance',
        tags: ['meta'],
        response: { 200: HealthBody },
      },
    },
    async () => ({
      status: 'ok' as const,
      engine: app.db.engine,
      migration: await newestMigration(app.db.db),
    }),
  );
};
