// Temporary passwords (migration 0011) and the audit trail's filters, through the API.
import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApp, addAccount, PASSWORD, sessionCookie, signInAs, type TestApp } from '../../test-support/accounts.ts';
import type { AuditListBody, UserBody } from './schemas.ts';

const TEMPORARY = 'a temporary password';
const CHOSEN = 'one I chose myself';

describe.each(testEngines())('temporary passwords and the audit filters on $name', (engine) => {
  let t: TestApp;
  let app: FastifyInstance;
  let admin = '';
  let adminId = '';
  let officerId = '';

  beforeAll(async () => {
    t = await accountsApp(engine);
    app = t.app;
    adminId = (await addAccount(t.db, 'admin', 'ada@example.org')).id;
    officerId = (await addAccount(t.db, 'officer', 'olive@example.org')).id;
    admin = await signInAs(app, 'ada@example.org');
  });
  afterAll(() => app?.close());

  const signIn = (email: string, password: string) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  const change = (cookie: string, current: string, password: string) => app.inject({ method: 'POST', url: '/api/auth/password', payload: { current, password }, headers: { cookie } });
  const audit = async (query: string) => (await app.inject({ method: 'GET', url: `/api/admin/audit${query}`, headers: { cookie: admin } })).json<AuditListBody>();

  it('ends the officer\'s sessions when an admin sets a temporary password', async () => {
    const before = await signInAs(app, 'olive@example.org');
    const response = await app.inject({ method: 'POST', url: `/api/admin/users/${officerId}/password`, payload: { password: TEMPORARY }, headers: { cookie: admin } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<UserBody>()).toMatchObject({ id: officerId, mustChangePassword: true });
    expect((await app.inject({ method: 'GET', url: '/api/workshops', headers: { cookie: before } })).statusCode).toBe(401);
  });

  it('refuses a short temporary password (400) and an unknown account (404)', async () => {
    const short = await app.inject({ method: 'POST', url: `/api/admin/users/${officerId}/password`, payload: { password: 'short' }, headers: { cookie: admin } });
    expect(short.statusCode).toBe(400);
    const unknown = await app.inject({ method: 'POST', url: '/api/admin/users/00000000-0000-4000-8000-000000000000/password', payload: { password: TEMPORARY }, headers: { cookie: admin } });
    expect(unknown.statusCode).toBe(404);
  });

  it('signs in with the temporary password, says it must be changed, and opens nothing else until it is', async () => {
    const response = await signIn('olive@example.org', TEMPORARY);
    expect(response.json()).toMatchObject({ user: { email: 'olive@example.org', mustChangePassword: true } });
    const cookie = sessionCookie(response);
    const refused = await app.inject({ method: 'GET', url: '/api/workshops', headers: { cookie } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ message: string }>().message).toBe('Choose a new password first: the one you signed in with was temporary.');
    // Public reads still answer.
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json()).toMatchObject({ user: { mustChangePassword: true } });
  });

  it('refuses a wrong current password (401), the same password again and a short one (400)', async () => {
    const cookie = sessionCookie(await signIn('olive@example.org', TEMPORARY));
    expect((await change(cookie, 'not the temporary one', CHOSEN)).json()).toMatchObject({ statusCode: 401, message: 'Your current password is not right.' });
    expect((await change(cookie, TEMPORARY, TEMPORARY)).json()).toMatchObject({ statusCode: 400, message: 'Choose a password different from the current one.' });
    expect((await change(cookie, TEMPORARY, 'too short')).json()).toMatchObject({ statusCode: 400, message: 'A password needs at least 12 characters.' });
  });

  it('lets the officer choose a new password, keeps this session, and ends the others', async () => {
    const other = sessionCookie(await signIn('olive@example.org', TEMPORARY));
    const cookie = sessionCookie(await signIn('olive@example.org', TEMPORARY));
    expect((await change(cookie, TEMPORARY, CHOSEN)).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/workshops', headers: { cookie } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/workshops', headers: { cookie: other } })).statusCode).toBe(401);
    expect((await signIn('olive@example.org', TEMPORARY)).statusCode).toBe(401);
    expect((await signIn('olive@example.org', CHOSEN)).json()).toMatchObject({ user: { mustChangePassword: false } });
  });

  it('creates an account with a temporary password when asked', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/admin/users', payload: { email: 'pat@example.org', role: 'partner', password: PASSWORD, temporary: true }, headers: { cookie: admin } });
    expect(created.json<UserBody>().mustChangePassword).toBe(true);
    expect((await signIn('pat@example.org', PASSWORD)).json()).toMatchObject({ user: { mustChangePassword: true } });
  });

  it('audits the reset by the admin and the change by the officer, without the passwords', async () => {
    const reset = (await audit('?action=user.password_reset')).events;
    expect(reset).toHaveLength(1);
    expect(reset[0]).toMatchObject({ actor: { id: adminId }, target: `user:${officerId}` });
    const changed = (await audit('?action=user.password_change')).events;
    expect(changed[0]).toMatchObject({ actor: { id: officerId }, target: `user:${officerId}` });
    expect(JSON.stringify([...reset, ...changed])).not.toMatch(/temporary password|chose myself/);
  });

  it('filters the audit trail by who did it', async () => {
    const events = (await audit(`?actor=${officerId}&limit=200`)).events;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.actor?.id === officerId)).toBe(true);
  });

  it('filters the audit trail by day, the last day included whole', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const all = (await audit('?limit=200')).events.length;
    expect((await audit(`?from=${today}&to=${today}&limit=200`)).events).toHaveLength(all);
    expect((await audit(`?to=2000-01-01&limit=200`)).events).toEqual([]);
    expect((await audit(`?from=2999-01-01&limit=200`)).events).toEqual([]);
  });

  it('pages a filtered trail with next, every event once', async () => {
    const all = (await audit(`?actor=${adminId}&limit=200`)).events.map((e) => e.id);
    expect(all.length).toBeGreaterThanOrEqual(3);
    const first = await audit(`?actor=${adminId}&limit=1`);
    const second = await audit(`?actor=${adminId}&limit=1&before=${first.next}`);
    expect([...first.events, ...second.events].map((e) => e.id)).toEqual(all.slice(0, 2));
  });

  it('refuses a day that is not a date (400, naming the field)', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/admin/audit?from=yesterday', headers: { cookie: admin } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'querystring.from' });
  });
});
