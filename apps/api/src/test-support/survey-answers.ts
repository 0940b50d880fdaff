// Survey answers stored straight into the database, for suites that need many residents fast.
import type { Db } from '@thrive/db';

/** Stores `agreeing` answers of 5 and the rest of 2 to the survey's first (agree5) question in a wave, one new participant each. */
export async function seedAgreeAnswers(
  db: Db,
  survey: { id: string; questions: readonly { id: string }[] },
  waveId: string,
  n: number,
  agreeing: number,
): Promise<void> {
  const questionId = survey.questions[0]?.id ?? '';
  for (let i = 0; i < n; i++) {
    const p = await db.db
      .insertInto('participant')
      .values({ token_hash: crypto.randomUUID(), survey_id: survey.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.db
      .insertInto('survey_response')
      .values({
        id: crypto.randomUUID(),
        survey_id: survey.id,
        wave_id: waveId,
        participant_id: p.id,
        answers: JSON.stringify({ [questionId]: i < agreeing ? 5 : 2 }),
        content_hash: `seed-${i}`,
      })
      .execute();
  }
}
