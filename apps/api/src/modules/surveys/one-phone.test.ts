// One phone, one participant cookie: joining a survey keeps the token a workshop join put there,
// so pins still waiting in the outbox are accepted after the survey is answered, and the other
// way round; a second join of the same survey (a shared tablet's next person) is a fresh token.
import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, createWorkshop, newPin, workshopApp } from '../../test-support/workshops.ts';
import type { SurveyBody } from './schemas.ts';

const tokenOf = (r: LightMyRequestResponse): string => {
  const cookie = r.cookies.find((c) => c.name === 'thrive_participant');
  if (!cookie) throw new Error(`no participant cookie (${r.statusCode}: ${r.body})`);
  return cookie.value;
};

describe.each(testEngines())('a phone in a workshop and a survey on $name', (engine) => {
  let app: FastifyInstance;
  let officer: string;
  let code = '';
  let survey: SurveyBody;

  const as = (token: string) => ({ cookie: `thrive_participant=${token}` });
  const joinSurvey = (token?: string) =>
    app.inject({
      method: 'POST',
      url: `/api/surveys/${survey.id}/join`,
      ...(token ? { headers: as(token) } : {}),
    });
  const answer = (token: string, value = 4) =>
    app.inject({
      method: 'POST',
      url: `/api/surveys/${survey.id}/responses`,
      headers: as(token),
      payload: {
        id: crypto.randomUUID(),
        answers: [{ questionId: survey.questions[0]!.id, value }],
      },
    });
  const pin = (token: string) =>
    app.inject({
      method: 'POST',
      url: `/api/workshops/${code}/pins`,
      headers: as(token),
      payload: newPin(),
    });
  const joinWorkshop = async (token?: string) => {
    const r = await app.inject({
      method: 'POST',
      url: `/api/workshops/${code}/join`,
      ...(token ? { headers: as(token) } : {}),
    });
    expect(r.statusCode).toBe(201);
    return tokenOf(r);
  };

  beforeAll(async () => {
    const t = await workshopApp(engine);
    ({ app, officer } = t);
    const post = (url: string, payload: object) =>
      app.inject({ method: 'POST', url, payload, headers: { cookie: officer } });
    code = (await createWorkshop(t)).code;
    const created = await post('/api/surveys', {
      title: 'Safe after dark',
      areaCode: AREAS.ward.code,
      questions: [{ text: 'I feel safe after dark.', scale: 'agree5' }],
    });
    expect(created.statusCode).toBe(201);
    survey = created.json<SurveyBody>();
    expect((await post(`/api/surveys/${survey.id}/waves`, { period: '2026' })).statusCode).toBe(
      201,
    );
  });
  afterAll(() => app?.close());

  it('keeps the workshop’s token when the phone joins a survey, so both take answers', async () => {
    const token = await joinWorkshop();
    const joined = await joinSurvey(token);
    expect(joined.statusCode).toBe(201);
    expect(tokenOf(joined)).toBe(token);
    expect((await answer(token)).statusCode).toBe(201);
    expect((await pin(token)).statusCode).toBe(201);
    // Still one answer per participant per wave.
    expect((await answer(token)).statusCode).toBe(409);
  });

  it('asks a survey answer sent after the phone joined a workshop to join again (401), then links it', async () => {
    const surveyToken = tokenOf(await joinSurvey());
    const workshopToken = await joinWorkshop(surveyToken);
    expect((await answer(workshopToken)).statusCode).toBe(401);
    expect(tokenOf(await joinSurvey(workshopToken))).toBe(workshopToken);
    expect((await answer(workshopToken)).statusCode).toBe(201);
    expect((await pin(workshopToken)).statusCode).toBe(201);
  });

  it('gives the next person on a shared tablet a fresh token when the same survey is joined again', async () => {
    const first = tokenOf(await joinSurvey());
    expect((await answer(first)).statusCode).toBe(201);
    const next = tokenOf(await joinSurvey(first));
    expect(next).not.toBe(first);
    expect((await answer(next, 2)).statusCode).toBe(201);
  });
});
