// The data version: bumped in every import's transaction, read by response caches.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** The current data version. */
export async function dataVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('data_version').select('version').where('id', '=', 1).executeTakeFirst();
  return row?.version ?? 0;
}

/** Marks the data as changed; call inside the import's transaction. */
export async function bumpDataVersion(tx: Transaction<Database> | Kysely<Database>): Promise<void> {
  await tx.updateTable('data_version').set({ version: sql`version + 1`, updated_at: sql`now()` }).where('id', '=', 1).execute();
}
