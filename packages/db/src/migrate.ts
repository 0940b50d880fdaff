// Applies the migrations in ./migrations, the same set on both engines.
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import { migrations } from './migrations/index.ts';

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

export interface MigrationState {
  /** Names applied by this call. */
  applied: string[];
  /** The newest applied migration, or null on an empty database. */
  latest: string | null;
}

/** Brings the schema up to the newest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationState> {
  const migrator = new Migrator({ db, provider });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed`, { cause: error });
  }
  return { applied: results.map((r) => r.migrationName), latest: await latestMigration(db) };
}

/** The newest applied migration's name, or null when none has run. */
export async function latestMigration(db: Kysely<Database>): Promise<string | null> {
  const all = await new Migrator({ db, provider }).getMigrations();
  const done = all.filter((m) => m.executedAt !== undefined);
  return done.at(-1)?.name ?? null;
}

/** Names of every known migration, in order. */
export const migrationNames = Object.keys(migrations).sort();
