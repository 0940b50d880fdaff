import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorId, PARTICIPANT_COOKIE, setParticipantCookie } from '../../plugins/auth.ts';
import { ErrorBody } from '../../schemas.ts';
import { surveyJoinLimit, surveyParticipantLimit } from './rate-limits.ts';
import {
  NewSurveyBody,
  NewSurveyResponseBody,
  NewWaveBody,
  SurveyBody,
  SurveyJoinBody,
  SurveyListBody,
  SurveyListQuery,
  SurveyMeBody,
  SurveyParams,
  SurveyResponseBody,
  SurveyWaveBody,
} from './schemas.ts';
import {
  answeredOpenWave,
  createSurvey,
  getSurvey,
  joinSurvey,
  listSurveys,
  openWave,
  submitResponse,
  surveyParticipant,
} from './service.ts';

const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } as const;

/** Surveys behind survey KPIs: building them and their waves (officers), joining and answering (residents). */
export const surveyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** The survey a resident's request names, and who its participant cookie says they are. */
  const answering = async (request: {
    params: { id: string };
    cookies: Record<string, string | undefined>;
  }) => {
    const surveyId = request.params.id.toLowerCase();
    const token = request.cookies[PARTICIPANT_COOKIE];
    return { surveyId, participantId: await surveyParticipant(app.db.db, surveyId, token) };
  };

  app.post(
    '/surveys',
    {
      schema: {
        summary: 'Create a short survey on an area (questions on agree5, yesno or 0-10 scales)',
        tags: ['surveys'],
        body: NewSurveyBody,
        response: { 201: SurveyBody, ...refusals },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createSurvey(app.db.db, request.body, actorId(request))),
  );

  app.get(
    '/surveys',
    {
      schema: {
        summary: 'Surveys, newest first (optionally of one area)',
        tags: ['surveys'],
        querystring: SurveyListQuery,
        response: { 200: SurveyListBody, ...refusals },
      },
    },
    async (request) => ({ surveys: await listSurveys(app.db.db, request.query.area) }),
  );

  app.get(
    '/surveys/:id',
    {
      schema: {
        summary: 'A survey as residents see it: questions and the wave taking answers',
        tags: ['surveys'],
        params: SurveyParams,
        response: { 200: SurveyBody, ...refusals },
      },
    },
    async (request) => getSurvey(app.db.db, request.params.id.toLowerCase()),
  );

  app.post(
    '/surveys/:id/waves',
    {
      schema: {
        summary: 'Open a wave for a period (closes the open one)',
        tags: ['surveys'],
        params: SurveyParams,
        body: NewWaveBody,
        response: { 201: SurveyWaveBody, ...refusals, 409: ErrorBody },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await openWave(app.db.db, request.params.id.toLowerCase(), request.body.period)),
  );

  app.post(
    '/surveys/:id/join',
    {
      schema: {
        summary:
          'Join a survey: a fresh anonymous participant in the participant cookie (again = a fresh one, for shared tablets)',
        tags: ['surveys'],
        params: SurveyParams,
        response: { 201: SurveyJoinBody, ...refusals, 429: ErrorBody },
      },
      config: { rateLimit: surveyJoinLimit },
    },
    async (request, reply) => {
      const { participantId, token, survey } = await joinSurvey(
        app.db.db,
        request.params.id.toLowerCase(),
        request.cookies[PARTICIPANT_COOKIE],
      );
      setParticipantCookie(app, request, reply, token);
      reply.header('cache-control', 'no-store');
      return reply.code(201).send({ participantId, survey });
    },
  );

  app.get(
    '/surveys/:id/me',
    {
      schema: {
        summary: 'Whether I have answered the open wave',
        tags: ['surveys'],
        params: SurveyParams,
        response: { 200: SurveyMeBody, ...refusals, 429: ErrorBody },
      },
      config: { rateLimit: surveyParticipantLimit },
    },
    async (request, reply) => {
      const { surveyId, participantId } = await answering(request);
      reply.header('cache-control', 'no-store');
      return answeredOpenWave(app.db.db, surveyId, participantId);
    },
  );

  app.post(
    '/surveys/:id/responses',
    {
      schema: {
        summary:
          'Answer the open wave (once per participant; the device-made id makes a re-send count once)',
        tags: ['surveys'],
        params: SurveyParams,
        body: NewSurveyResponseBody,
        response: {
          200: SurveyResponseBody,
          201: SurveyResponseBody,
          ...refusals,
          409: ErrorBody,
          429: ErrorBody,
        },
      },
      config: { rateLimit: surveyParticipantLimit },
    },
    async (request, reply) => {
      const { surveyId, participantId } = await answering(request);
      const { created, response } = await submitResponse(
        app.db.db,
        surveyId,
        participantId,
        request.body,
      );
      return reply.code(created ? 201 : 200).send(response);
    },
  );
};
