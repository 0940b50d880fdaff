// The only place that reads schema state for the health check: one cheap query.
import type { Database } from '@thrive/db';
import { sql, type Kysely } from 'kysely';

/** The newest applied migration (Kysely's own table), or null before the first. */
export async function newestMigration(db: Kysely<Database>): Promise<string | null> {
  const result = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db);
  return result.rows[0]?.name ?? null;
}
