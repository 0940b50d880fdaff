// buildApp(config) assembles the server without listening, so tests drive it with inject.
// Plugins load in order: external → app → routes (as in fastify/demo).
import type { Db } from '@thrive/db';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { areaRoutes } from './modules/areas/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { indicatorRoutes } from './modules/indicators/routes.ts';
import { profileRoutes } from './modules/profiles/routes.ts';
import { rugRoutes } from './modules/rug/routes.ts';
import { cachingPlugin } from './plugins/caching.ts';
import { dbPlugin } from './plugins/db.ts';
import { errorsPlugin } from './plugins/errors.ts';
import { openapiPlugin } from './plugins/openapi.ts';
import { webPlugin } from './plugins/web.ts';
import { ErrorBody } from './schemas.ts';

export interface BuildOptions {
  /** An open database to use instead of connecting from config (tests). */
  db?: Db;
  /** Mount the SvelteKit build (default: true when it exists). */
  web?: boolean;
}

/** Builds the Fastify instance for a config. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // No personal data in logs: no IP addresses, headers, cookies, query strings or bodies.
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
      },
    },
    trustProxy: config.trustProxy,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
  });
  app.addSchema(ErrorBody);

  await app.register(errorsPlugin);
  await app.register(openapiPlugin);
  await app.register(dbPlugin, { config, db: options.db });
  await app.register(cachingPlugin);

  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(areaRoutes, { prefix: '/api' });
  await app.register(indicatorRoutes, { prefix: '/api' });
  await app.register(rugRoutes, { prefix: '/api' });
  await app.register(profileRoutes, { prefix: '/api' });

  if (options.web !== false) await app.register(webPlugin, { config });
  return app;
}
