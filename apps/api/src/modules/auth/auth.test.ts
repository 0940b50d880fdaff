import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { accountsApp, addAccount, fakeWebHandler, PASSWORD, sessionCookie, signInAs, testClock, type TestApp } from '../../test-support/accounts.ts';
import { passwords } from './passwords.ts';
import { SIGN_IN_FAILED, signInFailedMessage } from './service.ts';

const HOUR = 3_600_000;
const login = (app: FastifyInstance, email: string, password: string, remoteAddress = '198.51.100.1', headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress, headers });
const me = (app: FastifyInstance, cookie: string) => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
const adminOnly = (app: FastifyInstance, cookie: string) => app.inject({ method: 'GET', url: '/api/admin/users', headers: { cookie } });

describe.each(testEngines())('signing in on $name', (engine) => {
  let t: TestApp;
  let app: FastifyInstance;
  const clock = testClock();

  beforeAll(async () => {
    t = await accountsApp(engine, {}, { clock: clock.now });
    app = t.app;
    await addAccount(t.db, 'admin', 'ada@example.org');
    await addAccount(t.db, 'officer', 'otto@example.org');
  });
  afterAll(() => app?.close());
  afterEach(() => vi.restoreAllMocks());

  const audit = (action: string) =>
    t.db.db.selectFrom('audit_event').select(['actor_id', 'target', 'details']).where('action', '=', action).orderBy('id').execute();

  it('signs in with the right password, answering the user and setting an httpOnly, SameSite=Lax session cookie', async () => {
    const response = await login(app, 'ada@example.org', PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ user: { id: expect.any(String), email: 'ada@example.org', role: 'admin', name: null, mustChangePassword: false } });
    const cookie = response.cookies.find((c) => c.name === 'thrive_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeUndefined();
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie?.expires?.getTime()).toBeCloseTo(clock.now().getTime() + 168 * HOUR, -4);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('stores only the hash of the session token, and no address', async () => {
    const cookie = sessionCookie(await login(app, 'ada@example.org', PASSWORD, '198.51.100.2', { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' }));
    const token = cookie.split('=')[1] ?? '';
    const rows = await t.db.db.selectFrom('session').selectAll().execute();
    expect(rows.some((r) => r.id === token)).toBe(false);
    expect(rows.map((r) => r.id).every((id) => /^[0-9a-f]{64}$/.test(id))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('198.51.100.2');
    expect(rows.map((r) => r.user_agent_hint)).toContain('Firefox on Linux');
  });

  it('ends the session a browser already had when it signs in again (switching account)', async () => {
    const first = await signInAs(app, 'otto@example.org');
    const response = await login(app, 'ada@example.org', PASSWORD, '198.51.100.1', { cookie: first });
    expect(response.statusCode).toBe(200);
    expect((await me(app, first)).json()).toEqual({ user: null });
    expect((await me(app, sessionCookie(response))).json<{ user: { email: string } }>().user.email).toBe('ada@example.org');
  });

  it('matches the email whatever its case', async () => {
    expect((await login(app, '  ADA@Example.ORG ', PASSWORD)).statusCode).toBe(200);
  });

  it('answers "who am I" with the user when signed in and null when not', async () => {
    const cookie = await signInAs(app, 'otto@example.org');
    expect((await me(app, cookie)).json()).toEqual({ user: { id: expect.any(String), email: 'otto@example.org', role: 'officer', name: null, mustChangePassword: false } });
    expect((await app.inject({ method: 'GET', url: '/api/auth/me' })).json()).toEqual({ user: null });
    expect((await me(app, 'thrive_session=not-a-real-token')).json()).toEqual({ user: null });
    expect((await me(app, `thrive_session=${'A'.repeat(43)}`)).json()).toEqual({ user: null });
  });

  it('says only "Email or password is incorrect" for a wrong password and for an unknown email, checking a hash both times', async () => {
    const verify = vi.spyOn(passwords, 'verify');
    const wrong = await login(app, 'ada@example.org', 'not the password', '198.51.100.3');
    expect(verify).toHaveBeenCalledTimes(1);
    const unknown = await login(app, 'nobody@example.org', 'not the password', '198.51.100.4');
    expect(verify).toHaveBeenCalledTimes(2);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ statusCode: 401, error: 'Unauthorized', message: SIGN_IN_FAILED });
    expect(unknown.body).toBe(wrong.body);
    expect(unknown.cookies).toEqual([]);
  });

  it('audits sign-ins and failures without the email', async () => {
    const ada = (await me(app, await signInAs(app, 'ada@example.org'))).json<{ user: { id: string } }>().user.id;
    expect(await audit('auth.login')).toContainEqual({ actor_id: ada, target: `user:${ada}`, details: {} });
    const failed = await audit('auth.login_failed');
    expect(failed).toContainEqual({ actor_id: null, target: `user:${ada}`, details: { reason: 'wrong_password' } });
    expect(failed).toContainEqual({ actor_id: null, target: null, details: { reason: 'no_such_account' } });
    expect(JSON.stringify(failed)).not.toMatch(/nobody|example\.org|198\.51/);
  });

  it('signs out: the session ends, the cookie is cleared and the sign-out is audited', async () => {
    const cookie = await signInAs(app, 'ada@example.org');
    const response = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(response.statusCode).toBe(204);
    expect(response.cookies.find((c) => c.name === 'thrive_session')?.value).toBe('');
    expect((await me(app, cookie)).json()).toEqual({ user: null });
    expect((await adminOnly(app, cookie)).statusCode).toBe(401);
    expect((await audit('auth.logout')).length).toBe(1);
  });

  it('signs out quietly when nobody is signed in', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
  });

  it('ends a session left unused for the idle time (12 h), deleting it', async () => {
    const cookie = await signInAs(app, 'ada@example.org');
    clock.advance(11 * HOUR);
    expect((await adminOnly(app, cookie)).statusCode).toBe(200);
    clock.advance(11 * HOUR);
    expect((await adminOnly(app, cookie)).statusCode).toBe(200);
    clock.advance(12 * HOUR);
    const before = await t.db.db.selectFrom('session').select('id').execute();
    expect((await adminOnly(app, cookie)).statusCode).toBe(401);
    expect((await t.db.db.selectFrom('session').select('id').execute()).length).toBe(before.length - 1);
  });

  it('ends a session 7 days after sign-in however much it is used', async () => {
    const cookie = await signInAs(app, 'ada@example.org');
    for (let hours = 0; hours < 7 * 24 - 10; hours += 10) {
      clock.advance(10 * HOUR);
      expect((await adminOnly(app, cookie)).statusCode).toBe(200);
    }
    clock.advance(11 * HOUR);
    expect((await adminOnly(app, cookie)).statusCode).toBe(401);
  });

  it('cleans up expired sessions of everyone at the next sign-in', async () => {
    clock.advance(8 * 24 * HOUR);
    await signInAs(app, 'otto@example.org');
    expect(await t.db.db.selectFrom('session').select('id').execute()).toHaveLength(1);
  });

  it('applies a role change to existing sessions at once', async () => {
    const cookie = await signInAs(app, 'otto@example.org');
    const admin = await signInAs(app, 'ada@example.org');
    const otto = (await me(app, cookie)).json<{ user: { id: string } }>().user.id;
    expect((await adminOnly(app, cookie)).statusCode).toBe(403);
    await app.inject({ method: 'PATCH', url: `/api/admin/users/${otto}`, payload: { role: 'admin' }, headers: { cookie: admin } });
    expect((await adminOnly(app, cookie)).statusCode).toBe(200);
    await app.inject({ method: 'PATCH', url: `/api/admin/users/${otto}`, payload: { role: 'officer' }, headers: { cookie: admin } });
  });

  it('refuses a disabled account with the same message, and ends its sessions', async () => {
    const pat = await addAccount(t.db, 'partner', 'pat@example.org');
    const cookie = await signInAs(app, 'pat@example.org');
    const admin = await signInAs(app, 'ada@example.org');
    await app.inject({ method: 'PATCH', url: `/api/admin/users/${pat.id}`, payload: { disabled: true }, headers: { cookie: admin } });
    expect((await me(app, cookie)).json()).toEqual({ user: null });
    const again = await login(app, 'pat@example.org', PASSWORD, '198.51.100.9');
    expect(again.statusCode).toBe(401);
    expect(again.json<{ message: string }>().message).toBe(SIGN_IN_FAILED);
  });
});

describe.each(testEngines())('guessing passwords on $name', (engine) => {
  let t: TestApp;
  const clock = testClock();

  beforeAll(async () => {
    t = await accountsApp(engine, {}, { clock: clock.now });
    await addAccount(t.db, 'officer', 'otto@example.org');
    await addAccount(t.db, 'partner', 'pat@example.org');
  });
  afterAll(() => t?.app.close());

  it('pauses an account after 10 failures spread over addresses, with Retry-After, refusing even the right password until the 15 minutes pass', async () => {
    // Each guess from a different address: the account's own count is what stops them.
    const statuses: number[] = [];
    for (let i = 1; i <= 11; i++) statuses.push((await login(t.app, 'otto@example.org', `guess number ${i}`, `203.0.113.${i}`)).statusCode);
    expect(statuses).toEqual([...Array<number>(10).fill(401), 429]);

    const blocked = await login(t.app, 'otto@example.org', PASSWORD, '203.0.113.50');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBe(15 * 60);
    expect(blocked.json()).toEqual({ statusCode: 429, error: 'Too Many Requests', message: 'Too many failed sign-ins; try again in 15 minutes.' });

    clock.advance(10 * 60_000);
    const later = await login(t.app, 'otto@example.org', PASSWORD, '203.0.113.50');
    expect(later.statusCode).toBe(429);
    expect(Number(later.headers['retry-after'])).toBe(5 * 60);

    clock.advance(5 * 60_000);
    expect((await login(t.app, 'otto@example.org', PASSWORD, '203.0.113.50')).statusCode).toBe(200);
  });

  it("pauses one person's typos from a shared office address after 5, warning on the 4th, while a colleague at the same address signs in", async () => {
    clock.advance(16 * 60_000);
    const office = '203.0.113.77';
    const answers = [];
    for (let i = 1; i <= 6; i++) answers.push(await login(t.app, 'otto@example.org', `typo number ${i}`, office));
    expect(answers.map((a) => a.statusCode)).toEqual([401, 401, 401, 401, 401, 429]);
    const messages = answers.slice(0, 5).map((a) => a.json<{ message: string }>().message);
    expect(messages.slice(0, 3)).toEqual([SIGN_IN_FAILED, SIGN_IN_FAILED, SIGN_IN_FAILED]);
    expect(messages[3]).toBe('Email or password is incorrect. One more failed try will pause sign-in for up to 15 minutes.');
    expect(messages[4]).toBe(SIGN_IN_FAILED);
    expect((await login(t.app, 'pat@example.org', PASSWORD, office)).statusCode).toBe(200);
  });

  it('keeps no email or address in the failure counts', async () => {
    const rows = await t.db.db.selectFrom('login_failure').select('key').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => /^(account|account-address|address):[0-9a-f]{32}$/.test(r.key))).toBe(true);
  });
});

