// The only SQL of workshop participants: anonymous tokens (only their hash is kept) and the
// optional "about you" answers.
import { sql } from 'kysely';
import type { Participant } from '@thrive/db';
import type { Executor } from '../workshops/repository.ts';

/** The participant holding a token (by its hash), or undefined. */
export function findByTokenHash(
  db: Executor,
  tokenHash: string,
): Promise<Pick<Participant, 'id' | 'workshop_id'> | undefined> {
  return db
    .selectFrom('participant')
    .select(['id', 'workshop_id'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** A new participant of a workshop; its id. */
export async function insertParticipant(
  db: Executor,
  workshopId: string,
  tokenHash: string,
): Promise<string> {
  const row = await db
    .insertInto('participant')
    .values({ workshop_id: workshopId, token_hash: tokenHash })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A participant's "about you" answers. */
export function findAbout(
  db: Executor,
  id: string,
): Promise<Pick<Participant, 'age_band' | 'years_band' | 'tenure' | 'about_asked_at'> | undefined> {
  return db
    .selectFrom('participant')
    .select(['age_band', 'years_band', 'tenure', 'about_asked_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Stores the answers given (a question left out keeps its earlier answer) and marks them asked. */
export async function updateAbout(
  db: Executor,
  id: string,
  about: Partial<Pick<Participant, 'age_band' | 'years_band' | 'tenure'>>,
): Promise<void> {
  await db
    .updateTable('participant')
    .set({ ...about, about_asked_at: sql<Date>`coalesce(about_asked_at, now())` })
    .where('id', '=', id)
    .execute();
}

/** Replaces the token hash with one no token has, so the old cookie stops working anywhere. */
export async function retireToken(db: Executor, id: string, unusableHash: string): Promise<void> {
  await db
    .updateTable('participant')
    .set({ token_hash: unusableHash })
    .where('id', '=', id)
    .execute();
}
