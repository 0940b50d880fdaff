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

/** An empty PostgreSQL database of its own, and how to drop it. */
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database on the server of `url`, named `<prefix>_<random hex>`. */
export async function scratchDatabase(
  url: string,
  prefix = 'thrive_test',
): Promise<ScratchDatabase> {
  const { default: pg } = await import('pg');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query(statement);
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  // Identifiers cannot be bound as parameters; `name` is generated here, never input.
  await run(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: () => run(`drop database if exists ${name} with (force)`),
  };
}

function postgres(url: string): TestEngine {
  return {
    name: 'postgres',
    async open() {
      const scratch = await scratchDatabase(url);
      const db = await connect({ databaseUrl: scratch.url, poolMax: 4 });
      return {
        ...db,
        async close() {
          await db.close();
          await scratch.drop();
        },
      };
    },
  };
}

/** PGlite, plus PostgreSQL when `DATABASE_URL` is set. */
export function testEngines(env: NodeJS.ProcessEnv = process.env): TestEngine[] {
  return env.DATABASE_URL ? [pglite, postgres(env.DATABASE_URL)] : [pglite];
}
