// Enforces the permission table (modules/auth/permissions.ts) in ONE onRequest hook, after the
// session is known: 401 when a protected route is called without signing in, 403 for a role it
// is not open to. Unknown URLs fall through to the 404 handler as before. Every route must have
// a rule: the server refuses to start otherwise, so a new route cannot be left open by mistake.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ForbiddenError, UnauthorizedError } from '../errors.ts';
import { decide, findRule, PERMISSIONS, type PermissionRule } from '../modules/auth/permissions.ts';

/** A registered route as the table sees it: one method, the URL pattern. */
export interface RouteKey {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every registered route, and the rule covering each (for tests and start-up checks). */
    permissionCoverage(): { routes: RouteKey[]; missing: RouteKey[]; unused: PermissionRule[] };
  }
}

export interface PermissionsPluginOptions {
  /** The table; tests add rules for routes they register themselves. */
  rules?: readonly PermissionRule[] | undefined;
}

export const permissionsPlugin = fp<PermissionsPluginOptions>(
  async (app: FastifyInstance, { rules = PERMISSIONS }) => {
    const routes: RouteKey[] = [];
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) routes.push({ method, url: route.url });
    });

    app.decorate('permissionCoverage', () => {
      const missing = routes.filter((r) => !findRule(rules, r.method, r.url));
      const used = new Set(routes.map((r) => findRule(rules, r.method, r.url)));
      return { routes: [...routes], missing, unused: rules.filter((rule) => !used.has(rule)) };
    });

    app.addHook('onReady', async () => {
      const { missing } = app.permissionCoverage();
      if (missing.length > 0) {
        throw new Error(`routes without a permission rule (add them to modules/auth/permissions.ts): ${missing.map((r) => `${r.method} ${r.url}`).join(', ')}`);
      }
    });

    app.addHook('onRequest', async (request, reply) => {
      const url = request.routeOptions.url;
      if (url === undefined) return; // no such route: the 404 handler answers
      const rule = findRule(rules, request.method, url);
      // Unreachable after the start-up check; refuse rather than guess.
      if (!rule) throw new ForbiddenError('This route has no permission rule.');
      const decision = decide(rule.allow, request.principal);
      if (!decision.allowed) {
        throw decision.statusCode === 401 ? new UnauthorizedError(decision.message) : new ForbiddenError(decision.message);
      }
      // A temporary password (set by an admin) opens nothing but choosing a new one.
      if (rule.allow !== 'public' && url !== '/api/auth/password' && request.principal.kind === 'user' && request.principal.user.mustChangePassword) {
        throw new ForbiddenError('Choose a new password first: the one you signed in with was temporary.');
      }
      // Answers only some people may see must not be kept by browsers or shared caches.
      if (rule.allow !== 'public') reply.header('cache-control', 'no-store');
    });
  },
  { name: 'permissions', dependencies: ['auth'] },
);
