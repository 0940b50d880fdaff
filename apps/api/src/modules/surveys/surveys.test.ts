import type { Db } from '@thrive/db';
import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApp, addAccount, signInAs } from '../../test-support/accounts.ts';
import { ESTATE, addWardWithEstate } from '../../test-support/areas.ts';
import type { SurveyBody } from './schemas.ts';

/** The participant cookie from a join, as a Cookie header value. */
function participantCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'thrive_participant');
  if (!cookie) throw new Error(`no participant cookie (${response.statusCode}: ${response.body})`);
  return `thrive_participant=${cookie.value}`;
}

describe.each(testEngines())('surveys on $name', (engine) => {
  let app: FastifyInstance;
  let db: Db;
  let officer: string;
  let partner: string;
  let survey: SurveyBody;

  const newSurvey = {
    title: 'Living on the estate',
    areaCode: ESTATE,
    questions: [
      { text: 'I feel safe walking through the estate after dark.', scale: 'agree5' },
      { text: 'How happy are you living here?', scale: '0-10' },
      { text: 'Have you been to a residents’ meeting this year?', scale: 'yesno' },
    ],
  };

  const join = async (id = survey.id) => {
    const r = await app.inject({ method: 'POST', url: `/api/surveys/${id}/join` });
    expect(r.statusCode).toBe(201);
    return participantCookie(r);
  };
  const answer = (
    cookie: string | undefined,
    id: string,
    answers: { questionId: string; value: number }[],
    surveyId = survey.id,
  ) =>
    app.inject({
      method: 'POST',
      url: `/api/surveys/${surveyId}/responses`,
      payload: { id, answers },
      ...(cookie ? { headers: { cookie } } : {}),
    });
  const q = (i: number) => survey.questions[i]!.id;
  const storedResponses = async () =>
    Number(
      (
        await db.db
          .selectFrom('survey_response')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    ({ app, db } = await accountsApp(engine));
    await addWardWithEstate(db);
    await addAccount(db, 'officer');
    await addAccount(db, 'partner');
    officer = await signInAs(app, 'officer@example.org');
    partner = await signInAs(app, 'partner@example.org');
    const created = await app.inject({
      method: 'POST',
      url: '/api/surveys',
      payload: newSurvey,
      headers: { cookie: officer },
    });
    expect(created.statusCode).toBe(201);
    survey = created.json();
  });
  afterAll(() => app?.close());

  it('creates a survey with an id for each question, in order', () => {
    expect(survey.questions.map((x) => x.scale)).toEqual(['agree5', '0-10', 'yesno']);
    expect(survey.questions.every((x) => /^[0-9a-f-]{36}$/.test(x.id))).toBe(true);
    expect(survey.openWave).toBeNull();
  });

  it('lets only officers build surveys and open waves (401 anonymous, 403 partner)', async () => {
    expect(
      (await app.inject({ method: 'POST', url: '/api/surveys', payload: newSurvey })).statusCode,
    ).toBe(401);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/surveys',
          payload: newSurvey,
          headers: { cookie: partner },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/surveys/${survey.id}/waves`,
          payload: { period: 'x' },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('refuses a survey on an unknown area, naming the field', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/surveys',
      payload: { ...newSurvey, areaCode: 'NOPE' },
      headers: { cookie: officer },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ field: 'areaCode' });
  });

  it('refuses answers while no wave is open', async () => {
    const cookie = await join();
    const r = await answer(cookie, crypto.randomUUID(), [{ questionId: q(0), value: 4 }]);
    expect(r.statusCode).toBe(409);
  });

  it('opens a wave, and refuses a second wave for the same period', async () => {
    const r = await app.inject({
      method: 'POST',
      url: `/api/surveys/${survey.id}/waves`,
      payload: { period: '2025' },
      headers: { cookie: officer },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ period: '2025', closedAt: null });
    const again = await app.inject({
      method: 'POST',
      url: `/api/surveys/${survey.id}/waves`,
      payload: { period: '2025' },
      headers: { cookie: officer },
    });
    expect(again.statusCode).toBe(409);
    expect(
      (await app.inject({ method: 'GET', url: `/api/surveys/${survey.id}` })).json(),
    ).toMatchObject({ openWave: { period: '2025' } });
  });

  it('needs the survey’s own participant cookie to answer (401 without, 403 for another survey)', async () => {
    expect(
      (await answer(undefined, crypto.randomUUID(), [{ questionId: q(0), value: 4 }])).statusCode,
    ).toBe(401);
    const other = (
      await app.inject({
        method: 'POST',
        url: '/api/surveys',
        payload: newSurvey,
        headers: { cookie: officer },
      })
    ).json<SurveyBody>();
    const otherCookie = await join(other.id);
    expect(
      (await answer(otherCookie, crypto.randomUUID(), [{ questionId: q(0), value: 4 }])).statusCode,
    ).toBe(403);
  });

  it('counts a re-sent answer once: 201, then 200 with the stored answer, 409 for other content', async () => {
    const cookie = await join();
    const id = crypto.randomUUID();
    const before = await storedResponses();
    const first = await answer(cookie, id, [
      { questionId: q(0), value: 5 },
      { questionId: q(1), value: 8 },
    ]);
    expect(first.statusCode).toBe(201);
    // The offline queue re-sends the same id (answers in another order are the same content).
    const resent = await answer(cookie, id, [
      { questionId: q(1), value: 8 },
      { questionId: q(0), value: 5 },
    ]);
    expect(resent.statusCode).toBe(200);
    expect(resent.json()).toEqual(first.json());
    expect((await answer(cookie, id, [{ questionId: q(0), value: 1 }])).statusCode).toBe(409);
    expect(await storedResponses()).toBe(before + 1);
  });

  it('counts a participant once per wave even with a second, different response', async () => {
    const cookie = await join();
    const before = await storedResponses();
    expect(
      (await answer(cookie, crypto.randomUUID(), [{ questionId: q(0), value: 4 }])).statusCode,
    ).toBe(201);
    const second = await answer(cookie, crypto.randomUUID(), [{ questionId: q(0), value: 2 }]);
    expect(second.statusCode).toBe(409);
    expect(await storedResponses()).toBe(before + 1);
    const me = await app.inject({
      method: 'GET',
      url: `/api/surveys/${survey.id}/me`,
      headers: { cookie },
    });
    expect(me.json()).toMatchObject({ answered: true });
  });

  it('stores one row when the original and its re-send race each other', async () => {
    const cookie = await join();
    const id = crypto.randomUUID();
    const before = await storedResponses();
    const codes = (
      await Promise.all([1, 2, 3].map(() => answer(cookie, id, [{ questionId: q(2), value: 1 }])))
    )
      .map((r) => r.statusCode)
      .sort();
    expect(codes).toEqual([200, 200, 201]);
    expect(await storedResponses()).toBe(before + 1);
  });

  it('refuses answers off their scale or to another survey’s question, naming the field', async () => {
    const cookie = await join();
    const off = await answer(cookie, crypto.randomUUID(), [{ questionId: q(0), value: 6 }]);
    expect(off.statusCode).toBe(400);
    expect(off.json()).toMatchObject({ field: 'answers.0.value' });
    expect(
      (await answer(cookie, crypto.randomUUID(), [{ questionId: q(1), value: 7.5 }])).statusCode,
    ).toBe(400);
    const stray = await answer(cookie, crypto.randomUUID(), [
      { questionId: crypto.randomUUID(), value: 1 },
    ]);
    expect(stray.json()).toMatchObject({ statusCode: 400, field: 'answers.0.questionId' });
  });

  it('gives a fresh participant on every join (a shared tablet), each answering once', async () => {
    const a = await join();
    const b = await join();
    expect(a).not.toBe(b);
    expect(
      (await answer(a, crypto.randomUUID(), [{ questionId: q(0), value: 3 }])).statusCode,
    ).toBe(201);
    expect(
      (await answer(b, crypto.randomUUID(), [{ questionId: q(0), value: 3 }])).statusCode,
    ).toBe(201);
  });
});

describe.each(testEngines())('a survey station behind one address on $name', (engine) => {
  // Many joins and answers one after another: give a busy machine time (PGlite shares one core).
  it(
    'lets many residents join and answer from one address, beyond the per-address limit',
    { timeout: 180_000 },
    async () => {
      const { app, db } = await accountsApp(engine, { RATE_LIMIT_PER_MINUTE: '5' });
      try {
        await addWardWithEstate(db);
        const survey = (
          await db.db
            .insertInto('survey')
            .values({ title: 'Station', area_code: ESTATE, created_by: null })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
        const question = (
          await db.db
            .insertInto('survey_question')
            .values({ survey_id: survey, position: 0, text: 'Is it good here?', scale: 'yesno' })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
        await db.db
          .insertInto('survey_wave')
          .values({ survey_id: survey, period: '2025' })
          .execute();
        const remoteAddress = '198.51.100.23';
        for (let i = 0; i < 8; i++) {
          const joined = await app.inject({
            method: 'POST',
            url: `/api/surveys/${survey}/join`,
            remoteAddress,
          });
          expect(joined.statusCode).toBe(201);
          const answered = await app.inject({
            method: 'POST',
            url: `/api/surveys/${survey}/responses`,
            remoteAddress,
            headers: { cookie: participantCookie(joined) },
            payload: { id: crypto.randomUUID(), answers: [{ questionId: question, value: i % 2 }] },
          });
          expect(answered.statusCode).toBe(201);
        }
        // Any other route from that address still meets the per-address limit.
        const reads = await Promise.all(
          [1, 2, 3, 4, 5, 6].map(() =>
            app.inject({ method: 'GET', url: '/api/kpi-templates', remoteAddress }),
          ),
        );
        expect(reads.map((r) => r.statusCode)).toContain(429);
      } finally {
        await app.close();
      }
    },
  );
});