describe.each(testEngines())('sessions shared through the database on $name', (engine) => {
  const config = loadConfig({ LOG_LEVEL: 'silent' });

  it('survive a restart, and work on a second instance (sign-out and sign-in limits included)', async () => {
    const db = await engine.open();
    try {
      const first = await buildApp(config, { db, webHandler: fakeWebHandler });
      await addAccount(db, 'admin', 'ada@example.org');
      const cookie = await signInAs(first, 'ada@example.org');
      await first.close();

      const restarted = await buildApp(config, { db, webHandler: fakeWebHandler });
      const other = await buildApp(config, { db, webHandler: fakeWebHandler });
      expect((await adminOnly(restarted, cookie)).statusCode).toBe(200);
      expect((await adminOnly(other, cookie)).statusCode).toBe(200);

      // Failures on either instance count together.
      for (let i = 0; i < 10; i++) await login(i % 2 ? restarted : other, 'ada@example.org', 'a wrong guess', `203.0.113.${i}`);
      expect((await login(restarted, 'ada@example.org', PASSWORD, '203.0.113.99')).statusCode).toBe(429);

      await other.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
      expect((await adminOnly(restarted, cookie)).statusCode).toBe(401);
      await Promise.all([restarted.close(), other.close()]);
    } finally {
      await db.close();
    }
  });
});

