import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorId } from '../../plugins/auth.ts';
import { ErrorBody } from '../../schemas.ts';
import { AuditListBody, AuditQuery, NewUserBody, TemporaryPasswordBody, UserBody, UserListBody, UserParams, UserPatchBody } from './schemas.ts';
import { auditPage, createUser, listUsers, setTemporaryPassword, updateUser } from './service.ts';

const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody } as const;

/** Accounts and the audit trail (admins only; see modules/auth/permissions.ts). */
export const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/users',
    { schema: { summary: 'Every account', tags: ['admin'], response: { 200: UserListBody, ...refusals } } },
    async () => ({ users: await listUsers(app.db.db) }),
  );

  app.post(
    '/admin/users',
    {
      schema: {
        summary: 'Create an account (the password is given to the person by a separate channel)',
        tags: ['admin'],
        body: NewUserBody,
        response: { 201: UserBody, ...refusals, 409: ErrorBody },
      },
    },
    async (request, reply) => reply.code(201).send(await createUser(app.db.db, request.body, { id: actorId(request), via: 'api' })),
  );

  app.patch(
    '/admin/users/:id',
    {
      schema: {
        summary: "Change an account's role or name, or disable it (ends its sessions) or enable it",
        tags: ['admin'],
        params: UserParams,
        body: UserPatchBody,
        response: { 200: UserBody, ...refusals, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => updateUser(app.db.db, request.params.id.toLowerCase(), request.body, { id: actorId(request), via: 'api' }),
  );

  app.post(
    '/admin/users/:id/password',
    {
      schema: {
        summary: 'Give an account a temporary password: its sessions end, and it must be changed at the next sign-in',
        tags: ['admin'],
        params: UserParams,
        body: TemporaryPasswordBody,
        response: { 200: UserBody, ...refusals, 404: ErrorBody },
      },
    },
    async (request) => setTemporaryPassword(app.db.db, request.params.id.toLowerCase(), request.body.password, { id: actorId(request), via: 'api' }),
  );

  app.get(
    '/admin/audit',
    { schema: { summary: 'The audit trail, newest first, a page at a time', tags: ['admin'], querystring: AuditQuery, response: { 200: AuditListBody, ...refusals } } },
    async (request) => auditPage(app.db.db, request.query),
  );
};
