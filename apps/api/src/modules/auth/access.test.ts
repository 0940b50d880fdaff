// The permission table, checked against the running server: every registered route has a rule,
// and every protected route refuses the anonymous (401) and the wrong roles (403) and serves
// the right ones (2xx). The cases are generated from the table, not listed by hand; a protected
// route without a request fixture below fails the suite.
import { ROLES } from '@thrive/db';
import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance, InjectOptions } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApp, addAccount, PASSWORD, signInAs, type TestApp } from '../../test-support/accounts.ts';
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
  /** Block inspections: a block, an item, an inspection with a photo, an action to answer, and an invite link to stop (stopping it again answers the same). */
  inspection: { blockId: string; itemId: string; inspectionId: string; actionId: string; inviteId: string };
  /** A regeneration programme with a strand and an objective (issue 13). */
  programme: { id: string; strandId: string; objectiveId: string };
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
  'POST /api/admin/users/:id/password': ({ subjectId }) => ({
    url: `/api/admin/users/${subjectId}/password`,
    payload: { password: `a temporary password ${++made}` },
  }),
  // Each role's account changes its password once (the session it asks with goes on).
  'POST /api/auth/password': () => ({
    url: '/api/auth/password',
    payload: { current: PASSWORD, password: `a brand new password ${++made}` },
  }),
  // An officer's own boundaries and indicators (a fresh area and indicator each time).
  'POST /api/imports/boundaries': () => ({
    url: '/api/imports/boundaries',
    payload: {
      fileName: 'estate.geojson',
      level: 'estate',
      parent: AREAS.ward.code,
      geojson: JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: `EST${++made}`, name: 'Test estate' },
            geometry: { type: 'Polygon', coordinates: [[[0.1, 51.1], [0.2, 51.1], [0.2, 51.2], [0.1, 51.1]]] },
          },
        ],
      }),
    },
  }),
  'POST /api/imports/indicators': () => {
    const id = `own_indicator_${++made}`;
    return {
      url: '/api/imports/indicators',
      payload: {
        csv: `indicator_id,area_code,period,value,numerator,denominator,lower_ci,upper_ci\n${id},${AREAS.ward.code},2024,12.5,,,,\n`,
        definitions: JSON.stringify([
          { id, title: 'Own indicator', unit: '%', valueType: 'proportion', polarity: 'no_judgement', source: 'Council survey', licence: 'OGL v3.0', definition: 'A test.' },
        ]),
      },
    };
  },
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
  // Regeneration programmes (issue 13): officers write, everyone reads.
  'POST /api/programmes': () => ({ url: '/api/programmes', payload: newProgramme() }),
  'PATCH /api/programmes/:id': ({ programme }) => ({
    url: `/api/programmes/${programme.id}`,
    payload: { name: `Regeneration ${++made}` },
  }),
  'POST /api/programmes/:id/strands': ({ programme }) => ({
    url: `/api/programmes/${programme.id}/strands`,
    payload: { name: `Strand ${++made}` },
  }),
  'POST /api/programmes/:id/objectives': ({ programme }) => ({
    url: `/api/programmes/${programme.id}/objectives`,
    payload: { strandId: programme.strandId, text: `Objective ${++made}` },
  }),
  'POST /api/programmes/:id/updates': ({ programme }) => ({
    url: `/api/programmes/${programme.id}/updates`,
    payload: { objectiveId: programme.objectiveId, onDate: '2026-11-30', text: `Update ${++made}` },
  }),
  'POST /api/programmes/:id/outputs': ({ programme }) => ({
    url: `/api/programmes/${programme.id}/outputs`,
    payload: { label: 'Homes started', count: 12, onDate: '2026-11-30', source: 'Housing team' },
  }),
  // Block inspections (on the hand-made ward: officers may choose any area).
  'POST /api/estates/:code/standards': () => ({
    url: `/api/estates/${AREAS.ward.code}/standards`,
    payload: { items: [{ title: 'Stairwells clean', description: 'Swept', scale: 'meets', target: 0.95 }] },
  }),
  'POST /api/estates/:code/blocks': () => ({
    url: `/api/estates/${AREAS.ward.code}/blocks`,
    payload: { name: `Block ${++made}`, lon: -0.47, lat: 51.75 },
  }),
  'POST /api/estates/:code/blocks/import': () => ({
    url: `/api/estates/${AREAS.ward.code}/blocks/import`,
    payload: {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: `Outline ${++made}` }, geometry: { type: 'Polygon', coordinates: [[[-0.47, 51.75], [-0.46, 51.75], [-0.46, 51.76], [-0.47, 51.75]]] } }],
    },
  }),
  'POST /api/estates/:code/inspectors': () => ({ url: `/api/estates/${AREAS.ward.code}/inspectors` }),
  'GET /api/estates/:code/inspector-invites': () => ({ url: `/api/estates/${AREAS.ward.code}/inspector-invites` }),
  'DELETE /api/estates/:code/inspector-invites/:id': ({ inspection }) => ({
    url: `/api/estates/${AREAS.ward.code}/inspector-invites/${inspection.inviteId}`,
  }),
  'GET /api/inspections/:id/photo': ({ inspection }) => ({ url: `/api/inspections/${inspection.inspectionId}/photo` }),
  'PUT /api/inspection-items/:id/example-photo': ({ inspection, jpeg }) => ({
    url: `/api/inspection-items/${inspection.itemId}/example-photo`,
    payload: jpeg,
    headers: { 'content-type': 'image/jpeg' },
  }),
  'POST /api/inspection-actions': ({ inspection }) => ({
    url: '/api/inspection-actions',
    payload: { blockId: inspection.blockId, itemId: inspection.itemId, period: '2026-01' },
  }),
  'PATCH /api/inspection-actions/:id': ({ inspection }) => ({
    url: `/api/inspection-actions/${inspection.actionId}`,
    payload: { reply: `Cleaned ${++made}` },
  }),
};