describe('the session cookie over https', () => {
  const engine = testEngines({})[0];
  if (!engine) throw new Error('no PGlite engine');
  const secureFlag = async (env: Record<string, string>, headers: Record<string, string>) => {
    const t = await accountsApp(engine, env);
    try {
      await addAccount(t.db, 'officer', 'otto@example.org');
      const response = await login(t.app, 'otto@example.org', PASSWORD, '198.51.100.1', headers);
      return response.cookies.find((c) => c.name === 'thrive_session')?.secure ?? false;
    } finally {
      await t.app.close();
    }
  };

  it('is Secure when a trusted proxy says the request came over https', async () => {
    expect(await secureFlag({ TRUST_PROXY: 'true' }, { 'x-forwarded-proto': 'https' })).toBe(true);
  });

  it('ignores X-Forwarded-Proto from an untrusted client', async () => {
    expect(await secureFlag({}, { 'x-forwarded-proto': 'https' })).toBe(false);
  });

  it('follows COOKIE_SECURE when it is true or false', async () => {
    expect(await secureFlag({ COOKIE_SECURE: 'true' }, {})).toBe(true);
    expect(await secureFlag({ COOKIE_SECURE: 'false', TRUST_PROXY: 'true' }, { 'x-forwarded-proto': 'https' })).toBe(false);
  });
});

