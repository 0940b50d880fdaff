// Surveys behind survey KPIs: officers build them and open waves; residents join (an anonymous
// participant in the same httpOnly cookie a workshop join sets, keeping a token already there)
// and answer once per wave, through the same offline queue as pins: the device-made id makes a
// re-sent answer count once, and a second answer from the same participant in the same wave is
// refused.
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@thrive/db';
import { SURVEY_SCALE_RANGES } from '@thrive/participation';
import type { Kysely } from 'kysely';
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError } from '../../errors.ts';
import { FieldError } from '../workshops/errors.ts';
import * as repo from './repository.ts';
import type {
  NewSurveyBody,
  NewSurveyResponseBody,
  SurveyBody,
  SurveyQuestionBody,
  SurveyResponseBody,
  SurveyWaveBody,
} from './schemas.ts';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const toWave = (w: repo.WaveRow): SurveyWaveBody => ({
  id: w.id,
  period: w.period,
  openedAt: w.opened_at.toISOString(),
  closedAt: w.closed_at ? w.closed_at.toISOString() : null,
});

const toQuestion = (q: repo.QuestionRow): SurveyQuestionBody => ({
  id: q.id,
  position: q.position,
  text: q.text,
  scale: q.scale,
});

/** Surveys with their questions and waves, in the order given. */
async function toBodies(db: repo.Executor, rows: readonly repo.SurveyRow[]): Promise<SurveyBody[]> {
  const ids = rows.map((r) => r.id);
  const [questions, waves] = await Promise.all([repo.questionsOf(db, ids), repo.wavesOf(db, ids)]);
  return rows.map((s) => {
    const own = waves.filter((w) => w.survey_id === s.id).map(toWave);
    return {
      id: s.id,
      title: s.title,
      areaCode: s.area_code,
      areaName: s.area_name,
      questions: questions.filter((q) => q.survey_id === s.id).map(toQuestion),
      openWave: own.find((w) => w.closedAt === null) ?? null,
      waves: own,
      createdAt: s.created_at.toISOString(),
    };
  });
}

/** A survey by id; 404 when there is none. */
export async function getSurvey(db: repo.Executor, id: string): Promise<SurveyBody> {
  const row = await repo.findSurvey(db, id);
  if (!row)
    throw new NotFoundError(
      'There is no survey with that link. Check the link or ask whoever gave it to you.',
    );
  const [body] = await toBodies(db, [row]);
  return body!;
}

/** Surveys, newest first, optionally of one area. */
export async function listSurveys(db: repo.Executor, areaCode?: string): Promise<SurveyBody[]> {
  return toBodies(db, await repo.listSurveys(db, areaCode));
}

/** Creates a survey with its questions; 400 for an unknown area. */
export async function createSurvey(
  db: repo.Executor,
  body: NewSurveyBody,
  createdBy: string | null,
): Promise<SurveyBody> {
  const title = body.title.trim();
  if (!title) throw new FieldError('title', 'A survey needs a title.');
  if (!(await repo.areaExists(db, body.areaCode))) {
    throw new FieldError('areaCode', `No area with code ${body.areaCode} is loaded.`);
  }
  const questions = body.questions.map((q, i) => {
    const text = q.text.trim();
    if (!text) throw new FieldError(`questions.${i}.text`, `Question ${i + 1} has no text.`);
    return { text, scale: q.scale };
  });
  const id = await repo.insertSurvey(db, { title, areaCode: body.areaCode, createdBy, questions });
  return getSurvey(db, id);
}

/** Opens a wave for a period, closing the open one; 409 when the period already has a wave. */
export async function openWave(
  db: Kysely<Database>,
  surveyId: string,
  period: string,
): Promise<SurveyWaveBody> {
  const label = period.trim();
  if (!label) throw new FieldError('period', 'A wave needs a period, e.g. "2025".');
  await getSurvey(db, surveyId);
  return db.transaction().execute(async (tx) => {
    if (await repo.waveExists(tx, surveyId, label))
      throw new ConflictError(`This survey already has a wave for ${label}.`);
    await repo.closeOpenWave(tx, surveyId);
    return toWave(await repo.insertWave(tx, surveyId, label));
  });
}

/**
 * The hash a survey's participant is found by when it joined with another participant's token
 * (a workshop's or another survey's) already in the cookie: one token per phone, so joining a
 * survey never replaces the cookie that queued workshop pins still need.
 */
const linkedHash = (surveyId: string, token: string): string =>
  sha256(`survey:${surveyId}:${token}`);

/** The participant row of this survey a token names, directly or through linkedHash. */
async function participantFor(db: repo.Executor, surveyId: string, token: string) {
  const own = await repo.findSurveyParticipant(db, sha256(token));
  if (own?.survey_id === surveyId) return { row: own, plain: own };
  const linked = await repo.findSurveyParticipant(db, linkedHash(surveyId, token));
  return { row: linked, plain: own };
}

/**
 * A new anonymous participant of a survey. A phone whose cookie already names a participant of
 * something else keeps its token (the new participant is found through linkedHash); a phone that
 * already joined this survey, or has no working cookie, gets a fresh token (a shared tablet's
 * next person). `token` is what the cookie should hold.
 */
