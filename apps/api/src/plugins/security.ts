// Security headers on every response (helmet: CSP, HSTS, nosniff, frame and referrer
// policies) and cross-site request protection: a POST, PUT, PATCH or DELETE whose Origin (or
// Referer, when a browser sends no Origin) is not this server's own origin is refused (403).
// The session cookie's SameSite=Lax is the second line; a request with neither header (curl,
// scripts) is not a browser carrying someone's cookie cross-site, and passes.
// Pages requested with a session cookie (they may show the signed-in person's name) are marked
// `private, no-store` so no shared cache or back button keeps them.
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import { quoted } from '../csp.ts';
import { ForbiddenError } from '../errors.ts';
import { SESSION_COOKIE } from './auth.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** This server's origin as the browser sees it (Host, or X-Forwarded-Host/-Proto with TRUST_PROXY). */
export function ownOrigin(request: FastifyRequest): string | null {
  return originOf(`${request.protocol}://${request.host}`);
}

/** Whether a state-changing request comes from this site's own pages (or from no browser page at all). */
export function sameOriginOrNone(request: FastifyRequest, publicOrigin: string | undefined): boolean {
  const { origin, referer } = request.headers;
  const claimed = origin ?? (referer === undefined ? undefined : (originOf(referer) ?? 'null'));
  if (claimed === undefined) return true;
  return claimed === ownOrigin(request) || (publicOrigin !== undefined && claimed === publicOrigin);
}

export const securityPlugin = fp<{ config: Pick<Config, 'publicOrigin'> }>(
  async (app: FastifyInstance, { config }) => {
    await app.register(helmet, {
      // Pages rendered by SvelteKit replace this header with the same policy plus a nonce.
      contentSecurityPolicy: { useDefaults: false, directives: quoted() },
      // Same-origin requests keep their Origin header (the check below needs it); nothing leaks
      // to other sites.
      referrerPolicy: { policy: 'same-origin' },
      xFrameOptions: { action: 'deny' },
    });

    // After the cookies are parsed (the auth plugin); the web handler copies headers set here
    // onto the page it renders. Pages do not resolve the session, so the cookie decides.
    app.addHook('preHandler', async (request, reply) => {
      if (request.cookies[SESSION_COOKIE] && !request.url.startsWith('/api/')) reply.header('cache-control', 'private, no-store');
    });

    app.addHook('onRequest', async (request) => {
      if (!STATE_CHANGING.has(request.method) || sameOriginOrNone(request, config.publicOrigin)) return;
      throw new ForbiddenError('Cross-site request refused: this server only accepts changes from its own pages.');
    });
  },
  { name: 'security' },
);
