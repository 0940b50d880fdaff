// connect(config): PostgreSQL through a pg Pool when a URL is given, otherwise embedded
// PGlite (real Postgres in WASM) persisted on disk, so `npm start` needs no server.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import { freshClusterTemplate } from './pglite-template.ts';
import type { Database } from './schema.ts';
import { withTypedErrors } from './typed-errors-dialect.ts';

export type Engine = 'pglite' | 'postgres';

export interface DbConfig {
  /** postgres://… ; when set, PostgreSQL is used. */
  databaseUrl?: string | undefined;
  /** Folder for PGlite's files; `memory://` (or undefined) keeps it in memory. */
  pgliteDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  poolMax?: number | undefined;
}

export interface Db {
  readonly db: Kysely<Database>;
  readonly engine: Engine;
  /** The PostgreSQL URL, for a connection of its own (the live wall's LISTEN); undefined on PGlite. */
  readonly databaseUrl?: string | undefined;
  /** Closes the pool or the embedded database; safe to call twice. */
  close(): Promise<void>;
}

/** Opens the configured database. */
export async function connect(config: DbConfig): Promise<Db> {
  if (config.databaseUrl) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolMax ?? 10 });
    // An idle client error (server restart) must not crash the process.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: withTypedErrors(new PostgresDialect({ pool })) });
    return { db, engine: 'postgres', databaseUrl: config.databaseUrl, close: once(() => db.destroy()) };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const dir = config.pgliteDir;
  const onDisk = dir !== undefined && dir !== '' && !dir.includes('://');
  if (onDisk) mkdirSync(dir, { recursive: true });
  // A new database starts from a copy of a freshly initialised one (see pglite-template.ts).
  const isNew = !onDisk || !existsSync(join(dir, 'PG_VERSION'));
  const loadDataDir = isNew ? await freshClusterTemplate(PGlite) : undefined;
  const pglite = dir ? new PGlite(dir, { loadDataDir }) : new PGlite({ loadDataDir });
  await pglite.waitReady;
  const db = new Kysely<Database>({ dialect: withTypedErrors(new PGliteDialect({ pglite })) });
  return { db, engine: 'pglite', close: once(() => db.destroy()) };
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