export async function joinSurvey(
  db: repo.Executor,
  surveyId: string,
  existingToken?: string,
): Promise<{ participantId: string; token: string; survey: SurveyBody }> {
  const survey = await getSurvey(db, surveyId);
  if (existingToken && TOKEN_SHAPE.test(existingToken)) {
    const { row, plain } = await participantFor(db, surveyId, existingToken);
    if (plain && !row) {
      const participantId = await repo.insertSurveyParticipant(
        db,
        surveyId,
        linkedHash(surveyId, existingToken),
      );
      return { participantId, token: existingToken, survey };
    }
  }
  const token = randomBytes(32).toString('base64url');
  const participantId = await repo.insertSurveyParticipant(db, surveyId, sha256(token));
  return { participantId, token, survey };
}

/**
 * The participant of this survey holding the cookie (directly, or linked to the phone's token):
 * 401 without a (known) cookie or with a workshop's, 403 when it belongs to another survey
 * that this one was never joined from. Checked here rather than in the permission table
 * because the workshop principal does not carry a survey.
 */
export async function surveyParticipant(
  db: repo.Executor,
  surveyId: string,
  token: string | undefined,
): Promise<string> {
  const { row, plain } =
    token && TOKEN_SHAPE.test(token)
      ? await participantFor(db, surveyId, token)
      : { row: undefined, plain: undefined };
  if (row) return row.id;
  // A workshop's token (this phone joined a workshop after the survey): 401, so the page's
  // outbox joins again, which links this survey to that token rather than replacing it.
  if (!plain || plain.survey_id === null)
    throw new UnauthorizedError('Open the survey link first, then answer.');
  throw new ForbiddenError(
    'You joined a different survey. Open this survey’s own link to answer it.',
  );
}

/** Checks answers against the survey's questions and scales; { questionId: value }. */
function checkedAnswers(
  questions: readonly SurveyQuestionBody[],
  answers: NewSurveyResponseBody['answers'],
): Record<string, number> {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const out: Record<string, number> = {};
  answers.forEach((a, i) => {
    const id = a.questionId.toLowerCase();
    const q = byId.get(id);
    if (!q)
      throw new FieldError(`answers.${i}.questionId`, 'That question is not part of this survey.');
    if (id in out)
      throw new FieldError(`answers.${i}.questionId`, 'Each question can be answered once.');
    const { min, max } = SURVEY_SCALE_RANGES[q.scale];
    if (!Number.isInteger(a.value) || a.value < min || a.value > max) {
      throw new FieldError(
        `answers.${i}.value`,
        `An answer to this question is a whole number from ${min} to ${max}.`,
      );
    }
    out[id] = a.value;
  });
  return out;
}

/** A fingerprint of the answers that ignores their order. */
function contentHash(answers: Record<string, number>): string {
  const canonical = Object.keys(answers)
    .sort()
    .map((k) => [k, answers[k]]);
  return sha256(JSON.stringify(canonical));
}

const toResponse = (r: repo.ResponseRow): SurveyResponseBody => ({
  id: r.id,
  waveId: r.wave_id,
  period: r.period,
  answers: Object.entries(r.answers)
    .map(([questionId, value]) => ({ questionId, value }))
    .sort((a, b) => (a.questionId < b.questionId ? -1 : 1)),
  createdAt: r.created_at.toISOString(),
});

/**
 * Stores a response: `created` the first time; the same id with the same answers again is the
 * stored response (a retry from the offline queue); the same id with other answers, or a second
 * response by the same participant in the same wave, is 409; no open wave is 409.
 */
export async function submitResponse(
  db: repo.Executor,
  surveyId: string,
  participantId: string,
  body: NewSurveyResponseBody,
): Promise<{ created: boolean; response: SurveyResponseBody }> {
  const survey = await getSurvey(db, surveyId);
  const answers = checkedAnswers(survey.questions, body.answers);
  const id = body.id.toLowerCase();
  const hash = contentHash(answers);
  const inserted = await repo.insertResponseOnce(db, {
    id,
    surveyId,
    participantId,
    answers,
    contentHash: hash,
  });
  const stored = await repo.findResponse(db, id);
  if (inserted && stored) return { created: true, response: toResponse(stored) };
  if (stored) {
    if (
      stored.survey_id === surveyId &&
      stored.participant_id === participantId &&
      stored.content_hash === hash
    ) {
      return { created: false, response: toResponse(stored) };
    }
    throw new ConflictError(
      'This answer was already sent with different content. Reload the survey to see what was stored.',
    );
  }
  if (!survey.openWave)
    throw new ConflictError(
      'This survey is not taking answers at the moment. Thank you for your interest.',
    );
  throw new ConflictError(
    'You have already answered this survey in this round; your first answer is the one that counts.',
  );
}

/** Whether a participant has answered the open wave. */
export async function answeredOpenWave(db: repo.Executor, surveyId: string, participantId: string) {
  const survey = await getSurvey(db, surveyId);
  const answered = survey.openWave
    ? await repo.hasAnswered(db, survey.openWave.id, participantId)
    : false;
  return { participantId, answered, openWave: survey.openWave };
}
