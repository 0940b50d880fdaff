// Opens the database for the app, migrates it, and closes it when the app closes.
import { connect, migrateToLatest, type Db } from '@thrive/db';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

export interface DbPluginOptions {
  config: Pick<Config, 'databaseUrl' | 'pgliteDir' | 'dbPoolMax'>;
  /** An already open database (tests); it is not closed by the app. */
  db?: Db | undefined;
}

/** Decorates `app.db`; runs migrations so a fresh database is ready on first start. */
export const dbPlugin = fp<DbPluginOptions>(
  async (app, { config, db: given }) => {
    const db =
      given ??
      (await connect({
        databaseUrl: config.databaseUrl,
        pgliteDir: config.pgliteDir,
        poolMax: config.dbPoolMax,
      }));
    const { applied } = await migrateToLatest(db.db);
    if (applied.length > 0) app.log.info({ applied, engine: db.engine }, 'database migrated');
    app.decorate('db', db);
    if (!given) app.addHook('onClose', () => db.close());
  },
  { name: 'db' },
);
