// Opens the configured database for a command, migrated, and always closes it.
import { connect, migrateToLatest, type Db } from '@thrive/db';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { UsageError, type CliIo } from './command.ts';

/** The validated settings, as a usage error when one is bad. */
export function configFrom(io: CliIo): Config {
  try {
    return loadConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/** Runs `work` with the configured database open and migrated. */
export async function withDatabase<T>(config: Config, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await connect({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir, poolMax: 2 });
  try {
    await migrateToLatest(db.db);
    return await work(db);
  } finally {
    await db.close();
  }
}
