// The only SQL of surveys, their questions, waves, survey participants and responses.
import type { Database } from '@thrive/db';
import type { SurveyScale } from '@thrive/participation';
import { sql, type Kysely, type Transaction } from 'kysely';

export type Executor = Kysely<Database> | Transaction<Database>;

export interface SurveyRow {
  id: string;
  title: string;
  area_code: string;
  area_name: string;
  created_at: Date;
}

export interface QuestionRow {
  id: string;
  survey_id: string;
  position: number;
  text: string;
  scale: SurveyScale;
}

export interface WaveRow {
  id: string;
  survey_id: string;
  period: string;
  opened_at: Date;
  closed_at: Date | null;
}

function selectSurveys(db: Executor) {
  return db
    .selectFrom('survey')
    .innerJoin('area', 'area.code', 'survey.area_code')
    .select([
      'survey.id',
      'survey.title',
      'survey.area_code',
      'area.name as area_name',
      'survey.created_at',
    ]);
}

/** A survey by id, or undefined. */
export function findSurvey(db: Executor, id: string): Promise<SurveyRow | undefined> {
  return selectSurveys(db).where('survey.id', '=', id).executeTakeFirst();
}

/** Surveys, newest first, optionally of one area. */
export function listSurveys(db: Executor, areaCode?: string): Promise<SurveyRow[]> {
  let q = selectSurveys(db);
  if (areaCode !== undefined) q = q.where('survey.area_code', '=', areaCode);
  return q.orderBy('survey.created_at', 'desc').orderBy('survey.id').execute();
}

/** Whether an area is loaded. */
export async function areaExists(db: Executor, code: string): Promise<boolean> {
  return (
    (await db.selectFrom('area').select('code').where('code', '=', code).executeTakeFirst()) !==
    undefined
  );
}

