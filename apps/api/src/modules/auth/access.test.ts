// The permission table, checked against the running server: every registered route has a rule,
// and every protected route refuses the anonymous (401) and the wrong roles (403) and serves
// the right ones (2xx). The cases are generated from the table, not listed by hand; a protected
// route without a request fixture below fails the suite.
import { ROLES } from '@thrive/db';
import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance, InjectOptions } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApp, addAccount, signInAs, type TestApp } from '../../test-support/accounts.ts';
import { addTestAreas, AREAS, joinAs, newPin } from '../../test-support/workshops.ts';
import {
  findRule,
  PERMISSIONS,
  rolesDenied,
  type Audience,
  type PermissionRule,
} from './permissions.ts';

interface Context {
  /** An account the admin routes can change. */
  subjectId: string;
  /** A workshop on the hand-made ward, and a published pin of the test participant in it. */
  workshopId: string;
  pinId: string;
  /** Pins made only to be removed, one per DELETE request. */
  removable: string[];
  /** A small real JPEG for the photo route. */
  jpeg: Buffer;
  /** A survey question behind survey KPIs, and KPIs to change: drafts to adopt, KPIs to retire. */
  surveyId: string;
  questionId: string;
  kpiId: string;
  drafts: string[];
  retirable: string[];
  /** A finished import job to read. */
  importJobId: string;
}

type Fixture = (context: Context) => Pick<InjectOptions, 'url' | 'payload' | 'query' | 'headers'>;

let made = 0;
let importsStarted = 0;
/** One request per protected route, keyed "METHOD url"; fresh values on every call. */
const FIXTURES: Record<string, Fixture> = {
  'GET /api/admin/users': () => ({ url: '/api/admin/users' }),
  'POST /api/admin/users': () => ({
    url: '/api/admin/users',
    payload: {
      email: `new${++made}@example.org`,
      role: 'partner',
      password: 'a long enough password',
    },
  }),
  'PATCH /api/admin/users/:id': ({ subjectId }) => ({
    url: `/api/admin/users/${subjectId}`,
    payload: { name: `Renamed ${++made}` },
  }),
  'GET /api/admin/audit': () => ({ url: '/api/admin/audit', query: { limit: '5' } }),
  // A real load from the data mirror, a different authority each time (one job per authority runs at once).
  'POST /api/imports/authorities': () => ({
    url: '/api/imports/authorities',
    payload: { code: ['E07000096', 'E06000042'][importsStarted++ % 2] },
  }),
  'GET /api/imports/:job': ({ importJobId }) => ({ url: `/api/imports/${importJobId}` }),
  // Residents' workshops.
  'POST /api/workshops': () => ({
    url: '/api/workshops',
    payload: { title: `Walkabout ${++made}`, areaCode: AREAS.ward.code },
  }),
  'GET /api/workshops': () => ({ url: '/api/workshops' }),
  'GET /api/workshops/:ref': ({ workshopId }) => ({ url: `/api/workshops/${workshopId}` }),
  'PATCH /api/workshops/:ref': ({ workshopId }) => ({
    url: `/api/workshops/${workshopId}`,
    payload: { title: `Walkabout ${++made}` },
  }),
  'GET /api/workshops/:ref/me': ({ workshopId }) => ({ url: `/api/workshops/${workshopId}/me` }),
  'PUT /api/workshops/:ref/me/about': ({ workshopId }) => ({
    url: `/api/workshops/${workshopId}/me/about`,
    payload: { ageBand: '25_44' },
  }),
  'POST /api/workshops/:ref/pins': ({ workshopId }) => ({
    url: `/api/workshops/${workshopId}/pins`,
    payload: newPin(),
  }),
  'GET /api/workshops/:ref/pins/all': ({ workshopId }) => ({
    url: `/api/workshops/${workshopId}/pins/all`,
  }),
  'POST /api/workshops/:ref/pins/:id/support': ({ workshopId, pinId }) => ({
    url: `/api/workshops/${workshopId}/pins/${pinId}/support`,
  }),
  'PATCH /api/pins/:id': ({ pinId }) => ({
    url: `/api/pins/${pinId}`,
    payload: { moderation: 'published', reason: 'Checked' },
  }),
  'DELETE /api/pins/:id': ({ removable }) => ({
    url: `/api/pins/${removable.pop() ?? 'none-left'}`,
    payload: { reason: 'Asked to remove it' },
  }),
  'POST /api/pins/:id/responses': ({ pinId }) => ({
    url: `/api/pins/${pinId}/responses`,
    payload: { status: 'heard', reply: 'Thank you, we have read this.' },
  }),
  'PUT /api/workshops/:ref/pins/:id/photo': ({ workshopId, pinId, jpeg }) => ({
    url: `/api/workshops/${workshopId}/pins/${pinId}/photo`,
    payload: jpeg,
    headers: { 'content-type': 'image/jpeg' },
  }),
  'GET /api/workshops/:ref/export.geojson': ({ workshopId }) => ({
    url: `/api/workshops/${workshopId}/export.geojson`,
  }),
  'GET /api/workshops/:ref/export.csv': ({ workshopId }) => ({
    url: `/api/workshops/${workshopId}/export.csv`,
  }),
  'GET /api/workshops/:ref/analysis': ({ workshopId }) => ({
    url: `/api/workshops/${workshopId}/analysis`,
  }),
  // Community-defined KPIs and their surveys.
  'GET /api/kpis/all': () => ({ url: '/api/kpis/all', query: { area: AREAS.ward.code } }),
  'POST /api/kpis': ({ questionId }) => ({ url: '/api/kpis', payload: surveyKpi(questionId) }),
  'PATCH /api/kpis/:id': ({ kpiId }) => ({
    url: `/api/kpis/${kpiId}`,
    payload: { title: `Safe after dark ${++made}` },
  }),
  'POST /api/kpis/:id/adoption': ({ drafts }) => ({
    url: `/api/kpis/${drafts.pop() ?? 'none-left'}/adoption`,
    payload: { forum: 'Meadow Residents Forum', adoptedOn: '2026-11-20' },
  }),
  'POST /api/kpis/:id/retirement': ({ retirable }) => ({
    url: `/api/kpis/${retirable.pop() ?? 'none-left'}/retirement`,
    payload: { reason: 'Replaced by a clearer measure' },
  }),
  'GET /api/workshops/:ref/kpi-drafts': ({ workshopId }) => ({
    url: `/api/workshops/${workshopId}/kpi-drafts`,
  }),
  'POST /api/surveys': () => ({
    url: '/api/surveys',
    payload: {
      title: `Feeling safe ${++made}`,
      areaCode: AREAS.ward.code,
      questions: [{ text: 'I feel safe walking through the estate after dark', scale: 'agree5' }],
    },
  }),
  'GET /api/surveys': () => ({ url: '/api/surveys' }),
  'POST /api/surveys/:id/waves': ({ surveyId }) => ({
    url: `/api/surveys/${surveyId}/waves`,
    payload: { period: `20${10 + ++made}` },
  }),
};

