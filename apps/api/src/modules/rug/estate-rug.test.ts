// The estate rug and community-defined KPI columns on a hand-made authority: one ward, three
// LSOAs side by side, and two estates drawn over them (made-up figures, worked out by hand).
import type { Db, NewArea } from '@thrive/db';
import { testEngines } from '@thrive/db/testing';
import { catalogue } from '@thrive/indicators';
import type { AreaGeometry } from '@thrive/geo';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApp, addAccount, signInAs } from '../../test-support/accounts.ts';
import { seedAgreeAnswers } from '../../test-support/survey-answers.ts';
import { toIndicatorRow } from '../imports/indicator-rows.ts';
import { upsertIndicators } from '../imports/repository.ts';
import type { SurveyBody } from '../surveys/schemas.ts';
import type { RugBody } from './schemas.ts';

const LAD = 'E06999901';
const WARD = 'E05999951';
const [A, B, C] = ['E01999991', 'E01999992', 'E01999993'] as const;
const FAIRFIELD = 'EST-RUG001';
type Polygon = Extract<AreaGeometry, { type: 'Polygon' }>;
const GREENWAY = 'EST-RUG002';

// Squares near 0°, 0° (a degree of longitude as long as one of latitude), so overlaps are easy sums.
const square = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

const area = (
  code: string,
  name: string,
  level: NewArea['level'],
  parent: string | null,
  shape: Polygon | null,
): NewArea => {
  const xs = shape?.coordinates[0]?.map((p) => p[0] ?? 0) ?? [];
  const ys = shape?.coordinates[0]?.map((p) => p[1] ?? 0) ?? [];
  return {
    code,
    name,
    level,
    parent_code: parent,
    geometry: shape ? JSON.stringify(shape) : null,
    minx: shape ? Math.min(...xs) : null,
    miny: shape ? Math.min(...ys) : null,
    maxx: shape ? Math.max(...xs) : null,
    maxy: shape ? Math.max(...ys) : null,
    source: 'test',
    valid_from: null,
    valid_to: null,
  };
};

async function addTestAuthority(db: Db): Promise<void> {
  await upsertIndicators(db.db, catalogue.map(toIndicatorRow));
  await db.db
    .insertInto('area')
    .values([
      area('E92000001', 'England', 'country', null, null),
      area(LAD, 'Testshire', 'lad', 'E92000001', null),
      area(WARD, 'Riverside', 'ward', LAD, square(0, 0, 0.03, 0.01)),
      area(A, 'Testshire 001A', 'lsoa', LAD, square(0, 0, 0.01, 0.01)),
      area(B, 'Testshire 001B', 'lsoa', LAD, square(0.01, 0, 0.02, 0.01)),
      area(C, 'Testshire 001C', 'lsoa', LAD, square(0.02, 0, 0.03, 0.01)),
      // Fairfield straddles A (40% of it) and B (60%); Greenway lies inside C.
      area(FAIRFIELD, 'Fairfield', 'estate', WARD, square(0.006, 0.002, 0.016, 0.008)),
      area(GREENWAY, 'Greenway', 'estate', WARD, square(0.022, 0.002, 0.028, 0.008)),
    ])
    .execute();
  const value = (
    indicator_id: string,
    area_code: string,
    v: number | null,
    numerator: number | null = null,
    denominator: number | null = null,
  ) => ({
    indicator_id,
    area_code,
    period: '2019',
    value: v,
    numerator,
    denominator,
    lower_ci: null,
    upper_ci: null,
    note: null,
  });
  await db.db
    .insertInto('indicator_value')
    .values([
      value('imd_rank', A, 1000),
      value('imd_rank', B, 20000),
      value('imd_rank', C, 30000),
      value('income_deprivation_rate', A, 20, 300, 1500),
      value('income_deprivation_rate', B, 10, 100, 1000),
      value('income_deprivation_rate', C, 6.25, 50, 800),
      value('imd_average_rank', LAD, 19000),
      value('income_deprivation_rate', LAD, 450 / 33, 450, 3300),
      value('imd_average_rank', 'E92000001', 16422.5),
      value('income_deprivation_rate', 'E92000001', 12.5, 7_000_000, 56_000_000),
    ])
    .execute();
}

