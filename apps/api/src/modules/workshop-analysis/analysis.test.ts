// A workshop's analysis, on both engines: counts by kind × theme and LSOA, who took part against
// the IoD2019 population of the LSOAs (read from the data mirror), every count under 5 hidden.
import type { Db } from '@thrive/db';
import { testEngines } from '@thrive/db/testing';
import type { AgeBand } from '@thrive/participation';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApp, addAccount, signInAs, type TestApp } from '../../test-support/accounts.ts';
import { addAreas, plainArea } from '../../test-support/areas.ts';
import {
  addParticipant,
  addPin,
  addWorkshop,
  ensureEstate,
} from '../../test-support/workshop-rows.ts';
import type { AnalysisBody } from './schemas.ts';

// Two Dacorum LSOAs from IoD2019 File 6 (mid-2015): total, 0–15, 16–59, 60+.
const LSOA_A = {
  code: 'E01023345',
  name: 'Dacorum 013A',
  total: 1590,
  young: 288,
  middle: 1033,
  older: 269,
};
const LSOA_B = {
  code: 'E01023346',
  name: 'Dacorum 013B',
  total: 1390,
  young: 311,
  middle: 781,
  older: 298,
};

const addLsoa = (db: Db, lsoa: { code: string; name: string }) =>
  addAreas(db, plainArea(lsoa.code, lsoa.name, 'lsoa'));

