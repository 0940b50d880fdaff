import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApp, addAccount, PASSWORD, signInAs, type TestApp } from '../test-support/accounts.ts';

const EVIL = 'https://evil.example';

function expectSecurityHeaders(headers: Record<string, unknown>) {
  const csp = String(headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("worker-src 'self' blob:");
  expect(csp).toContain("img-src 'self' data: blob:");
  expect(csp).toContain("style-src 'self' 'unsafe-inline'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
    'strict-transport-security': expect.stringContaining('max-age='),
  });
}

describe.each(testEngines())('security on $name', (engine) => {
  let t: TestApp;
  let app: FastifyInstance;
  let admin = '';

  beforeAll(async () => {
    t = await accountsApp(engine, { PUBLIC_ORIGIN: 'https://thrive.example.org', BODY_LIMIT_BYTES: '4096' });
    app = t.app;
    await addAccount(t.db, 'admin', 'ada@example.org');
    admin = await signInAs(app, 'ada@example.org');
  });
  afterAll(() => app?.close());

  describe('headers', () => {
    it.each([
      ['an API answer', '/api/health', 200],
      ['an API error', '/api/no-such-thing', 404],
      ['a refusal', '/api/admin/users', 401],
      ['a web page (the catch-all)', '/areas/E05004691', 200],
      ['the home page', '/', 200],
      ['the API docs', '/api/docs/', 200],
    ])('come with %s', async (_what, url, status) => {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(status);
      expectSecurityHeaders(response.headers);
    });

    it('come with HTML pages served by the web app', async () => {
      const response = await app.inject({ method: 'GET', url: '/rug' });
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expectSecurityHeaders(response.headers);
    });
  });

  describe('cross-site requests', () => {
    const post = (headers: Record<string, string>, url = '/api/auth/login'): InjectOptions => ({ method: 'POST', url, payload: { email: 'ada@example.org', password: PASSWORD }, headers, remoteAddress: '198.51.100.20' });

    it('refuses a POST from another site with 403, before looking at the password', async () => {
      const response = await app.inject(post({ origin: EVIL }));
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Cross-site request refused: this server only accepts changes from its own pages.' });
      expect(response.cookies).toEqual([]);
    });

    it('refuses PATCH and POST from another site even with a valid session cookie', async () => {
      const patch = await app.inject({ method: 'PATCH', url: '/api/admin/users/00000000-0000-4000-8000-000000000000', payload: { role: 'admin' }, headers: { origin: EVIL, cookie: admin } });
      expect(patch.statusCode).toBe(403);
      const create = await app.inject({ method: 'POST', url: '/api/admin/users', payload: { email: 'x@example.org', role: 'admin', password: PASSWORD }, headers: { origin: EVIL, cookie: admin } });
      expect(create.statusCode).toBe(403);
    });

    it('refuses a web form POST from another site', async () => {
      expect((await app.inject({ method: 'POST', url: '/signin', payload: 'a=1', headers: { origin: EVIL, 'content-type': 'application/x-www-form-urlencoded' } })).statusCode).toBe(403);
    });

    it('refuses "Origin: null" (sandboxed frames, privacy redirects)', async () => {
      expect((await app.inject(post({ origin: 'null' }))).statusCode).toBe(403);
    });

    it('uses the Referer when a browser sends no Origin', async () => {
      expect((await app.inject(post({ referer: `${EVIL}/phish` }))).statusCode).toBe(403);
      expect((await app.inject(post({ referer: 'http://localhost/signin' }))).statusCode).toBe(200);
    });

    it('accepts a POST from its own origin, and from PUBLIC_ORIGIN', async () => {
      expect((await app.inject(post({ origin: 'http://localhost' }))).statusCode).toBe(200);
      expect((await app.inject(post({ origin: 'https://thrive.example.org' }))).statusCode).toBe(200);
    });

    it('accepts a request with neither Origin nor Referer (not a browser page: curl, scripts)', async () => {
      expect((await app.inject(post({}))).statusCode).toBe(200);
    });

    it('lets GET through from anywhere (reads change nothing)', async () => {
      expect((await app.inject({ method: 'GET', url: '/api/health', headers: { origin: EVIL } })).statusCode).toBe(200);
    });
  });

  describe('request bodies', () => {
    it('refuses a body over BODY_LIMIT_BYTES with 413', async () => {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'ada@example.org', password: 'x'.repeat(5000) } });
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    });
  });
});

