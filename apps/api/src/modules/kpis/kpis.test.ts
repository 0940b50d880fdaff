import type { Db } from '@thrive/db';
import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApp, addAccount, signInAs } from '../../test-support/accounts.ts';
import { ESTATE, WARD, addWardWithEstate } from '../../test-support/areas.ts';
import { seedAgreeAnswers } from '../../test-support/survey-answers.ts';
import type { SurveyBody } from '../surveys/schemas.ts';
import type { KpiBody, KpiDetailBody } from './schemas.ts';

describe.each(testEngines())('community-defined KPIs on $name', (engine) => {
  let app: FastifyInstance;
  let db: Db;
  let officer: string;
  let partner: string;
  let survey: SurveyBody;

  const post = (url: string, payload: unknown, cookie = officer) =>
    app.inject({ method: 'POST', url, payload: payload as object, headers: { cookie } });
  const kpiBody = () => ({
    areaCode: ESTATE,
    title: 'Safe after dark',
    statement: 'I feel safe walking through the estate after dark.',
    method: 'survey',
    tier: 'T2',
    ripple: 'place',
    direction: 'up',
    baseline: { value: 0.6, period: '2024' },
    target: { value: 0.7, by: '2027' },
    surveyQuestionId: survey.questions[0]!.id,
  });
  const openWave = async (period: string) =>
    (await post(`/api/surveys/${survey.id}/waves`, { period })).json<{ id: string }>().id;

  beforeAll(async () => {
    ({ app, db } = await accountsApp(engine));
    await addWardWithEstate(db);
    await addAccount(db, 'officer');
    await addAccount(db, 'partner');
    officer = await signInAs(app, 'officer@example.org');
    partner = await signInAs(app, 'partner@example.org');
    survey = (
      await post('/api/surveys', {
        title: 'Estate survey',
        areaCode: ESTATE,
        questions: [
          { text: 'I feel safe walking through the estate after dark.', scale: 'agree5' },
        ],
      })
    ).json();
  });
  afterAll(() => app?.close());

  it('lets only officers write, adopt, change and retire KPIs (401 anonymous, 403 partner)', async () => {
    expect(
      (await app.inject({ method: 'POST', url: '/api/kpis', payload: kpiBody() })).statusCode,
    ).toBe(401);
    expect((await post('/api/kpis', kpiBody(), partner)).statusCode).toBe(403);
    const id = crypto.randomUUID();
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/kpis/${id}/adoption`,
          payload: { forum: 'x', adoptedOn: '2025-01-01' },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await app.inject({
          method: 'PATCH',
          url: `/api/kpis/${id}`,
          payload: { title: 'x' },
          headers: { cookie: partner },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/kpis/${id}/retirement`,
          payload: { reason: 'x' },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/api/workshops/ABC123/kpi-drafts' })).statusCode,
    ).toBe(401);
  });

  it('writes a draft KPI that only officers can see until a forum adopts it', async () => {
    const created = await post('/api/kpis', kpiBody());
    expect(created.statusCode).toBe(201);
    const kpi = created.json<KpiDetailBody>();
    expect(kpi).toMatchObject({
      state: 'draft',
      version: 1,
      unit: 'proportion',
      minimumN: 30,
      target: { value: 0.7, by: '2027' },
      baseline: { value: 0.6, period: '2024' },
    });
    expect((await app.inject({ method: 'GET', url: `/api/kpis/${kpi.id}` })).statusCode).toBe(404);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/kpis/${kpi.id}`,
          headers: { cookie: officer },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: `/api/kpis?area=${ESTATE}` })).json<{
        kpis: unknown[];
      }>().kpis,
    ).toEqual([]);
  });

  it('refuses a proportion target given as a percentage, and a measure that does not match the method', async () => {
    const pct = await post('/api/kpis', { ...kpiBody(), target: { value: 75, by: '2027' } });
    expect(pct.statusCode).toBe(400);
    expect(pct.json()).toMatchObject({ field: 'target.value' });
    const mismatch = await post('/api/kpis', { ...kpiBody(), method: 'indicator' });
    expect(mismatch.json()).toMatchObject({ statusCode: 400, field: 'indicatorId' });
  });

  it('keeps every version: an adopted version is never changed, an edit makes a new one', async () => {
    const kpi = (await post('/api/kpis', kpiBody())).json<KpiDetailBody>();
    // Before adoption, an edit rewrites the draft.
    const draftEdit = await app.inject({
      method: 'PATCH',
      url: `/api/kpis/${kpi.id}`,
      payload: { title: 'Safe at night' },
      headers: { cookie: officer },
    });
    expect(draftEdit.json<KpiDetailBody>().versions.map((v) => v.title)).toEqual(['Safe at night']);
    const adopted = await post(`/api/kpis/${kpi.id}/adoption`, {
      forum: 'Estate Residents’ Forum',
      adoptedOn: '2025-03-12',
      minutesUrl: 'https://example.org/minutes/2025-03',
    });
    expect(adopted.statusCode).toBe(201);
    expect(adopted.json()).toMatchObject({
      state: 'adopted',
      adoption: { forum: 'Estate Residents’ Forum', adoptedOn: '2025-03-12' },
    });
    const edited = await app.inject({
      method: 'PATCH',
      url: `/api/kpis/${kpi.id}`,
      payload: { target: { value: 0.8, by: '2028' }, changeNote: 'The forum raised the target' },
      headers: { cookie: officer },
    });
    expect(edited.statusCode).toBe(200);
    const after = edited.json<KpiDetailBody>();
    expect(
      after.versions.map((v) => [v.version, v.target.value, v.adoption?.forum ?? null]),
    ).toEqual([
      [1, 0.7, 'Estate Residents’ Forum'],
      [2, 0.8, null],
    ]);
    expect(after).toMatchObject({
      version: 2,
      state: 'adopted',
      changeNote: 'The forum raised the target',
      title: 'Safe at night',
    });
    // Until a forum adopts version 2, the public sees the wording and target residents adopted.
    const publicView = (await app.inject({ url: `/api/kpis/${kpi.id}` })).json<KpiDetailBody>();
    expect(publicView).toMatchObject({ version: 1, target: { value: 0.7, by: '2027' } });
    expect(publicView.versions.map((v) => v.version)).toEqual([1]);
    const listed = (await app.inject({ url: `/api/kpis?area=${ESTATE}` })).json<{ kpis: KpiBody[] }>();
    expect(listed.kpis.find((k) => k.id === kpi.id)).toMatchObject({ version: 1, target: { value: 0.7 } });
    expect(
      (await post(`/api/kpis/${kpi.id}/adoption`, { forum: 'Forum', adoptedOn: '2025-06-01' }))
        .statusCode,
    ).toBe(201);
    expect((await app.inject({ url: `/api/kpis/${kpi.id}` })).json<KpiDetailBody>()).toMatchObject({
      version: 2,
      target: { value: 0.8, by: '2028' },
    });
    expect(
      (await post(`/api/kpis/${kpi.id}/adoption`, { forum: 'Forum', adoptedOn: '2025-06-02' }))
        .statusCode,
    ).toBe(409);
  });

  it('lists adopted KPIs by area, and a ward lists its estates’ KPIs too', async () => {
    const onEstate = (await app.inject({ method: 'GET', url: `/api/kpis?area=${ESTATE}` })).json<{
      kpis: { areaCode: string; state: string }[];
    }>().kpis;
    expect(onEstate.length).toBeGreaterThan(0);
    expect(onEstate.every((k) => k.areaCode === ESTATE && k.state === 'adopted')).toBe(true);
    const onWard = (await app.inject({ method: 'GET', url: `/api/kpis?area=${WARD}` })).json<{
      kpis: unknown[];
    }>().kpis;
    expect(onWard).toHaveLength(onEstate.length);
  });

  it('retires a KPI only with a reason, keeping it and its history', async () => {
    const kpi = (await post('/api/kpis', kpiBody())).json<KpiDetailBody>();
    expect((await post(`/api/kpis/${kpi.id}/retirement`, { reason: '' })).statusCode).toBe(400);
    const retired = await post(`/api/kpis/${kpi.id}/retirement`, {
      reason: 'Replaced by a question residents wrote themselves',
    });
    expect(retired.json()).toMatchObject({
      state: 'retired',
      retiredReason: 'Replaced by a question residents wrote themselves',
    });
    expect((await post(`/api/kpis/${kpi.id}/retirement`, { reason: 'again' })).statusCode).toBe(
      409,
    );
  });

  it('measures each wave: 45 of 60 agreeing is 0.75 (Wilson 0.628–0.842), on track, a real rise from 30 of 60', async () => {
    const kpi = (
      await post('/api/kpis', { ...kpiBody(), baseline: { value: 0.5, period: 'baseline-2024' } })
    ).json<KpiDetailBody>();
    await post(`/api/kpis/${kpi.id}/adoption`, { forum: 'Forum', adoptedOn: '2025-01-10' });
    await seedAgreeAnswers(db, survey, await openWave('baseline-2024'), 60, 30);
    await seedAgreeAnswers(db, survey, await openWave('2025-Q1'), 60, 45);
    await seedAgreeAnswers(db, survey, await openWave('2025-Q2'), 4, 2);
    const detail = (
      await app.inject({ method: 'GET', url: `/api/kpis/${kpi.id}` })
    ).json<KpiDetailBody>();
    const byPeriod = Object.fromEntries(detail.periods.map((p) => [p.period, p]));
    expect(byPeriod['baseline-2024']).toMatchObject({
      value: 0.5,
      n: 60,
      status: 'off_track',
      change: null,
    });
    const q1 = byPeriod['2025-Q1']!;
    expect(q1).toMatchObject({ value: 0.75, n: 60, status: 'on_track', suppressed: false });
    expect(q1.lower).toBeCloseTo(0.628, 3);
    expect(q1.upper).toBeCloseTo(0.842, 3);
    // Newcombe (1998) method 10 for 45/60 − 30/60: 0.25, 95% 0.077 to 0.403: real.
    expect(q1.change).toMatchObject({ real: true, improving: true });
    expect(q1.change?.lower).toBeCloseTo(0.0768, 3);
    // Four answers: n is never shown and the period is not yet measurable.
    expect(byPeriod['2025-Q2']).toMatchObject({
      value: null,
      n: null,
      status: 'not_yet_measurable',
    });
    expect(detail.latest).toMatchObject({ period: '2025-Q2' });
  });

  it('measures a pin metric: the share of residents’ pins with a reply, per year of the workshop', async () => {
    const workshop = await db.db
      .insertInto('workshop')
      .values({
        code: 'PMTRCX',
        title: 'Parks walk',
        area_code: ESTATE,
        starts_on: '2025-05-01',
        themes: JSON.stringify(['parks']),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 12; i++) {
      const id = crypto.randomUUID();
      await db.db
        .insertInto('pin')
        .values({
          id,
          workshop_id: workshop.id,
          participant_id: null,
          kind: 'issue',
          theme: 'parks',
          text: `pin ${i}`,
          public_text: `pin ${i}`,
          moderation: 'published',
          content_hash: id,
          ...(i < 6
            ? { response_status: 'heard', response_reply: 'Thank you', response_at: new Date() }
            : {}),
        })
        .execute();
    }
    const created = await post('/api/kpis', {
      ...kpiBody(),
      surveyQuestionId: undefined,
      method: 'pin_metric',
      pinMetric: { measure: 'share_answered', theme: 'Parks' },
      baseline: undefined,
      target: { value: 0.9, by: '2027' },
    });
    expect(created.statusCode).toBe(201);
    const kpi = created.json<KpiDetailBody>();
    expect(kpi).toMatchObject({ unit: 'proportion', minimumN: 10 });
    expect(kpi.periods).toEqual([
      expect.objectContaining({
        period: '2025',
        value: 0.5,
        n: 12,
        status: 'off_track',
        method: 'wilson',
      }),
    ]);
  });

  it('reads an official indicator for the KPI’s area, judged against the residents’ own target', async () => {
    await db.db
      .insertInto('indicator')
      .values({
        id: 'test_rate',
        title: 'Test rate',
        short_label: 'Test',
        unit: 'proportion',
        value_type: 'proportion',
        polarity: 'low_is_good',
        theme: null,
        source: 'test',
        licence: 'OGL',
        definition: 'A test',
        tier: null,
        ripple: null,
      })
      .execute();
    await db.db
      .insertInto('indicator_value')
      .values({
        indicator_id: 'test_rate',
        area_code: ESTATE,
        period: '2019',
        value: 0.18,
        numerator: null,
        denominator: null,
        lower_ci: 0.16,
        upper_ci: 0.2,
        note: null,
      })
      .execute();
    const kpi = (
      await post('/api/kpis', {
        ...kpiBody(),
        surveyQuestionId: undefined,
        method: 'indicator',
        indicatorId: 'test_rate',
        direction: 'down',
        baseline: undefined,
        target: { value: 0.15, by: '2030' },
      })
    ).json<KpiDetailBody>();
    expect(kpi.periods).toEqual([
      expect.objectContaining({
        period: '2019',
        value: 0.18,
        lower: 0.16,
        upper: 0.2,
        status: 'off_track',
        method: 'official',
      }),
    ]);
  });

  it('offers templates, each naming its source', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/kpi-templates' });
    const { templates } = r.json<{ templates: { id: string; source: { publisher: string } }[] }>();
    expect(templates.find((t) => t.id === 'nef-conditions-to-thrive')?.source.publisher).toMatch(
      /NEF/,
    );
    expect(templates.every((t) => t.source.publisher.length > 0)).toBe(true);
  });

  it('suggests drafts from a workshop’s most-supported themes, quoting its pins verbatim', async () => {
    const workshop = await db.db
      .insertInto('workshop')
      .values({
        code: 'KPDRFT',
        title: 'Spring walkabout',
        area_code: ESTATE,
        themes: JSON.stringify(['safety', 'homes']),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const people = await Promise.all(
      [1, 2, 3].map(
        async () =>
          (
            await db.db
              .insertInto('participant')
              .values({ token_hash: crypto.randomUUID(), workshop_id: workshop.id })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
      ),
    );
    const pin = async (
      theme: string,
      text: string,
      moderation: 'published' | 'hidden' = 'published',
    ) => {
      const id = crypto.randomUUID();
      await db.db
        .insertInto('pin')
        .values({
          id,
          workshop_id: workshop.id,
          participant_id: people[0]!,
          kind: 'aspiration',
          theme,
          text,
          public_text: `${text} (public)`,
          moderation,
          content_hash: id,
        })
        .execute();
      return id;
    };
    const lights = await pin('safety', 'Brighter lights on the underpass');
    await pin('safety', 'A path that is not so dark');
    await pin('homes', 'Fix the damp in Block C');
    await pin('homes', 'SECRET hidden pin', 'hidden');
    for (const p of people)
      await db.db.insertInto('pin_support').values({ pin_id: lights, participant_id: p }).execute();
    const r = await app.inject({
      method: 'GET',
      url: '/api/workshops/kpdrft/kpi-drafts',
      headers: { cookie: officer },
    });
    expect(r.statusCode).toBe(200);
    const body = r.json<{
      themes: { theme: string }[];
      drafts: {
        statement: string;
        quote: { pinId: string; support: number };
        ripple: string;
        originRef: string;
      }[];
    }>();
    expect(body.themes.map((t) => t.theme)).toEqual(['safety', 'homes']);
    expect(body.drafts[0]).toMatchObject({
      statement: 'Brighter lights on the underpass (public)',
      quote: { pinId: lights, support: 3 },
      ripple: 'place',
      originRef: workshop.id,
    });
    expect(r.body).not.toContain('SECRET');
  });
});
