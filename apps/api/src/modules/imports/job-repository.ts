// The only SQL of background import jobs (table import_job, migration 0006).
import type { Database, ImportJobStatus } from '@thrive/db';
import type { Kysely, Selectable } from 'kysely';

export type ImportJobRow = Selectable<Database['import_job']>;

/** Starts a job; a second running job for the same target breaks the partial unique index (ConstraintViolationError). */
export function insertJob(db: Kysely<Database>, job: { kind: 'authority'; target: string; actorId: string | null }): Promise<ImportJobRow> {
  return db
    .insertInto('import_job')
    .values({ kind: job.kind, target: job.target, status: 'running', actor_id: job.actorId, progress: 'queued', result: null, error: null, finished_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setProgress(db: Kysely<Database>, id: string, progress: string): Promise<void> {
  await db.updateTable('import_job').set({ progress, updated_at: new Date() }).where('id', '=', id).where('status', '=', 'running').execute();
}

export async function finishJob(db: Kysely<Database>, id: string, end: { status: Exclude<ImportJobStatus, 'running'>; result: Record<string, unknown> | null; error: string | null }): Promise<void> {
  const now = new Date();
  await db
    .updateTable('import_job')
    .set({ status: end.status, result: end.result === null ? null : JSON.stringify(end.result), error: end.error, updated_at: now, finished_at: now })
    .where('id', '=', id)
    .execute();
}

export function findJob(db: Kysely<Database>, id: string): Promise<ImportJobRow | undefined> {
  return db.selectFrom('import_job').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks jobs left running by a stopped instance as failed (at start, on one instance's word). */
export async function failAbandonedJobs(db: Kysely<Database>, olderThan: Date): Promise<void> {
  await db
    .updateTable('import_job')
    .set({ status: 'failed', error: 'The server stopped during the import; start it again.', finished_at: new Date() })
    .where('status', '=', 'running')
    .where('updated_at', '<', olderThan)
    .execute();
}