describe('behind a load balancer (TRUST_PROXY)', () => {
  const engine = testEngines({})[0];
  if (!engine) throw new Error('no PGlite engine');
  const login = (app: FastifyInstance, headers: Record<string, string>) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x@example.org', password: 'whatever it is' }, headers, remoteAddress: '10.0.0.2' });

  it('takes its own origin from X-Forwarded-Host and -Proto when trusted, and not otherwise', async () => {
    const forwarded = { origin: 'https://thrive.example.org', 'x-forwarded-host': 'thrive.example.org', 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.30' };
    const trusted = await accountsApp(engine, { TRUST_PROXY: 'true' });
    const untrusted = await accountsApp(engine);
    try {
      expect((await login(trusted.app, forwarded)).statusCode).toBe(401);
      expect((await login(untrusted.app, forwarded)).statusCode).toBe(403);
    } finally {
      await Promise.all([trusted.app.close(), untrusted.app.close()]);
    }
  });
});

describe('the client address behind a load balancer that appends to X-Forwarded-For', () => {
  const engine = testEngines({})[0];
  if (!engine) throw new Error('no PGlite engine');
  // The balancer (10.0.0.2) appends the address it saw (198.51.100.30) to whatever the client sent.
  const failWithForgedHop = (app: FastifyInstance, i: number) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: `someone${i}@example.org`, password: 'whatever it is' },
      headers: { 'x-forwarded-for': `203.0.113.${i}, 198.51.100.30` },
      remoteAddress: '10.0.0.2',
    });

  it.each(['1', '10.0.0.0/8', '10.0.0.2'])('ignores a forged leftmost hop with TRUST_PROXY=%s: the failures count against the real client', async (trustProxy) => {
    const t = await accountsApp(engine, { TRUST_PROXY: trustProxy, LOGIN_ADDRESS_MAX_FAILURES: '2' });
    try {
      const statuses = [];
      for (let i = 1; i <= 3; i++) statuses.push((await failWithForgedHop(t.app, i)).statusCode);
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await t.app.close();
    }
  });
});

describe('compression and private pages', () => {
  const engine = testEngines({})[0];
  if (!engine) throw new Error('no PGlite engine');
  let t: TestApp;
  beforeAll(async () => {
    t = await accountsApp(engine);
  });
  afterAll(() => t?.app.close());

  it.each(['br', 'gzip'])('compresses a large API answer with %s when the client accepts it', async (encoding) => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json', headers: { 'accept-encoding': encoding } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe(encoding);
    expect(response.rawPayload.length).toBeLessThan(JSON.stringify(t.app.swagger()).length / 3);
  });

  it('sends it as it is to a client that accepts no compression', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.headers['content-encoding']).toBeUndefined();
  });

  it('marks a page requested with a session cookie private and not to be stored, and leaves others alone', async () => {
    const signedIn = await t.app.inject({ method: 'GET', url: '/rug', headers: { cookie: 'thrive_session=whatever' } });
    expect(signedIn.headers['cache-control']).toBe('private, no-store');
    const anonymous = await t.app.inject({ method: 'GET', url: '/rug' });
    expect(anonymous.headers['cache-control']).toBeUndefined();
  });
});

describe('the general rate limit', () => {
  const engine = testEngines({})[0];
  if (!engine) throw new Error('no PGlite engine');
  let t: TestApp;
  beforeAll(async () => {
    t = await accountsApp(engine, { RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t?.app.close());

  it('answers 429 with Retry-After once a client address passes RATE_LIMIT_PER_MINUTE', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await t.app.inject({ method: 'GET', url: '/api/health', remoteAddress: '203.0.113.9' }));
    expect(statuses.map((r) => r.statusCode)).toEqual([200, 200, 200, 429]);
    const last = statuses[3];
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    expect(last?.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect((await t.app.inject({ method: 'GET', url: '/api/health', remoteAddress: '203.0.113.10' })).statusCode).toBe(200);
  });

  it("does not count this server's own server-side rendering (loopback)", async () => {
    for (let i = 0; i < 5; i++) expect((await t.app.inject({ method: 'GET', url: '/api/health', remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
  });
});

describe('the sign-in flood guard', () => {
  const engine = testEngines({})[0];
  if (!engine) throw new Error('no PGlite engine');

  it('answers 429 after 30 sign-in requests a minute from one address, before any password is checked', async () => {
    const t = await accountsApp(engine);
    try {
      const statuses = [];
      for (let i = 0; i < 31; i++) statuses.push((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: {}, remoteAddress: '203.0.113.77' })).statusCode);
      expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
      expect(statuses[30]).toBe(429);
    } finally {
      await t.app.close();
    }
  });
});
