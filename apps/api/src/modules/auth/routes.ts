import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { UnauthorizedError } from '../../errors.ts';
import { clearSessionCookie, setSessionCookie } from '../../plugins/auth.ts';
import { ErrorBody } from '../../schemas.ts';
import { changePassword } from './change-password.ts';
import { LoginBody, MeBody, PasswordChangeBody, SignedInBody } from './schemas.ts';
import { signIn, signOut } from './service.ts';

/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me */
export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/auth/login',
    {
      schema: {
        summary: 'Sign in: sets the session cookie',
        tags: ['auth'],
        body: LoginBody,
        response: { 200: SignedInBody, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody },
      },
      // Per instance, before any password is hashed: a flood guard for the CPU. The failure
      // limit that stops guessing is in the service, shared through the database.
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const signedIn = await signIn(
        app.db.db,
        { ...request.body, clientAddress: request.ip, userAgent: request.headers['user-agent'], replaces: request.session },
        app.auth.settings,
        app.auth.clock(),
      );
      setSessionCookie(app, request, reply, signedIn.token, signedIn.expiresAt);
      return { user: signedIn.user };
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: { summary: 'Sign out: ends the session and clears the cookie', tags: ['auth'], response: { 204: { type: 'null' }, 403: ErrorBody } },
    },
    async (request, reply) => {
      await signOut(app.db.db, request.session);
      clearSessionCookie(app, request, reply);
      return reply.code(204).header('cache-control', 'no-store').send(null);
    },
  );

  app.post(
    '/auth/password',
    {
      schema: {
        summary: 'Choose a new password (required after an admin set a temporary one); other sessions end',
        tags: ['auth'],
        body: PasswordChangeBody,
        response: { 204: { type: 'null' }, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
      // Each attempt checks a password: the same flood guard as signing in.
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      if (!request.session) throw new UnauthorizedError('Sign in to do this.');
      await changePassword(app.db.db, request.session, request.body.current, request.body.password);
      return reply.code(204).header('cache-control', 'no-store').send(null);
    },
  );

  app.get(
    '/auth/me',
    { schema: { summary: 'Who is signed in (user null when nobody is)', tags: ['auth'], response: { 200: MeBody } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { user: request.principal.kind === 'user' ? request.principal.user : null };
    },
  );
};
