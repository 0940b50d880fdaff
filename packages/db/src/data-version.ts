// The data version (bumped in every import's transaction) and the community version (bumped by
// trigger on every change to KPIs, surveys and pins, migration 0013), read by response caches.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** The current data version. */
export async function dataVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('data_version').select('version').where('id', '=', 1).executeTakeFirst();
  return row?.version ?? 0;
}

/** Both versions in one query: what a cached answer depends on. */
export async function cacheVersions(db: Kysely<Database>): Promise<{ data: number; community: string }> {
  const row = await db
    .selectFrom('data_version')
    .select(['version', sql<string>`community_version::text`.as('community')])
    .where('id', '=', 1)
    .executeTakeFirst();
  return { data: row?.version ?? 0, community: row?.community ?? '0' };
}

/** Marks the data as changed; call inside the import's transaction. */
export async function bumpDataVersion(tx: Transaction<Database> | Kysely<Database>): Promise<void> {
  await tx.updateTable('data_version').set({ version: sql`version + 1`, updated_at: sql`now()` }).where('id', '=', 1).execute();
}
