// The engines a data-layer test suite runs on: PGlite always, PostgreSQL when
// DATABASE_URL is set (each suite gets a database of its own, dropped afterwards).
import { randomBytes } from 'node:crypto';
import { connect, type Db, type Engine } from './connect.ts';

export interface TestEngine {
  readonly name: Engine;
  /** Opens a fresh, empty database on this engine. */
  open(): Promise<Db>;
}

const pglite: TestEngine = { name: 'pglite', open: () => connect({}) };

function postgres(url: string): TestEngine {
  return {
    name: 'postgres',
    async open() {
      const { default: pg } = await import('pg');
      const name = `thrive_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      // Identifiers cannot be bound as parameters; `name` is generated here, never input.
      await admin.query(`create database ${name}`);
      await admin.end();
      const target = new URL(url);
      target.pathname = `/${name}`;
      const db = await connect({ databaseUrl: target.toString(), poolMax: 4 });
      return {
        ...db,
        async close() {
          await db.close();
          const dropper = new pg.Client({ connectionString: url });
          await dropper.connect();
          await dropper.query(`drop database if exists ${name} with (force)`);
          await dropper.end();
        },
      };
    },
  };
}

/** PGlite, plus PostgreSQL when `DATABASE_URL` is set. */
export function testEngines(env: NodeJS.ProcessEnv = process.env): TestEngine[] {
  return env.DATABASE_URL ? [pglite, postgres(env.DATABASE_URL)] : [pglite];
}
