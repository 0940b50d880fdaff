import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApp, addAccount, PASSWORD, signInAs, type TestApp } from '../../test-support/accounts.ts';
import type { AuditListBody, UserBody, UserListBody } from './schemas.ts';

describe.each(testEngines())('account administration on $name', (engine) => {
  let t: TestApp;
  let app: FastifyInstance;
  let admin = '';
  let adminId = '';

  beforeAll(async () => {
    t = await accountsApp(engine);
    app = t.app;
    adminId = (await addAccount(t.db, 'admin', 'ada@example.org')).id;
    admin = await signInAs(app, 'ada@example.org');
  });
  afterAll(() => app?.close());

  const as = (cookie: string) => ({ cookie });
  const createAccount = (payload: Record<string, unknown>, cookie = admin) => app.inject({ method: 'POST', url: '/api/admin/users', payload, headers: as(cookie) });
  const patch = (id: string, payload: Record<string, unknown>, cookie = admin) => app.inject({ method: 'PATCH', url: `/api/admin/users/${id}`, payload, headers: as(cookie) });
  const auditOf = async (query = '') => (await app.inject({ method: 'GET', url: `/api/admin/audit${query}`, headers: as(admin) })).json<AuditListBody>();

  it('creates an officer account that can then sign in', async () => {
    const response = await createAccount({ email: 'Otto@Example.org', name: 'Otto Officer', role: 'officer', password: PASSWORD });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ id: expect.any(String), email: 'otto@example.org', name: 'Otto Officer', role: 'officer', createdAt: expect.any(String), disabledAt: null, mustChangePassword: false });
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'otto@example.org', password: PASSWORD } })).statusCode).toBe(200);
  });

  it('audits the creation with the admin as actor and no email in the details', async () => {
    const created = (await auditOf('?action=user.create')).events[0];
    expect(created).toMatchObject({ action: 'user.create', actor: { id: adminId, email: 'ada@example.org' }, details: { role: 'officer', via: 'api' } });
    expect(created?.target).toMatch(/^user:[0-9a-f-]{36}$/);
    expect(JSON.stringify(created?.details)).not.toContain('otto');
  });

  it('refuses a second account with the same email in another case (409)', async () => {
    const response = await createAccount({ email: 'OTTO@example.org', role: 'partner', password: PASSWORD });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ statusCode: 409, error: 'Conflict', message: 'An account with that email already exists.' });
  });

  it('refuses a password shorter than 12 characters (400)', async () => {
    const response = await createAccount({ email: 'short@example.org', role: 'partner', password: 'elevenchars' });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toBe('A password needs at least 12 characters.');
  });

  it('refuses a role that does not exist, naming the field (400)', async () => {
    const response = await createAccount({ email: 'r@example.org', role: 'superuser', password: PASSWORD });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'body.role', message: 'body.role must be equal to one of the allowed values: one of admin, officer, partner' });
  });

  it('lists the accounts by email, with no password hashes', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/admin/users', headers: as(admin) });
    const { users } = response.json<UserListBody>();
    expect(users.map((u) => [u.email, u.role])).toEqual([['ada@example.org', 'admin'], ['otto@example.org', 'officer']]);
    expect(response.body).not.toMatch(/argon2|password/);
  });

  it('changes a role, and audits from and to', async () => {
    const otto = (await app.inject({ method: 'GET', url: '/api/admin/users', headers: as(admin) })).json<UserListBody>().users.find((u) => u.email === 'otto@example.org');
    const response = await patch(otto?.id ?? '', { role: 'partner' });
    expect(response.statusCode).toBe(200);
    expect(response.json<UserBody>().role).toBe('partner');
    expect((await auditOf('?action=user.role_change')).events[0]).toMatchObject({ actor: { id: adminId }, target: `user:${otto?.id}`, details: { from: 'officer', to: 'partner', via: 'api' } });
  });

  it('disables an account, which ends its sessions at once, and enables it again', async () => {
    const pat = await addAccount(t.db, 'partner', 'pat@example.org');
    const cookie = await signInAs(app, 'pat@example.org');
    const disabled = await patch(pat.id, { disabled: true });
    expect(disabled.json<UserBody>().disabledAt).toEqual(expect.any(String));
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: as(cookie) })).json()).toEqual({ user: null });
    expect((await patch(pat.id, { disabled: false })).json<UserBody>().disabledAt).toBeNull();
    const actions = (await auditOf()).events.map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(['user.enable', 'user.disable']);
  });

  it('refuses to demote or disable the only active admin (409)', async () => {
    expect((await patch(adminId, { role: 'officer' })).statusCode).toBe(409);
    expect((await patch(adminId, { disabled: true })).json<{ message: string }>().message).toBe('This is the only active admin; make another account admin first.');
  });

  it('answers 404 for an account that does not exist, and 400 for an id that is not one', async () => {
    expect((await patch('00000000-0000-4000-8000-000000000000', { role: 'officer' })).statusCode).toBe(404);
    expect((await patch('not-a-uuid', { role: 'officer' })).statusCode).toBe(400);
    expect((await patch(adminId, {})).statusCode).toBe(400);
  });

  it('pages the audit trail newest first', async () => {
    const all = await auditOf('?limit=200');
    const ids = all.events.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const first = await auditOf('?limit=2');
    expect(first.events.map((e) => e.id)).toEqual(all.events.slice(0, 2).map((e) => e.id));
    const second = await auditOf(`?limit=2&before=${first.next}`);
    expect(second.events.map((e) => e.id)).toEqual(all.events.slice(2, 4).map((e) => e.id));
    expect(all.next).toBeNull();
  });

  it('shows the audit trail to admins only', async () => {
    await addAccount(t.db, 'officer', 'olive@example.org');
    const officer = await signInAs(app, 'olive@example.org');
    expect((await app.inject({ method: 'GET', url: '/api/admin/audit', headers: as(officer) })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/admin/audit' })).statusCode).toBe(401);
  });
});

describe.each(testEngines())('two admins changing each other at the same moment on $name', (engine) => {
  let t: TestApp;
  const admins: { id: string; cookie: string }[] = [];

  beforeAll(async () => {
    t = await accountsApp(engine);
    for (const email of ['ada@example.org', 'alan@example.org']) {
      const { id } = await addAccount(t.db, 'admin', email);
      admins.push({ id, cookie: await signInAs(t.app, email) });
    }
  });
  afterAll(() => t?.app.close());

  it('demotes one and refuses the other (409), never deadlocking, in each of 12 rounds', async () => {
    const [a, b] = admins as [{ id: string; cookie: string }, { id: string; cookie: string }];
    for (let round = 0; round < 12; round++) {
      await t.db.db.updateTable('user').set({ role: 'admin' }).where('id', 'in', [a.id, b.id]).execute();
      const responses = await Promise.all([
        t.app.inject({ method: 'PATCH', url: `/api/admin/users/${b.id}`, payload: { role: 'officer' }, headers: { cookie: a.cookie } }),
        t.app.inject({ method: 'PATCH', url: `/api/admin/users/${a.id}`, payload: { role: 'officer' }, headers: { cookie: b.cookie } }),
      ]);
      const statuses = responses.map((r) => r.statusCode).sort();
      // 403 when one change lands before the other's permission check: the other is no longer admin.
      expect([[200, 409], [200, 403]], `round ${round}: ${responses.map((r) => r.body).join(' | ')}`).toContainEqual(statuses);
      const active = await t.db.db.selectFrom('user').select('id').where('role', '=', 'admin').execute();
      expect(active.length).toBe(1);
    }
  });
});