const INDICATORS = 'imd_average_rank,income_deprivation_rate,cni_score';

describe.each(testEngines())('the estate rug on $name', (engine) => {
  let app: FastifyInstance;
  let db: Db;
  let kpiId: string;
  let survey: SurveyBody;
  let waveId: string;

  const rug = async (query: string) => {
    const response = await app.inject({ method: 'GET', url: `/api/rug?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<RugBody>();
  };
  const cellOf = (body: RugBody, code: string, indicator: string) =>
    body.rows.find((r) => r.code === code)?.cells.find((c) => c.indicator === indicator);

  beforeAll(async () => {
    ({ app, db } = await accountsApp(engine));
    await addTestAuthority(db);
    await addAccount(db, 'officer');
    const cookie = await signInAs(app, 'officer@example.org');
    const post = (url: string, payload: object) =>
      app.inject({ method: 'POST', url, payload, headers: { cookie } });
    survey = (
      await post('/api/surveys', {
        title: 'Fairfield survey',
        areaCode: FAIRFIELD,
        questions: [
          { text: 'I feel safe walking through the estate after dark.', scale: 'agree5' },
        ],
      })
    ).json<SurveyBody>();
    waveId = (await post(`/api/surveys/${survey.id}/waves`, { period: '2025' })).json<{
      id: string;
    }>().id;
    await seedAgreeAnswers(db, survey, waveId, 40, 30);
    const kpi = await post('/api/kpis', {
      areaCode: FAIRFIELD,
      title: 'Safe after dark',
      statement: 'I feel safe walking through the estate after dark.',
      method: 'survey',
      tier: 'T2',
      ripple: 'place',
      direction: 'up',
      target: { value: 0.7, by: '2027' },
      surveyQuestionId: survey.questions[0]?.id,
    });
    expect(kpi.statusCode, kpi.body).toBe(201);
    kpiId = kpi.json<{ id: string }>().id;
    expect(
      (
        await post(`/api/kpis/${kpiId}/adoption`, {
          forum: 'Fairfield Residents’ Forum',
          adoptedOn: '2025-03-12',
        })
      ).statusCode,
    ).toBe(201);
  });
  afterAll(() => app?.close());

  it('lists the estates of a ward as rows, made of the LSOAs under them', async () => {
    const body = await rug(`parent=${WARD}&level=estate&indicators=${INDICATORS}`);
    expect(body.rows.map((r) => r.name)).toEqual(['Fairfield', 'Greenway']);
    expect(body.composition?.estates.map((e) => [e.code, e.lsoas.map((l) => l.code)])).toEqual([
      [FAIRFIELD, [A, B]],
      [GREENWAY, [C]],
    ]);
    expect(body.composition?.note).toContain('at least 10% of its area');
  });

  it("computes an estate's IMD average rank from its LSOAs by population: (31,845 × 1,500 + 12,845 × 1,000) / 2,500 = 24,245", async () => {
    const body = await rug(`parent=${WARD}&level=estate&indicators=${INDICATORS}`);
    expect(cellOf(body, FAIRFIELD, 'imd_average_rank')?.value).toBe(24245);
    // Greenway is C alone: 32,845 − 30,000.
    expect(cellOf(body, GREENWAY, 'imd_average_rank')?.value).toBe(2845);
  });

  it('sums the counts of a rate (400 of 2,500 = 16.0%) and compares it with the authority and England', async () => {
    const body = await rug(`parent=${WARD}&level=estate&indicators=${INDICATORS}`);
    const income = cellOf(body, FAIRFIELD, 'income_deprivation_rate');
    expect(income).toMatchObject({ count: 400, denominator: 2500 });
    expect(income?.value).toBeCloseTo(16, 10);
    // Wilson 95% interval of 400/2500 is about 14.6%–17.5%: above Testshire's 13.6% and England's 12.5%.
    expect(income?.comparison).toEqual({ parent: 'higher', england: 'higher' });
    expect(income?.judgement).toBe('worse');
    expect(body.benchmarks.map((r) => [r.kind, r.code])).toEqual([
      ['parent', LAD],
      ['england', 'E92000001'],
    ]);
  });

  it('explains the gap of a measure published for wards only', async () => {
    const body = await rug(`parent=${WARD}&level=estate&indicators=${INDICATORS}`);
    const cni = cellOf(body, FAIRFIELD, 'cni_score');
    expect(cni?.value).toBeNull();
    expect(cni?.label).toMatch(/estates/);
  });

  it('adds the adopted KPI as a community-defined column, coloured by status against the residents’ target', async () => {
    const body = await rug(`parent=${WARD}&level=estate&indicators=${INDICATORS}`);
    expect(body.kpiColumns).toEqual([
      expect.objectContaining({
        id: kpiId,
        title: 'Safe after dark',
        areaName: 'Fairfield',
        communityDefined: true,
        targetText: "Residents' target: 70% or more by 2027",
      }),
    ]);
    const [fairfield, greenway] = body.rows.map((r) => r.kpiCells?.[0]);
    // 30 of 40 agree: 75%, at or above the 70% target, and n = 40 reaches the survey minimum of 30.
    expect(fairfield).toMatchObject({
      applies: true,
      status: 'on_track',
      value: 0.75,
      n: 40,
      text: '✓ On track',
      token: 'kpi_on_track',
    });
    expect(greenway).toMatchObject({ applies: false, status: null, text: '' });
    expect(body.kpiLegend?.text).toContain("residents' own target");
    // The deprivation columns are unchanged in shape.
    expect(body.columns.map((c) => c.id)).toEqual(INDICATORS.split(','));
  });

  it('shows the estate’s KPI on the ward holding it, and offers the estate level', async () => {
    const body = await rug(`parent=${LAD}&level=ward&indicators=${INDICATORS}`);
    expect(body.levels).toEqual(['ward', 'lsoa', 'estate']);
    expect(body.kpiColumns?.map((c) => c.areaName)).toEqual(['Fairfield']);
    const cell = body.rows.find((r) => r.code === WARD)?.kpiCells?.[0];
    expect(cell).toMatchObject({ applies: true, status: 'on_track' });
    expect(cell?.label).toContain('“Safe after dark” of Fairfield');
  });

  it('lists the estates of the whole authority too (inside its wards)', async () => {
    const body = await rug(`parent=${LAD}&level=estate&indicators=${INDICATORS}`);
    expect(body.rows.map((r) => r.code)).toEqual([FAIRFIELD, GREENWAY]);
  });

  it('gives the map the estates of the authority, inside its wards', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/areas?level=estate&parent=${LAD}`,
    });
    expect(
      response
        .json<{ features: { properties: { code: string } }[] }>()
        .features.map((f) => f.properties.code),
    ).toEqual([FAIRFIELD, GREENWAY]);
  });

  it('writes the KPI cells into the CSV with their status', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/rug.csv?parent=${WARD}&level=estate&indicators=${INDICATORS}`,
    });
    expect(response.statusCode).toBe(200);
    const line = response.body.split('\r\n').find((l) => l.includes(`kpi:${kpiId}`));
    expect(line).toContain('community-defined KPI of Fairfield');
    expect(line).toContain(',0.75,');
    expect(line).toContain(',on_track,');
  });

  it('recomputes a cached rug once residents answer again (the status is never stale)', async () => {
    const url = `parent=${WARD}&level=estate&indicators=imd_average_rank`;
    expect((await rug(url)).rows[0]?.kpiCells?.[0]?.status).toBe('on_track');
    // 40 more answers, all disagreeing: 30 of 80 agree (37.5%), under the 70% target.
    await seedAgreeAnswers(db, survey, waveId, 40, 0);
    expect((await rug(url)).rows[0]?.kpiCells?.[0]).toMatchObject({ status: 'off_track', n: 80 });
  });

  it('answers 400 for an unknown level', async () => {
    expect(
      (await app.inject({ method: 'GET', url: `/api/rug?parent=${WARD}&level=street` })).statusCode,
    ).toBe(400);
  });
});
