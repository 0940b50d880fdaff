// Programmes and their board report on both engines: officers write strands, objectives, dated
// updates and recorded outputs; the report sets them beside computed figures that match the
// engagement API to the digit, and nothing typed in can change a computed figure.
import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApp, addAccount, signInAs, type TestApp } from '../../test-support/accounts.ts';
import { addHandMadeEngagement, ESTATE, QUIET_ESTATE } from '../../test-support/engagement.ts';
import type { EngagementBody } from '../engagement/schemas.ts';
import type { RugBody } from '../rug/schemas.ts';
import type { ProgrammeBody, ReportBody } from './schemas.ts';

describe.each(testEngines())('programmes on $name', (engine) => {
  let t: TestApp;
  let app: FastifyInstance;
  let officer: string;
  let programme: ProgrammeBody;

  const as = (cookie: string) => ({ cookie });
  const post = async <T>(url: string, payload: object, status = 201) => {
    const response = await app.inject({ method: 'POST', url, headers: as(officer), payload });
    expect(response.statusCode, response.body).toBe(status);
    return response.json<T>();
  };
  const get = async <T>(url: string) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  };
  const report = (query = '') => get<ReportBody>(`/api/programmes/${programme.id}/report${query}`);

  /** An adopted indicator KPI on the estate, read from values for two periods. */
  async function indicatorKpi(title: string, values: [string, number][], target: number) {
    const id = `test_${title.toLowerCase().replaceAll(' ', '_')}`;
    await t.db.db
      .insertInto('indicator')
      .values({
        id,
        title,
        short_label: title,
        unit: '%',
        value_type: 'proportion',
        polarity: 'high_is_good',
        decimals: 0,
        theme: null,
        source: 'Resident survey (hand-made)',
        licence: 'OGL',
        definition: title,
        tier: null,
        ripple: null,
      })
      .execute();
    await t.db.db
      .insertInto('indicator_value')
      .values(
        values.map(([period, value]) => ({
          indicator_id: id,
          area_code: ESTATE,
          period,
          value,
          numerator: null,
          denominator: null,
          lower_ci: null,
          upper_ci: null,
          note: null,
        })),
      )
      .execute();
    const kpi = await post<{ id: string }>('/api/kpis', {
      areaCode: ESTATE,
      title,
      statement: title,
      method: 'indicator',
      tier: 'T2',
      ripple: 'people',
      direction: 'up',
      target: { value: target, by: '2030' },
      indicatorId: id,
    });
    await post(`/api/kpis/${kpi.id}/adoption`, {
      forum: 'Meadow Residents Forum',
      adoptedOn: '2026-01-15',
    });
  }

  beforeAll(async () => {
    t = await accountsApp(engine);
    app = t.app;
    await addAccount(t.db, 'officer');
    officer = await signInAs(app, 'officer@example.org');
    await addHandMadeEngagement(t.db);
    programme = await post<ProgrammeBody>('/api/programmes', {
      name: 'Meadow and Brook Regeneration',
      startsOn: '2025-04-01',
      endsOn: '2040-03-31',
      areaCodes: [ESTATE, QUIET_ESTATE],
    });
    // Three KPIs: alphabetically Clean, Feel, Replies; the report puts Feel (off target, worsening) first.
    await indicatorKpi(
      'Clean streets',
      [
        ['2024', 0.4],
        ['2025', 0.45],
      ],
      0.7,
    );
    await indicatorKpi(
      'Feel listened to',
      [
        ['2024', 0.6],
        ['2025', 0.5],
      ],
      0.7,
    );
    const replies = await post<{ id: string }>('/api/kpis', {
      areaCode: ESTATE,
      title: 'Replies to residents',
      statement: 'We hear back',
      method: 'pin_metric',
      tier: 'T3',
      ripple: 'public_services',
      direction: 'up',
      target: { value: 0.5, by: '2027' },
      pinMetric: { measure: 'share_answered' },
    });
    await post(`/api/kpis/${replies.id}/adoption`, {
      forum: 'Meadow Residents Forum',
      adoptedOn: '2026-01-15',
    });
  });
  afterAll(() => app?.close());

  it('starts a programme with the strands People, Prosperity and Place unless told otherwise', () => {
    expect(programme.strands.map((s) => s.name)).toEqual(['People', 'Prosperity', 'Place']);
    expect(programme.areas.map((a) => a.code)).toEqual([ESTATE, QUIET_ESTATE]);
  });

  it('adds strands, objectives and dated updates, the newest update first', async () => {
    const people = programme.strands[0]!;
    let body = await post<ProgrammeBody>(`/api/programmes/${programme.id}/objectives`, {
      strandId: people.id,
      text: 'Residents shape the new community hub',
    });
    const objective = body.strands[0]!.objectives[0]!;
    await post(`/api/programmes/${programme.id}/updates`, {
      objectiveId: objective.id,
      onDate: '2026-02-01',
      text: 'Design workshops booked.',
    });
    body = await post<ProgrammeBody>(`/api/programmes/${programme.id}/updates`, {
      objectiveId: objective.id,
      onDate: '2026-03-20',
      text: '49 residents have taken part in co-design events.',
    });
    expect(body.strands[0]!.objectives[0]!.updates.map((u) => u.onDate)).toEqual([
      '2026-03-20',
      '2026-02-01',
    ]);
    body = await post<ProgrammeBody>(`/api/programmes/${programme.id}/strands`, {
      name: 'Young people',
    });
    expect(body.strands.map((s) => s.name)).toContain('Young people');
    await post(`/api/programmes/${programme.id}/strands`, { name: 'Young people' }, 409);
  });

  it('refuses what it cannot store with a 400 naming the field, and a 404 for no programme', async () => {
    const unknownArea = await app.inject({
      method: 'POST',
      url: '/api/programmes',
      headers: as(officer),
      payload: { name: 'X', startsOn: '2026-01-01', areaCodes: ['E05000000'] },
    });
    expect(unknownArea.statusCode).toBe(400);
    expect(unknownArea.json()).toMatchObject({ field: 'areaCodes' });
    const backwards = await app.inject({
      method: 'PATCH',
      url: `/api/programmes/${programme.id}`,
      headers: as(officer),
      payload: { endsOn: '2020-01-01' },
    });
    expect(backwards.json()).toMatchObject({ statusCode: 400, field: 'endsOn' });
    const noObjective = await app.inject({
      method: 'POST',
      url: `/api/programmes/${programme.id}/updates`,
      headers: as(officer),
      payload: { objectiveId: crypto.randomUUID(), onDate: '2026-01-01', text: 'x' },
    });
    expect(noObjective.json()).toMatchObject({ statusCode: 400, field: 'objectiveId' });
    expect(
      (await app.inject({ method: 'GET', url: `/api/programmes/${crypto.randomUUID()}` }))
        .statusCode,
    ).toBe(404);
  });

  it('puts the KPI off target and worsening first, then off target, then on track', async () => {
    const { kpis } = await report();
    expect(kpis.map((k) => [k.title, k.status, k.trend])).toEqual([
      ['Feel listened to', 'off_track', 'worsening'],
      ['Clean streets', 'off_track', 'improving'],
      ['Replies to residents', 'on_track', 'not_known'],
    ]);
    expect(kpis[2]?.value).toBeCloseTo(7 / 12, 10);
  });

  it('reports engagement that matches GET /api/engagement to the digit', async () => {
    const body = await report();
    expect(body.engagement.areas[0]).toEqual(
      await get<EngagementBody>(`/api/engagement?area=${ESTATE}`),
    );
    expect(body.engagement.areas[1]).toEqual(
      await get<EngagementBody>(`/api/engagement?area=${QUIET_ESTATE}`),
    );
    expect(body.engagement.total).toMatchObject({ participants: 14, pins: 15, support: 6 });
    // Nobody under 16 took part on either estate (0 is published; the 1–4 counts are not).
    expect(body.notHeard.map((a) => [a.areaCode, a.missing, a.score])).toEqual([
      [ESTATE, ['0_15'], 0],
      [QUIET_ESTATE, ['0_15'], 0],
    ]);
  });

  it('quotes the "you said, we did" replies and lists recorded outputs as recorded, not measured', async () => {
    await post(`/api/programmes/${programme.id}/outputs`, {
      label: 'People into paid work',
      count: 559,
      onDate: '2026-03-31',
      source: 'Employment support provider returns',
      strandId: programme.strands[1]!.id,
    });
    const body = await report();
    expect(body.youSaidWeDid).toHaveLength(5);
    expect(body.youSaidWeDid[0]).toMatchObject({
      status: 'done',
      weDid: 'Fixed: the lift was repaired.',
      areaCode: ESTATE,
    });
    expect(body.outputs).toEqual([
      expect.objectContaining({
        label: 'People into paid work',
        count: 559,
        kind: 'recorded',
        strand: 'Prosperity',
      }),
    ]);
    expect(body.outputsNote).toMatch(/^Recorded, not measured/);
  });

  it('never lets anything typed in change a computed figure', async () => {
    const before = await report();
    const rugBefore = await get<RugBody>(`/api/engagement/rug?programme=${programme.id}`);
    const objective = before.strands[0]!.objectives[0]!;
    // Typed-in figures that look like engagement: none of them may reach a computed number.
    for (const label of [
      'Participants',
      'Residents engaged',
      'Pins',
      'Changes made because residents asked',
    ])
      await post(`/api/programmes/${programme.id}/outputs`, {
        label,
        count: 1262,
        onDate: '2026-03-01',
        source: 'Officer tally',
      });
    await post(`/api/programmes/${programme.id}/updates`, {
      objectiveId: objective.id,
      onDate: '2026-03-25',
      text: '1,262 residents engaged; 100% replied.',
    });
    const after = await report();
    expect(after.engagement).toEqual(before.engagement);
    expect(after.kpis).toEqual(before.kpis);
    expect(after.notHeard).toEqual(before.notHeard);
    expect(await get<RugBody>(`/api/engagement/rug?programme=${programme.id}`)).toEqual(rugBefore);
    expect(after.outputs).toHaveLength(before.outputs.length + 4);
  });

  it('shows each strand’s objectives with the latest update up to the period', async () => {
    const all = await report();
    expect(all.strands[0]?.objectives[0]?.latestUpdate?.text).toBe(
      '1,262 residents engaged; 100% replied.',
    );
    const february = await report('?period=2026-02');
    expect(february.strands[0]?.objectives[0]?.latestUpdate).toMatchObject({
      onDate: '2026-02-01',
      text: 'Design workshops booked.',
    });
    expect(february.engagement.total).toMatchObject({ participants: 0, pins: 0 });
    expect(february.outputs).toEqual([]);
  });

  it('builds the engagement rug like /api/rug, each estate against the programme average', async () => {
    const rug = await get<RugBody>(`/api/engagement/rug?programme=${programme.id}`);
    expect(rug.columns.map((c) => [c.id, c.comparisonMethod])).toEqual([
      ['participants_per_1000', 'significance'],
      ['pins_per_1000', 'significance'],
      ['reply_share', 'significance'],
      ['planned_done_share', 'significance'],
      ['median_days_to_reply', 'quintile'],
      ['representation_score', 'quintile'],
    ]);
    expect(rug.rows.map((r) => r.code)).toEqual([ESTATE, QUIET_ESTATE]);
    expect(rug.benchmarks.map((r) => [r.kind, r.name])).toEqual([
      ['parent', 'Meadow and Brook Regeneration average'],
    ]);
    // Meadow: 12 of 1,590 (Byar 3.9–13.2 per 1,000) against the programme's 14 of 2,980 = 4.70: similar.
    const meadow = rug.rows[0]!.cells[0]!;
    expect(meadow.value).toBeCloseTo((12 / 1590) * 1000, 6);
    expect(meadow.judgement).toBe('similar');
    expect(rug.benchmarks[0]!.cells[0]!.value).toBeCloseTo((14 / 2980) * 1000, 6);
    // Brook: 2 took part, so nothing about it is published.
    const brook = rug.rows[1]!.cells[0]!;
    expect([brook.value, brook.count, brook.reason]).toEqual([null, null, 'suppressed']);
    expect(JSON.stringify(rug)).not.toMatch(/"count":[1-4][,}]/);
  });

  it('exports every table as CSV with the attribution, each figure’s method, and formulas defused', async () => {
    await post(`/api/programmes/${programme.id}/outputs`, {
      label: '=HYPERLINK("http://x")',
      count: 1,
      onDate: '2026-03-02',
      source: '+tally',
    });
    for (const table of [
      'objectives',
      'kpis',
      'engagement',
      'representation',
      'replies',
      'outputs',
    ]) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/programmes/${programme.id}/report.csv?table=${table}`,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      const lines = response.body.split('\r\n');
      expect(lines[0]).toMatch(/^# Meadow and Brook Regeneration: board report/);
      expect(lines[1]).toMatch(/^# Engagement computed by Thrive/);
      expect(response.body).toMatch(/,method\r\n|,method,/);
    }
    const engagement = (
      await app.inject({
        method: 'GET',
        url: `/api/programmes/${programme.id}/report.csv?table=engagement`,
      })
    ).body;
    expect(engagement).toContain(
      `${ESTATE},Meadow Estate,Share of pins with a reply,0.5833333333333334,`,
    );
    const outputs = (
      await app.inject({
        method: 'GET',
        url: `/api/programmes/${programme.id}/report.csv?table=outputs`,
      })
    ).body;
    expect(outputs).toContain(`"'=HYPERLINK(""http://x"")",1,2026-03-02,'+tally`);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/programmes/${programme.id}/report.csv?table=secrets`,
        })
      ).statusCode,
    ).toBe(400);
  });
});