/** A programme body on the hand-made ward. */
function newProgramme(): Record<string, unknown> {
  return { name: `Regeneration ${++made}`, startsOn: '2026-04-01', areaCodes: [AREAS.ward.code] };
}

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
    inspection: { blockId: '', itemId: '', inspectionId: '', actionId: '', inviteId: '' },
    programme: { id: '', strandId: '', objectiveId: '' },
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
    // A programme with a strand and an objective.
    const programme = await app.inject({
      method: 'POST',
      url: '/api/programmes',
      headers: officer,
      payload: newProgramme(),
    });
    expect(programme.statusCode, programme.body).toBe(201);
    const strandId = programme.json<{ strands: { id: string }[] }>().strands[0]!.id;
    context.programme = { id: programme.json<{ id: string }>().id, strandId, objectiveId: '' };
    const objective = await app.inject({
      method: 'POST',
      url: `/api/programmes/${context.programme.id}/objectives`,
      headers: officer,
      payload: { strandId, text: 'Residents shape the hub' },
    });
    expect(objective.statusCode, objective.body).toBe(201);
    context.programme.objectiveId = objective.json<{ strands: { objectives: { id: string }[] }[] }>().strands[0]!.objectives[0]!.id;
    for (let i = 0; i < 6; i++) {
      context.drafts.push(await kpi());
      context.retirable.push(await kpi());
    }
    // Block inspections: a standard, a block, an inspector's inspection with a photo, an action.
    const officerPost = async (url: string, payload?: object) => {
      const response = await app.inject({ method: 'POST', url, headers: officer, ...(payload ? { payload } : {}) });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<Record<string, unknown>>();
    };
    const estate = `/api/estates/${AREAS.ward.code}`;
    const standard = await officerPost(`${estate}/standards`, FIXTURES['POST /api/estates/:code/standards']!(context).payload as object);
    context.inspection.itemId = (standard.items as { id: string }[])[0]!.id;
    context.inspection.blockId = (await officerPost(`${estate}/blocks`, { name: 'Access block', lon: -0.47, lat: 51.75 })).id as string;
    const invite = new URL((await officerPost(`${estate}/inspectors`)).inviteUrl as string);
    const opened = await app.inject({ method: 'GET', url: invite.pathname });
    const inspector = { cookie: `thrive_participant=${opened.cookies.find((c) => c.name === 'thrive_participant')!.value}` };
    context.inspection.inspectionId = crypto.randomUUID();
    const inspected = await app.inject({
      method: 'POST',
      url: '/api/inspections',
      headers: inspector,
      payload: { id: context.inspection.inspectionId, blockId: context.inspection.blockId, inspectedOn: '2026-01-10', scores: [{ itemId: context.inspection.itemId, value: 0 }] },
    });
    expect(inspected.statusCode, inspected.body).toBe(201);
    const photo = await app.inject({
      method: 'PUT',
      url: `/api/inspections/${context.inspection.inspectionId}/photo`,
      headers: { ...inspector, 'content-type': 'image/jpeg' },
      payload: context.jpeg,
    });
    expect(photo.statusCode, photo.body).toBe(201);
    context.inspection.actionId = (await officerPost('/api/inspection-actions', { blockId: context.inspection.blockId, itemId: context.inspection.itemId, period: '2026-01' })).id as string;
    // A second link, newest first in the list: the one the DELETE fixture stops (not the inspector's).
    await officerPost(`${estate}/inspectors`);
    const invites = await app.inject({ method: 'GET', url: `${estate}/inspector-invites`, headers: officer });
    context.inspection.inviteId = invites.json<{ invites: { id: string }[] }>().invites[0]!.id;
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

  // Builds a whole app on a fresh database: seconds, or a minute when CI shares its cores.
  it('refuses to start when a route has no rule', { timeout: 120_000 }, async () => {
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
