// Recognises the session cookie (officers, partners, admins) or else the workshop participant
// cookie (residents) on API requests and puts the principal on the request; the permission hook
// (plugins/permissions.ts) runs after this and decides.
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import { dummyHash } from '../modules/auth/passwords.ts';
import { ANONYMOUS, type Principal } from '../modules/auth/principal.ts';
import { resolveSession, type AuthSettings, type Clock, type ResolvedSession } from '../modules/auth/service.ts';
import { resolveParticipant } from '../modules/participants/service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    auth: {
      readonly settings: AuthSettings;
      readonly clock: Clock;
      readonly cookieSecure: Config['cookieSecure'];
    };
  }
  interface FastifyRequest {
    /** Who is asking: anonymous unless a valid session (or participant) cookie came with an API request. */
    principal: Principal;
    /** The session behind `principal`, when signed in. */
    session: ResolvedSession | null;
  }
}

/** The session cookie's name. */
export const SESSION_COOKIE = 'thrive_session';

export interface AuthPluginOptions {
  config: Pick<Config, 'cookieSecure' | 'sessionIdleMs' | 'sessionMaxMs' | 'loginMaxFailures' | 'loginAddressMaxFailures' | 'loginWindowMs'>;
  clock?: Clock | undefined;
}

/** Whether the session cookie gets `Secure`: COOKIE_SECURE, or with `auto` whether the request was https. */
function secure(cookieSecure: Config['cookieSecure'], request: FastifyRequest): boolean {
  switch (cookieSecure) {
    case 'true':
      return true;
    case 'false':
      return false;
    case 'auto':
      // request.protocol honours X-Forwarded-Proto only when TRUST_PROXY is set.
      return request.protocol === 'https';
  }
}

/** The account id of a signed-in caller, for the audit trail. */
export const actorId = (request: FastifyRequest): string | null => (request.principal.kind === 'user' ? request.principal.user.id : null);

export const authPlugin = fp<AuthPluginOptions>(
  async (app: FastifyInstance, { config, clock = () => new Date() }) => {
    await app.register(cookie);
    // Made now, so the first sign-in with an unknown email is not slower than the others.
    await dummyHash();
    app.decorate('auth', {
      settings: { sessionIdleMs: config.sessionIdleMs, sessionMaxMs: config.sessionMaxMs, loginMaxFailures: config.loginMaxFailures, loginAddressMaxFailures: config.loginAddressMaxFailures, loginWindowMs: config.loginWindowMs },
      clock,
      cookieSecure: config.cookieSecure,
    });
    app.decorateRequest<Principal | null>('principal', null);
    app.decorateRequest('session', null);

    app.addHook('onRequest', async (request) => {
      request.principal = ANONYMOUS;
      request.session = null;
      // Pages and assets never read the principal: they call the API, which does.
      if (!request.url.startsWith('/api/')) return;
      const token = request.cookies[SESSION_COOKIE];
      const session = token ? await resolveSession(app.db.db, token, app.auth.settings, app.auth.clock()) : null;
      if (session) {
        request.session = session;
        request.principal = { kind: 'user', user: session.user, sessionId: session.sessionId };
        return;
      }
      // A workshop participant (residents have no account); a valid session, above, wins.
      const participantToken = request.cookies[PARTICIPANT_COOKIE];
      const participant = participantToken ? await resolveParticipant(app.db.db, participantToken) : null;
      if (participant) request.principal = { kind: 'participant', ...participant };
    });
  },
  { name: 'auth', dependencies: ['db'] },
);

/** Sets the session cookie: httpOnly, SameSite=Lax, whole site, Secure as configured. */
export function setSessionCookie(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, token: string, expires: Date): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: secure(app.auth.cookieSecure, request), expires });
}

/** The workshop participant cookie's name: an anonymous token, no account, no personal data. */
export const PARTICIPANT_COOKIE = 'thrive_participant';

// Long enough to outlast a workshop and a phone's offline queue; station mode clears it sooner.
const PARTICIPANT_COOKIE_MAX_AGE_S = 180 * 24 * 3600;

/** Sets the participant cookie: httpOnly, SameSite=Lax, whole site, Secure as configured. */
export function setParticipantCookie(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(PARTICIPANT_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: secure(app.auth.cookieSecure, request), maxAge: PARTICIPANT_COOKIE_MAX_AGE_S });
}

export function clearParticipantCookie(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(PARTICIPANT_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: secure(app.auth.cookieSecure, request) });
}

export function clearSessionCookie(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: secure(app.auth.cookieSecure, request) });
}
