// Engagement KPIs of a hand-made estate on both engines, every figure worked out by hand
// (test-support/engagement.ts says what residents did; z = 1.959964).
import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApp, type TestApp } from '../../test-support/accounts.ts';
import {
  addHandMadeEngagement,
  ESTATE,
  LSOA_A,
  LSOA_B,
  QUIET_ESTATE,
  WARD,
} from '../../test-support/engagement.ts';
import type { EngagementBody } from './schemas.ts';

describe.each(testEngines())('engagement KPIs on $name', (engine) => {
  let t: TestApp;
  let app: FastifyInstance;

  const engagement = async (query: string) => {
    const response = await app.inject({ method: 'GET', url: `/api/engagement?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<EngagementBody>();
  };

  beforeAll(async () => {
    t = await accountsApp(engine);
    app = t.app;
    await addHandMadeEngagement(t.db);
  });
  afterAll(() => app?.close());

  it('counts the 12 who took part, the 12 pins not hidden and the 6 "me too"', async () => {
    const body = await engagement(`area=${ESTATE}`);
    expect(body).toMatchObject({
      participants: 12,
      pins: 12,
      support: 6,
      returningParticipants: 0,
      surveyResponses: 0,
      workshops: 1,
    });
  });

  it('rates 12 participants among the 1,590 residents of LSOA A at 7.547 per 1,000, Byar 3.895–13.184', async () => {
    const { participantsPer1000, population } = await engagement(`area=${ESTATE}`);
    expect(population).toMatchObject({ total: LSOA_A.total, lsoas: [LSOA_A.code] });
    expect(participantsPer1000.method).toBe('byar');
    expect(participantsPer1000.value).toBeCloseTo(7.5472, 4);
    expect(participantsPer1000.lower).toBeCloseTo(3.8953, 4);
    expect(participantsPer1000.upper).toBeCloseTo(13.1842, 4);
  });

  it('gives the reply share 7/12 with its Wilson interval 0.3195–0.8067 and a median of 5 days', async () => {
    const { responseShare, medianDaysToReply } = await engagement(`area=${ESTATE}`);
    // (2·7 + z² ∓ z√(z² + 4·7·5/12)) / (2(12 + z²)) = (17.8415 ∓ 7.7184) / 31.6829.
    expect(responseShare.n).toBe(12);
    expect(responseShare.value).toBeCloseTo(7 / 12, 10);
    expect(responseShare.lower).toBeCloseTo(0.31951, 5);
    expect(responseShare.upper).toBeCloseTo(0.80674, 5);
    // First replies after 1, 2, 3, 5, 8, 13, 21 days: the 4th of 7.
    expect(medianDaysToReply).toBe(5);
  });

  it('finds the 5 planned pieces of work all done by their date, and 5 changes made', async () => {
    const body = await engagement(`area=${ESTATE}`);
    expect(body.plannedDoneOnTime).toMatchObject({ value: 1, n: 5, suppressed: false });
    expect(body.plannedDoneOnTime.lower).toBeCloseTo(5 / (5 + 1.959964 ** 2), 5);
    expect(body.changesMade).toBe(5);
  });

  it('scores representation 0 with nobody under 16, the 3 over-60s hidden and the 9 beside them', async () => {
    const { representation } = await engagement(`area=${ESTATE}`);
    expect(representation.score).toBe(0);
    expect(representation.missing).toEqual(['0_15']);
    expect(
      representation.bands.map((b) => [b.band, b.participants, b.suppressed, b.population]),
    ).toEqual([
      ['0_15', 0, false, LSOA_A.young],
      ['16_59', null, true, LSOA_A.middle],
      ['60_plus', null, true, LSOA_A.older],
    ]);
    expect(representation.bands[0]?.ratePer1000).toBe(0);
  });

  it('includes the estates’ workshops in their ward, against the ward’s two LSOAs', async () => {
    const body = await engagement(`area=${WARD}`);
    expect(body.workshops).toBe(2);
    expect(body.participants).toBe(14);
    expect(body.pins).toBe(15);
    expect(body.population?.total).toBe(LSOA_A.total + LSOA_B.total);
    expect(body.participantsPer1000.value).toBeCloseTo((14 / 2980) * 1000, 6);
    expect(body.responseShare.value).toBeCloseTo(7 / 15, 10);
  });

  it('never publishes a count from 1 to 4: the quiet estate shows nothing but zeros', async () => {
    const body = await engagement(`area=${QUIET_ESTATE}`);
    expect(body).toMatchObject({ participants: null, pins: null, support: 0, changesMade: 0 });
    expect(body.responseShare).toMatchObject({ value: null, n: null, suppressed: true });
    expect(body.suppressed).toEqual(
      expect.arrayContaining(['participants', 'pins', 'responseShare']),
    );
    for (const text of [JSON.stringify(body), JSON.stringify(await engagement(`area=${WARD}`))])
      expect(text).not.toMatch(
        /"(participants|pins|support|n|changesMade|returningParticipants|surveyResponses)":[1-4][,}]/,
      );
  });

  it('counts only what happened in the period asked for', async () => {
    const march = await engagement(`area=${ESTATE}&period=2026-03`);
    expect(march).toMatchObject({
      participants: 12,
      pins: 12,
      period: { label: '2026-03', from: '2026-03-01', to: '2026-04-01' },
    });
    const later = await engagement(`area=${ESTATE}&period=2026-Q2`);
    expect(later).toMatchObject({ participants: 0, pins: 0, medianDaysToReply: null });
    expect(later.responseShare).toMatchObject({ value: null, n: 0 });
  });

  it('answers 400 for a period it cannot read and 404 for an area without workshops', async () => {
    const bad = await app.inject({
      method: 'GET',
      url: `/api/engagement?area=${ESTATE}&period=spring`,
    });
    expect(bad.statusCode).toBe(400);
    const none = await app.inject({ method: 'GET', url: `/api/engagement?area=${LSOA_B.code}` });
    expect(none.statusCode).toBe(404);
    expect(none.json<{ message: string }>().message).toMatch(/has no workshops yet/);
    expect(
      (await app.inject({ method: 'GET', url: '/api/engagement?area=E05000000' })).statusCode,
    ).toBe(404);
  });
});