describe.each(testEngines())('a burst of parallel guesses on $name', (engine) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await accountsApp(engine);
    await addAccount(t.db, 'officer', 'otto@example.org');
    await addAccount(t.db, 'partner', 'pat@example.org');
    await addAccount(t.db, 'officer', 'otto2@example.org');
  });
  afterAll(() => t?.app.close());

  const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

  it('lets no more than 10 of 40 parallel wrong passwords for one account through, from 40 addresses', async () => {
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => login(t.app, 'otto@example.org', `parallel guess ${i}`, `203.0.113.${i + 1}`)));
    const statuses = responses.map((r) => r.statusCode);
    expect(count(statuses, 401)).toBe(10);
    expect(count(statuses, 429)).toBe(30);
  });

  it('lets no more than 5 of 25 parallel wrong passwords for one account from one address through', async () => {
    const responses = await Promise.all(Array.from({ length: 25 }, (_, i) => login(t.app, 'pat@example.org', `a parallel guess ${i}`, '198.51.100.99')));
    const statuses = responses.map((r) => r.statusCode);
    expect(count(statuses, 401)).toBe(5);
    expect(count(statuses, 429)).toBe(20);
  });

  it('does not count a right password against the limit', async () => {
    const address = '198.51.100.150';
    for (let i = 0; i < 4; i++) expect((await login(t.app, 'otto2@example.org', `a wrong guess ${i}`, address)).statusCode).toBe(401);
    expect((await login(t.app, 'otto2@example.org', PASSWORD, address)).statusCode).toBe(200);
    expect((await login(t.app, 'otto2@example.org', 'a wrong guess 9', address)).statusCode).toBe(401);
    expect((await login(t.app, 'otto2@example.org', 'a wrong guess 10', address)).statusCode).toBe(429);
  });
});

describe('the sign-in failure message', () => {
  it('is the plain message until one try is left, then warns for how long sign-in would pause', () => {
    expect(signInFailedMessage(3, 15 * 60_000)).toBe(SIGN_IN_FAILED);
    expect(signInFailedMessage(1, 15 * 60_000)).toBe('Email or password is incorrect. One more failed try will pause sign-in for up to 15 minutes.');
    expect(signInFailedMessage(0, 60_000)).toBe(SIGN_IN_FAILED);
  });
});

describe.each(testEngines())('the ceiling for one address on $name', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    // The default ceiling is 100 (config.test.ts); 8 here keeps the test short.
    t = await accountsApp(engine, { LOGIN_ADDRESS_MAX_FAILURES: '8' });
    await addAccount(t.db, 'partner', 'pat@example.org');
  });
  afterAll(() => t?.app.close());

  it('pauses an address at its own, higher ceiling whatever emails it tries, while other addresses still sign in', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await login(t.app, `someone${i}@example.org`, 'some guess here', '203.0.113.200')).statusCode);
    expect(statuses).toEqual([...Array<number>(8).fill(401), 429]);
    expect((await login(t.app, 'pat@example.org', PASSWORD, '203.0.113.200')).statusCode).toBe(429);
    expect((await login(t.app, 'pat@example.org', PASSWORD, '203.0.113.201')).statusCode).toBe(200);
  });
});