describe.each(testEngines())('workshop analysis on $name', (engine) => {
  let t: TestApp;
  let app: FastifyInstance;
  let workshop: { id: string; code: string };
  let officer: string;

  const analysis = async (ref = workshop.code) => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/workshops/${ref}/analysis`,
      headers: { cookie: officer },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<AnalysisBody>();
  };

  beforeAll(async () => {
    t = await accountsApp(engine);
    app = t.app;
    await addLsoa(t.db, LSOA_A);
    await addLsoa(t.db, LSOA_B);
    workshop = await addWorkshop(t.db, await ensureEstate(t.db));
    await addAccount(t.db, 'officer');
    officer = await signInAs(app, 'officer@example.org');

    // Who took part: 6 aged 25–44, 5 aged 45–59, 3 aged 60–74, 2 preferring not to say, 1 who
    // skipped the question but made a pin; 1 more joined and did nothing (not counted).
    const people: (AgeBand | 'prefer_not_to_say')[] = [
      ...Array<AgeBand>(6).fill('25_44'),
      ...Array<AgeBand>(5).fill('45_59'),
      ...Array<AgeBand>(3).fill('60_74'),
      'prefer_not_to_say',
      'prefer_not_to_say',
    ];
    const [first] = await Promise.all(
      people.map((ageBand) => addParticipant(t.db, workshop.id, { ageBand })),
    );
    const skipped = await addParticipant(t.db, workshop.id);
    await addParticipant(t.db, workshop.id);

    // Pins: 6 issue/homes in LSOA A, 2 asset/safety in B, 1 pending aspiration/homes in B, 1 hidden.
    const pin = (fixture: Parameters<typeof addPin>[1]) => addPin(t.db, fixture);
    await pin({ workshopId: workshop.id, participantId: skipped.id, lsoaCode: LSOA_A.code });
    for (let i = 0; i < 5; i++)
      await pin({
        workshopId: workshop.id,
        participantId: first?.id ?? null,
        lsoaCode: LSOA_A.code,
      });
    for (let i = 0; i < 2; i++)
      await pin({
        workshopId: workshop.id,
        participantId: first?.id ?? null,
        kind: 'asset',
        theme: 'safety',
        lsoaCode: LSOA_B.code,
      });
    await pin({
      workshopId: workshop.id,
      participantId: first?.id ?? null,
      kind: 'aspiration',
      moderation: 'pending',
      lsoaCode: LSOA_B.code,
    });
    await pin({
      workshopId: workshop.id,
      participantId: first?.id ?? null,
      moderation: 'hidden',
      lsoaCode: LSOA_B.code,
    });
  });
  afterAll(() => app?.close());

  it('counts pins by kind × theme with zeros shown and counts under 5 hidden, the hidden pin left out', async () => {
    const body = await analysis();
    expect(body.pins).toEqual({ count: 9, suppressed: false });
    expect(body.byKindTheme).toEqual([
      { kind: 'issue', theme: 'homes', count: 6, suppressed: false },
      { kind: 'issue', theme: 'safety', count: 0, suppressed: false },
      { kind: 'aspiration', theme: 'homes', count: null, suppressed: true },
      { kind: 'aspiration', theme: 'safety', count: 0, suppressed: false },
      { kind: 'asset', theme: 'homes', count: 0, suppressed: false },
      { kind: 'asset', theme: 'safety', count: null, suppressed: true },
    ]);
    expect(body.suppressedBelow).toBe(5);
  });

  it('hides a second LSOA when the first hidden one could be worked out', async () => {
    const body = await analysis();
    expect(body.byLsoa).toEqual([
      { code: LSOA_A.code, name: LSOA_A.name, count: null, suppressed: true },
      { code: LSOA_B.code, name: LSOA_B.name, count: null, suppressed: true },
    ]);
    expect(body.byWard).toEqual([]);
  });

  it('compares who took part with the population of the LSOAs, suppressing small and give-away counts', async () => {
    const { participants, whoTookPart } = await analysis();
    expect(participants).toEqual({ count: 17, suppressed: false });
    expect(whoTookPart.answered).toEqual({ count: 14, suppressed: false });
    expect(whoTookPart.preferNotToSay).toEqual({ count: null, suppressed: true });
    expect(whoTookPart.notAnswered).toEqual({ count: null, suppressed: true });
    const total = LSOA_A.total + LSOA_B.total;
    expect(whoTookPart.population).toMatchObject({
      total,
      lsoas: [LSOA_A.code, LSOA_B.code],
      period: 'mid-2015',
    });
    // 0–15: 0 of 14; 16–59: 11 and 60+: 3, so the 3 is hidden and the 11 with it.
    expect(whoTookPart.bands).toEqual([
      {
        band: '0_15',
        participants: 0,
        suppressed: false,
        share: 0,
        population: LSOA_A.young + LSOA_B.young,
        populationShare: Math.round(((LSOA_A.young + LSOA_B.young) / total) * 1000) / 1000,
      },
      {
        band: '16_59',
        participants: null,
        suppressed: true,
        share: null,
        population: LSOA_A.middle + LSOA_B.middle,
        populationShare: Math.round(((LSOA_A.middle + LSOA_B.middle) / total) * 1000) / 1000,
      },
      {
        band: '60_plus',
        participants: null,
        suppressed: true,
        share: null,
        population: LSOA_A.older + LSOA_B.older,
        populationShare: Math.round(((LSOA_A.older + LSOA_B.older) / total) * 1000) / 1000,
      },
    ]);
    // The bands inside a hidden group are hidden too, zeros apart.
    expect(whoTookPart.ageBands.map((b) => [b.band, b.participants])).toEqual([
      ['under_16', 0],
      ['16_24', 0],
      ['25_44', null],
      ['45_59', null],
      ['60_74', null],
      ['75_plus', 0],
    ]);
  });

  it('uses the LSOA itself when the workshop is on an LSOA', async () => {
    const onLsoa = await addWorkshop(t.db, LSOA_B.code);
    const body = await analysis(onLsoa.id);
    expect(body.whoTookPart.population).toMatchObject({
      total: LSOA_B.total,
      lsoas: [LSOA_B.code],
    });
    expect(body.participants).toEqual({ count: 0, suppressed: false });
    expect(body.whoTookPart.bands.every((b) => b.participants === 0 && b.share === null)).toBe(
      true,
    );
  });

  it('never puts a count from 1 to 4 anywhere in the answer', async () => {
    const text = JSON.stringify(await analysis());
    expect(text).not.toMatch(/"(count|participants)":[1-4][,}]/);
  });

  it('is for officers: 401 anonymous, 403 for a participant', async () => {
    expect(
      (await app.inject({ method: 'GET', url: `/api/workshops/${workshop.code}/analysis` }))
        .statusCode,
    ).toBe(401);
    const resident = await addParticipant(t.db, workshop.id);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/workshops/${workshop.code}/analysis`,
          headers: { cookie: resident.cookie },
        })
      ).statusCode,
    ).toBe(403);
  });
});