/** A survey KPI body on the hand-made ward. */
function surveyKpi(questionId: string): Record<string, unknown> {
  return {
    areaCode: AREAS.ward.code,
    title: `Safe after dark ${++made}`,
    statement: 'I feel safe walking through the estate after dark',
    method: 'survey',
    tier: 'T1',
    ripple: 'place',
    direction: 'up',
    target: { value: 0.8, by: '2030' },
    surveyQuestionId: questionId,
  };
}

const protectedRules = PERMISSIONS.filter(
  (r): r is PermissionRule & { allow: readonly Audience[] } => r.allow !== 'public',
);
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
  const cookies = new Map<Audience, string>();
  const context: Context = {
    subjectId: '',
    workshopId: '',
    pinId: '',
    removable: [],
    jpeg: Buffer.alloc(0),
    surveyId: '',
    questionId: '',
    kpiId: '',
    drafts: [],
    retirable: [],
    importJobId: '',
  };

  beforeAll(async () => {
    t = await accountsApp(engine);
    app = t.app;
    for (const role of ROLES) {
      await addAccount(t.db, role);
      cookies.set(role, await signInAs(app, `${role}@example.org`));
    }
    context.subjectId = (await addAccount(t.db, 'partner', 'subject@example.org')).id;
    const job = await t.db.db
      .insertInto('import_job')
      .values({ kind: 'authority', target: 'E07000096', status: 'done', actor_id: null, result: null, error: null, finished_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    context.importJobId = job.id;
    // A workshop with a participant and their pins, for the residents' routes.
    await addTestAreas(t.db);
    const workshop = await app.inject({
      method: 'POST',
      url: '/api/workshops',
      headers: { cookie: cookies.get('officer') },
      payload: { title: 'Access walkabout', areaCode: AREAS.ward.code },
    });
    context.workshopId = workshop.json<{ id: string }>().id;
    const participant = await joinAs(app, context.workshopId);
    cookies.set('participant', participant);
    const post = (pin: { id: string }) =>
      app.inject({
        method: 'POST',
        url: `/api/workshops/${context.workshopId}/pins`,
        headers: { cookie: participant },
        payload: pin,
      });
    const pin = newPin();
    expect((await post(pin)).statusCode).toBe(201);
    context.pinId = pin.id;
    for (let i = 0; i < 6; i++) {
      const removable = newPin();
      expect((await post(removable)).statusCode).toBe(201);
      context.removable.push(removable.id);
    }
    context.jpeg = await sharp({
      create: { width: 8, height: 8, channels: 3, background: '#3366aa' },
    })
      .jpeg()
      .toBuffer();
    // A survey and KPIs on it.
    const officer = { cookie: cookies.get('officer') };
    const survey = await app.inject({
      method: 'POST',
      url: '/api/surveys',
      headers: officer,
      payload: FIXTURES['POST /api/surveys']!(context).payload,
    });
    expect(survey.statusCode, survey.body).toBe(201);
    context.surveyId = survey.json<{ id: string }>().id;
    context.questionId = survey.json<{ questions: { id: string }[] }>().questions[0]!.id;
    const kpi = async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/kpis',
        headers: officer,
        payload: surveyKpi(context.questionId),
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ id: string }>().id;
    };
    context.kpiId = await kpi();
    for (let i = 0; i < 6; i++) {
      context.drafts.push(await kpi());
      context.retirable.push(await kpi());
    }
  });
  afterAll(() => app?.close());

  it('has a rule for every registered route, the web catch-all, /api/* and the docs included', () => {
    const { routes, missing, unused } = app.permissionCoverage();
    expect(missing).toEqual([]);
    expect(unused).toEqual([]);
    const urls = new Set(routes.map((r) => r.url));
    for (const url of [
      '/*',
      '/',
      '/api/*',
      '/api/docs',
      '/api/docs/json',
      '/api/health',
      '/api/auth/login',
    ])
      expect(urls).toContain(url);
    expect(routes.length).toBeGreaterThan(40);
  });

  it('refuses to start when a route has no rule', async () => {
    const rules = PERMISSIONS.filter((r) => r.url !== '/api/health');
    await expect(accountsApp(engine, {}, { permissions: rules })).rejects.toThrow(
      'routes without a permission rule (add them to modules/auth/permissions.ts): GET /api/health, HEAD /api/health',
    );
  });

  it('still answers an unknown API path with 404, signed in or not', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/admin/nothing-here' })).statusCode).toBe(
      404,
    );
    expect(
      (
        await app.inject({
          method: 'DELETE',
          url: '/api/admin/users',
          headers: { cookie: cookies.get('admin') },
        })
      ).statusCode,
    ).toBe(404);
  });

  describe.each(protectedRules.map((rule) => ({ rule, name: key(rule) })))('$name', ({ rule }) => {
    const request = (cookie?: string): InjectOptions => {
      const fixture = FIXTURES[key(rule)];
      if (!fixture) throw new Error(`no fixture for ${key(rule)}`);
      const { headers, ...rest } = fixture(context);
      return {
        method: rule.method as InjectOptions['method'],
        ...rest,
        headers: { ...headers, ...(cookie ? { cookie } : {}) },
      };
    };

    it('answers 401 to someone not signed in', async () => {
      const response = await app.inject(request());
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Sign in to do this.',
      });
    });

    it.each(rolesDenied(rule.allow))('answers 403 to a signed-in %s', async (role) => {
      const response = await app.inject(request(cookies.get(role)));
      expect(response.statusCode).toBe(403);
      expect(response.json<{ message: string }>().message).toContain(
        `Your role (${role}) cannot do this`,
      );
    });

    // Routes open to participants are checked for the right workshop in their own suites.
    if (!rule.allow.includes('participant'))
      it('answers 403 to a workshop participant', async () => {
        const response = await app.inject(request(cookies.get('participant')));
        expect(response.statusCode).toBe(403);
        expect(response.json<{ message: string }>().message).toBe(
          'Workshop participants cannot do this.',
        );
      });

    it.each([...rule.allow])('serves a signed-in %s', { timeout: 60_000 }, async (role) => {
      const response = await app.inject(request(cookies.get(role)));
      expect(response.statusCode, response.body).toBeGreaterThanOrEqual(200);
      expect(response.statusCode, response.body).toBeLessThan(300);
      expect(response.headers['cache-control']).toBe('no-store');
    });
  });

  it('finds the rule of a HEAD request under GET', () => {
    expect(findRule(PERMISSIONS, 'HEAD', '/api/admin/users')?.allow).toEqual(['admin']);
  });
});
