// The permission table, checked against the running server: every registered route has a rule,
// and every protected route refuses the anonymous (401) and the wrong roles (403) and serves
// the right ones (2xx). The cases are generated from the table, not listed by hand; a protected
// route without a request fixture below fails the suite.
import { ROLES, type Role } from '@thrive/db';
import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApp, addAccount, signInAs, type TestApp } from '../../test-support/accounts.ts';
import { findRule, PERMISSIONS, rolesDenied, type PermissionRule } from './permissions.ts';

interface Context {
  /** An account the admin routes can change. */
  subjectId: string;
}

type Fixture = (context: Context) => Pick<InjectOptions, 'url' | 'payload' | 'query'>;

let made = 0;
/** One request per protected route, keyed "METHOD url"; fresh values on every call. */
const FIXTURES: Record<string, Fixture> = {
  'GET /api/admin/users': () => ({ url: '/api/admin/users' }),
  'POST /api/admin/users': () => ({ url: '/api/admin/users', payload: { email: `new${++made}@example.org`, role: 'partner', password: 'a long enough password' } }),
  'PATCH /api/admin/users/:id': ({ subjectId }) => ({ url: `/api/admin/users/${subjectId}`, payload: { name: `Renamed ${++made}` } }),
  'GET /api/admin/audit': () => ({ url: '/api/admin/audit', query: { limit: '5' } }),
  // A real load of Dacorum from the data mirror.
  'POST /api/imports/authorities': () => ({ url: '/api/imports/authorities', payload: { code: 'E07000096' } }),
};

const protectedRules = PERMISSIONS.filter((r): r is PermissionRule & { allow: readonly Role[] } => r.allow !== 'public');
const key = (rule: PermissionRule) => `${rule.method} ${rule.url}`;

describe('the permission table', () => {
  it('has a request fixture for every protected route', () => {
    expect(protectedRules.map(key).filter((k) => !(k in FIXTURES))).toEqual([]);
  });

  it('names each method and URL once', () => {
    const keys = PERMISSIONS.map(key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe.each(testEngines())('permissions on $name', (engine) => {
  let t: TestApp;
  let app: FastifyInstance;
  const cookies = new Map<Role, string>();
  const context: Context = { subjectId: '' };

  beforeAll(async () => {
    t = await accountsApp(engine);
    app = t.app;
    for (const role of ROLES) {
      await addAccount(t.db, role);
      cookies.set(role, await signInAs(app, `${role}@example.org`));
    }
    context.subjectId = (await addAccount(t.db, 'partner', 'subject@example.org')).id;
  });
  afterAll(() => app?.close());

  it('has a rule for every registered route, the web catch-all, /api/* and the docs included', () => {
    const { routes, missing, unused } = app.permissionCoverage();
    expect(missing).toEqual([]);
    expect(unused).toEqual([]);
    const urls = new Set(routes.map((r) => r.url));
    for (const url of ['/*', '/', '/api/*', '/api/docs', '/api/docs/json', '/api/health', '/api/auth/login']) expect(urls).toContain(url);
    expect(routes.length).toBeGreaterThan(40);
  });

  it('refuses to start when a route has no rule', async () => {
    const rules = PERMISSIONS.filter((r) => r.url !== '/api/health');
    await expect(accountsApp(engine, {}, { permissions: rules })).rejects.toThrow('routes without a permission rule (add them to modules/auth/permissions.ts): GET /api/health, HEAD /api/health');
  });

  it('still answers an unknown API path with 404, signed in or not', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/admin/nothing-here' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: '/api/admin/users', headers: { cookie: cookies.get('admin') } })).statusCode).toBe(404);
  });

  describe.each(protectedRules.map((rule) => ({ rule, name: key(rule) })))('$name', ({ rule }) => {
    const request = (cookie?: string): InjectOptions => {
      const fixture = FIXTURES[key(rule)];
      if (!fixture) throw new Error(`no fixture for ${key(rule)}`);
      return { method: rule.method as InjectOptions['method'], ...fixture(context), headers: cookie ? { cookie } : {} };
    };

    it('answers 401 to someone not signed in', async () => {
      const response = await app.inject(request());
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Sign in to do this.' });
    });

    it.each(rolesDenied(rule.allow))('answers 403 to a signed-in %s', async (role) => {
      const response = await app.inject(request(cookies.get(role)));
      expect(response.statusCode).toBe(403);
      expect(response.json<{ message: string }>().message).toContain(`Your role (${role}) cannot do this`);
    });

    it.each([...rule.allow])('serves a signed-in %s', { timeout: 60_000 }, async (role) => {
      const response = await app.inject(request(cookies.get(role as Role)));
      expect(response.statusCode, response.body).toBeGreaterThanOrEqual(200);
      expect(response.statusCode, response.body).toBeLessThan(300);
      expect(response.headers['cache-control']).toBe('no-store');
    });
  });

  it('finds the rule of a HEAD request under GET', () => {
    expect(findRule(PERMISSIONS, 'HEAD', '/api/admin/users')?.allow).toEqual(['admin']);
  });
});
