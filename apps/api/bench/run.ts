// API benchmarks (`pnpm bench`): figures printed, never asserted.
//  1. load-authority for Dacorum and Birmingham on PGlite and PostgreSQL: wall time, peak memory.
//  2. GET /api/rug for Dacorum, warm, with autocannon over loopback: p50/p99 and requests/s,
//     beside a bare GET /api/health measured in the same run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { testEngines } from '@thrive/db/testing';
import { appWith, DACORUM } from '../src/test-support/dacorum.ts';

const AUTHORITIES = [
  ['E07000096', 'Dacorum'],
  ['E08000025', 'Birmingham'],
] as const;

function runChild(code: string, env: Record<string, string>) {
  const out = spawnSync(process.execPath, [join(import.meta.dirname, 'load-authority.child.ts'), code], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(`load of ${code} failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').at(-1) ?? '{}') as { name: string; values: number; parseMs: number; loadMs: number; wallMs: number; maxRssMb: number };
}

async function postgresUrl(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `thrive_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch {
    return undefined;
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

const fmt = (n: number, d = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });

console.log('load-authority (each in a fresh process; parse = reading the national mirror files)');
console.log('engine    authority    values   parse ms  load ms  wall ms  peak RSS MB');
for (const engine of ['pglite', 'postgres'] as const) {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'thrive-bench-'));
    env = { PGLITE_DIR: join(dir, 'db'), DATABASE_URL: '' };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const target = await postgresUrl();
    if (!target) {
      console.log('postgres  (skipped: no PostgreSQL reachable at DATABASE_URL or 127.0.0.1:5432)');
      continue;
    }
    env = { DATABASE_URL: target.url };
    cleanup = target.drop;
  }
  for (const [code, name] of AUTHORITIES) {
    const r = runChild(code, env);
    console.log(`${engine.padEnd(9)} ${name.padEnd(11)} ${fmt(r.values).padStart(7)} ${fmt(r.parseMs).padStart(10)} ${fmt(r.loadMs).padStart(8)} ${fmt(r.wallMs).padStart(8)} ${fmt(r.maxRssMb).padStart(12)}`);
  }
  await cleanup();
}

console.log('\nGET /api/rug for Dacorum (25 wards × 28 indicators), warm, loopback, 10 connections, 8 s each');
const [pgliteEngine] = testEngines({});
if (!pgliteEngine) throw new Error('no PGlite engine');
const { app } = await appWith(pgliteEngine, [DACORUM]);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
const base = `http://127.0.0.1:${port}`;
async function measure(path: string) {
  await autocannon({ url: base + path, connections: 4, duration: 2 }); // warm-up
  return autocannon({ url: base + path, connections: 10, duration: 8 });
}
const health = await measure('/api/health');
const rug = await measure(`/api/rug?parent=${DACORUM}&level=ward`);
await app.close();
console.log('route         p50 ms  p99 ms   req/s   non-2xx');
for (const [name, r] of [['/api/health', health], ['/api/rug', rug]] as const) {
  console.log(`${name.padEnd(12)} ${fmt(r.latency.p50, 1).padStart(7)} ${fmt(r.latency.p99, 1).padStart(7)} ${fmt(r.requests.average).padStart(7)} ${fmt(r.non2xx).padStart(9)}`);
}
console.log(`rug / health: p99 ${fmt(rug.latency.p99 / Math.max(health.latency.p99, 0.001), 1)}×, throughput ${fmt(health.requests.average / Math.max(rug.requests.average, 1), 1)}× fewer requests/s (target: rug p99 < 50 ms)`);