/** Inserts a survey and its questions (in order); the survey's id. */
export async function insertSurvey(
  db: Executor,
  survey: {
    title: string;
    areaCode: string;
    createdBy: string | null;
    questions: readonly { text: string; scale: SurveyScale }[];
  },
): Promise<string> {
  const { id } = await db
    .insertInto('survey')
    .values({ title: survey.title, area_code: survey.areaCode, created_by: survey.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('survey_question')
    .values(
      survey.questions.map((q, position) => ({
        survey_id: id,
        position,
        text: q.text,
        scale: q.scale,
      })),
    )
    .execute();
  return id;
}

/** Questions of some surveys, in order. */
export function questionsOf(db: Executor, surveyIds: readonly string[]): Promise<QuestionRow[]> {
  if (surveyIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('survey_question')
    .select(['id', 'survey_id', 'position', 'text', 'scale'])
    .where('survey_id', 'in', surveyIds)
    .orderBy('survey_id')
    .orderBy('position')
    .execute();
}

/** One question by id, or undefined. */
export function findQuestion(db: Executor, id: string): Promise<QuestionRow | undefined> {
  return db
    .selectFrom('survey_question')
    .select(['id', 'survey_id', 'position', 'text', 'scale'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Waves of some surveys, oldest first. */
export function wavesOf(db: Executor, surveyIds: readonly string[]): Promise<WaveRow[]> {
  if (surveyIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('survey_wave')
    .select(['id', 'survey_id', 'period', 'opened_at', 'closed_at'])
    .where('survey_id', 'in', surveyIds)
    .orderBy('opened_at')
    .orderBy('id')
    .execute();
}

/** Whether a survey already has a wave for this period. */
export async function waveExists(db: Executor, surveyId: string, period: string): Promise<boolean> {
  const row = await db
    .selectFrom('survey_wave')
    .select('id')
    .where('survey_id', '=', surveyId)
    .where('period', '=', period)
    .executeTakeFirst();
  return row !== undefined;
}

/** Closes the survey's open wave, if any (a new wave replaces it). */
export async function closeOpenWave(db: Executor, surveyId: string): Promise<void> {
  await db
    .updateTable('survey_wave')
    .set({ closed_at: sql<Date>`now()` })
    .where('survey_id', '=', surveyId)
    .where('closed_at', 'is', null)
    .execute();
}

/** Opens a wave; the new row. */
export function insertWave(db: Executor, surveyId: string, period: string): Promise<WaveRow> {
  return db
    .insertInto('survey_wave')
    .values({ survey_id: surveyId, period })
    .returning(['id', 'survey_id', 'period', 'opened_at', 'closed_at'])
    .executeTakeFirstOrThrow();
}

/** A new participant of a survey (no workshop); its id. */
export async function insertSurveyParticipant(
  db: Executor,
  surveyId: string,
  tokenHash: string,
): Promise<string> {
  const row = await db
    .insertInto('participant')
    .values({ survey_id: surveyId, token_hash: tokenHash })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The survey participant holding a token (by its hash), or undefined. */
export function findSurveyParticipant(
  db: Executor,
  tokenHash: string,
): Promise<{ id: string; survey_id: string | null } | undefined> {
  return db
    .selectFrom('participant')
    .select(['id', 'survey_id'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export interface NewResponseRow {
  id: string;
  surveyId: string;
  participantId: string;
  answers: Record<string, number>;
  contentHash: string;
}

/**
 * Stores the response in the survey's open wave unless its id is already stored or this
 * participant has already answered that wave, in ONE statement, so a re-sent copy racing the
 * original stores one row. Returns whether it inserted. INSERT … SELECT gives its parameters no
 * column types, hence the casts.
 */
export async function insertResponseOnce(db: Executor, r: NewResponseRow): Promise<boolean> {
  const result = await sql<{ id: string }>`
    insert into survey_response (id, survey_id, wave_id, participant_id, answers, content_hash)
    select cast(${r.id} as uuid), w.survey_id, w.id, cast(${r.participantId} as uuid),
           cast(${JSON.stringify(r.answers)} as jsonb), cast(${r.contentHash} as text)
      from survey_wave w
     where w.survey_id = cast(${r.surveyId} as uuid) and w.closed_at is null
    on conflict do nothing
    returning id`.execute(db);
  return result.rows.length > 0;
}

export interface ResponseRow {
  id: string;
  survey_id: string;
  wave_id: string;
  period: string;
  participant_id: string | null;
  answers: Record<string, number>;
  content_hash: string;
  created_at: Date;
}

/** A stored response by its id, with its wave's period, or undefined. */
export function findResponse(db: Executor, id: string): Promise<ResponseRow | undefined> {
  return db
    .selectFrom('survey_response')
    .innerJoin('survey_wave', 'survey_wave.id', 'survey_response.wave_id')
    .select([
      'survey_response.id',
      'survey_response.survey_id',
      'survey_response.wave_id',
      'survey_wave.period',
      'survey_response.participant_id',
      'survey_response.answers',
      'survey_response.content_hash',
      'survey_response.created_at',
    ])
    .where('survey_response.id', '=', id)
    .executeTakeFirst();
}

/** Whether a participant has answered a wave. */
export async function hasAnswered(
  db: Executor,
  waveId: string,
  participantId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('survey_response')
    .select('id')
    .where('wave_id', '=', waveId)
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every answer to one question, with its wave, oldest wave first. */
export async function answersTo(
  db: Executor,
  questionId: string,
): Promise<{ wave_id: string; value: number }[]> {
  const rows = await db
    .selectFrom('survey_response')
    .select([
      'survey_response.wave_id',
      sql<string>`survey_response.answers ->> ${questionId}`.as('value'),
    ])
    .where(sql<boolean>`(survey_response.answers ->> ${questionId}) is not null`)
    .innerJoin('survey_question', (j) =>
      j
        .onRef('survey_question.survey_id', '=', 'survey_response.survey_id')
        .on('survey_question.id', '=', questionId),
    )
    .execute();
  return rows.map((r) => ({ wave_id: r.wave_id, value: Number(r.value) }));
}
