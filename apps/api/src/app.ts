// buildApp(config) assembles the server without listening, so tests drive it with inject.
// Plugins load in order: external → app → routes (as in fastify/demo).
import type { Db } from '@thrive/db';
import Fastify, { type FastifyInstance } from 'fastify';
import { trustProxyOption, type Config } from './config.ts';
import { adminRoutes } from './modules/admin/routes.ts';
import { areaRoutes } from './modules/areas/routes.ts';
import type { PermissionRule } from './modules/auth/permissions.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { workshopEventsPlugin } from './modules/events/plugin.ts';
import { liveWallRoutes } from './modules/events/routes.ts';
import type { ResidentLimits } from './modules/participants/rate-limits.ts';
import { participantRoutes } from './modules/participants/routes.ts';
import { pinRoutes } from './modules/pins/routes.ts';
import { residentRouteOptions } from './modules/workshops/options.ts';
import { workshopRoutes } from './modules/workshops/routes.ts';
import { photoRoutes } from './modules/photos/routes.ts';
import { workshopAnalysisRoutes } from './modules/workshop-analysis/routes.ts';
import { workshopExportRoutes } from './modules/workshop-exports/routes.ts';
import { kpiRoutes } from './modules/kpis/routes.ts';
import { engagementContexts, engagementRoutes } from './modules/engagement/routes.ts';
import { programmeRoutes } from './modules/programmes/routes.ts';
import { surveyRoutes } from './modules/surveys/routes.ts';
import { inspectionRoutes } from './modules/inspections/routes.ts';
import type { Clock } from './modules/auth/service.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { importRoutes } from './modules/imports/routes.ts';
import { indicatorRoutes } from './modules/indicators/routes.ts';
import { profileRoutes } from './modules/profiles/routes.ts';
import { rugRoutes } from './modules/rug/routes.ts';
import { searchRoutes } from './modules/search/routes.ts';
import { authPlugin } from './plugins/auth.ts';
import { cachingPlugin } from './plugins/caching.ts';
import { compressionPlugin } from './plugins/compression.ts';
import { dbPlugin } from './plugins/db.ts';
import { errorsPlugin } from './plugins/errors.ts';
import { openapiPlugin } from './plugins/openapi.ts';
import { permissionsPlugin } from './plugins/permissions.ts';
import { rateLimitPlugin } from './plugins/rate-limit.ts';
import { securityPlugin } from './plugins/security.ts';
import { buildValidator } from './plugins/validation.ts';
import { webPlugin, type NodeHandler } from './plugins/web.ts';
import { ErrorBody } from './schemas.ts';

export interface BuildOptions {
  /** An open database to use instead of connecting from config (tests). */
  db?: Db;
  /** Mount the SvelteKit build (default: true when it exists). */
  web?: boolean;
  /** A stand-in for the SvelteKit handler (tests without a web build). */
  webHandler?: NodeHandler;
  /** The clock for sessions and sign-in limits (tests move it on instead of waiting). */
  clock?: Clock;
  /** The permission table (tests add rules for routes they register). */
  permissions?: readonly PermissionRule[];
  /** Residents' rate limits per participant and per workshop (tests lower them). */
  residentLimits?: Partial<ResidentLimits>;
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
      // And should a body or a driver error's detail ever be logged: no credentials, no emails.
      redact: { paths: ['req.body', 'body', '*.password', '*.email', '*.token', 'err.detail', 'err.cause.detail'], censor: '[redacted]' },
    },
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: config.bodyLimitBytes,
    // Opening and migrating the embedded database takes far more than Fastify's default 10 s on
    // a busy machine (the e2e suite beside a full build); a start that slow is still a start.
    pluginTimeout: 120_000,
    // Query strings and parameters are coerced, bodies must match exactly; no control
    // characters or infinite numbers anywhere (plugins/validation.ts).
    ajv: { customOptions: { removeAdditional: false, allErrors: false } },
    schemaController: { compilersFactory: { buildValidator } },
  });
  app.addSchema(ErrorBody);

  await app.register(errorsPlugin);
  // onRequest hooks run in this order: security headers and the cross-site check, the session,
  // the permission table, then the response cache; each route's rate limit after them.
  await app.register(securityPlugin, { config });
  await app.register(compressionPlugin);
  await app.register(dbPlugin, { config, db: options.db });
  await app.register(rateLimitPlugin, { config });
  await app.register(authPlugin, { config, clock: options.clock });
  await app.register(permissionsPlugin, { rules: options.permissions });
  await app.register(openapiPlugin);
  await app.register(cachingPlugin);
  // Live wall: app.workshopEvents (LISTEN/NOTIFY on PostgreSQL), before the routes that write pins.
  await app.register(workshopEventsPlugin);

  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(areaRoutes, { prefix: '/api' });
  await app.register(indicatorRoutes, { prefix: '/api' });
  await app.register(rugRoutes, { prefix: '/api' });
  await app.register(profileRoutes, { prefix: '/api' });
  await app.register(searchRoutes, { prefix: '/api' });
  await app.register(authRoutes, { prefix: '/api' });
  await app.register(adminRoutes, { prefix: '/api' });
  await app.register(importRoutes, { prefix: '/api', dataMirror: config.dataMirror });
  await app.register(liveWallRoutes, { prefix: '/api' });
  // Residents' workshops: officers' routes, joining, pins (one area cache and limit set for all).
  const residents = residentRouteOptions(config.rateLimitPerMinute, options.residentLimits);
  await app.register(workshopRoutes, { prefix: '/api', ...residents });
  await app.register(participantRoutes, { prefix: '/api', ...residents });
  await app.register(pinRoutes, { prefix: '/api', ...residents });
  await app.register(photoRoutes, { prefix: '/api', ...residents });
  await app.register(workshopExportRoutes, { prefix: '/api' });
  await app.register(workshopAnalysisRoutes, { prefix: '/api', dataMirror: config.dataMirror, geography: residents.geography });
  // Community-defined KPIs and the surveys behind them (issue 12).
  await app.register(surveyRoutes, { prefix: '/api' });
  await app.register(kpiRoutes, { prefix: '/api' });
  // Engagement KPIs computed from participation, and regeneration programmes' board reports (issue 13).
  const engagement = engagementContexts(config.dataMirror, residents.geography);
  await app.register(engagementRoutes, { prefix: '/api', engagement });
  await app.register(programmeRoutes, { prefix: '/api', engagement });
  // Residents inspect their own blocks (issue 14).
  await app.register(inspectionRoutes, { prefix: '/api', publicOrigin: config.publicOrigin });

  if (options.web !== false || options.webHandler) await app.register(webPlugin, { config, handler: options.webHandler });
  return app;
}
