// API benchmarks (`pnpm bench`): figures printed, never asserted.
//  1. load-authority for Dacorum and Birmingham on PGlite and PostgreSQL: wall time, peak memory.
//  2. GET /api/rug for Dacorum, warm, with autocannon over loopback: p50/p99 and requests/s,
//     beside a bare GET /api/health measured in the same run.
//  3. GET /api/health while an officer's import runs as a background job (POST
//     /api/imports/authorities), on each engine: p99 (target < 50 ms).
//  0. The first `npm start` on an empty database to a healthy server (bench/first-start.ts).
//  4. Residents' workshops on PostgreSQL: 200 residents' pins, a SIGKILL mid-run, two instances
//     and a live wall (bench/workshops.ts; alone: `pnpm bench:workshops`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { scratchDatabase, testEngines, type ScratchDatabase } from '@thrive/db/testing';
import { accountsApp, addAccount, signInAs } from '../src/test-support/accounts.ts';
import { appWith, DACORUM } from '../src/test-support/dacorum.ts';
import { recordRow } from '../../../tooling/bench/rows.ts';
import { ONE_SHOT_FLAGS } from '../../../tooling/bootstrap/one-shot-flags.mjs';
import { firstStartBenchmark } from './first-start.ts';
import { workshopBenchmarks } from './workshops.ts';

const AUTHORITIES = [
  ['E07000096', 'Dacorum'],
  ['E08000025', 'Birmingham'],
] as const;

function runChild(code: string, env: Record<string, string>) {
  // As `npm run thrive -- load-authority` runs it, with the bootstrap's flags for one-shot commands.
  const out = spawnSync(process.execPath, [...ONE_SHOT_FLAGS, join(import.meta.dirname, 'load-authority.child.ts'), code], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(`load of ${code} failed: ${out.stderr}`);
  const result = JSON.parse(out.stdout.trim().split('\n').at(-1) ?? '{}') as { name: string; values: number; parseMs: number; openMs: number; loadMs: number; wallMs: number; maxRssMb: number };
  return { ...result, nodeStartMs: bareNodeStartMs() };
}

/** The same-run baseline for a load: a process that starts Node and exits (ms). */
function bareNodeStartMs(): number {
  const started = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  return performance.now() - started;
}

/** A fresh database on the PostgreSQL of DATABASE_URL, or undefined when there is none to reach. */
const postgresUrl = (): Promise<ScratchDatabase | undefined> =>
  scratchDatabase(
    process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    'thrive_bench',
  ).catch(() => undefined);

const fmt = (n: number, d = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });

await firstStartBenchmark();

console.log('\nload-authority into a migrated database, as on a running install (each in a fresh process; parse = reading the national mirror files, open = opening the database)');
console.log('engine    authority    values   parse ms  open ms  load ms  wall ms  peak RSS MB');
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
  // Creating the database is once per install (npm start does it): timed apart, not in the rows.
  const created = runChild('--create-only', env);
  console.log(`${engine.padEnd(9)} (create and migrate a new database: ${fmt(created.wallMs)} ms, peak ${fmt(created.maxRssMb)} MB)`);
  for (const [code, name] of AUTHORITIES) {
    const r = runChild(code, env);
    console.log(`${engine.padEnd(9)} ${name.padEnd(11)} ${fmt(r.values).padStart(7)} ${fmt(r.parseMs).padStart(10)} ${fmt(r.openMs).padStart(8)} ${fmt(r.loadMs).padStart(8)} ${fmt(r.wallMs).padStart(8)} ${fmt(r.maxRssMb).padStart(12)}`);
    if (engine === 'pglite' && code === 'E07000096') {
      recordRow({
        id: 'load-authority',
        measured: `wall ${fmt(r.wallMs / 1000, 1)} s into a migrated database (parse ${fmt(r.parseMs / 1000, 1)} s, open ${fmt(r.openMs / 1000, 1)} s, load ${fmt(r.loadMs / 1000, 1)} s), peak ${fmt(r.maxRssMb)} MB; a new database first costs ${fmt(created.wallMs / 1000, 1)} s`,
        baseline: `${fmt(r.wallMs / r.nodeStartMs, 0)}× a bare node start (${fmt(r.nodeStartMs)} ms)`,
        met: r.wallMs <= 3000 && r.maxRssMb <= 500,
      });
    }
  }
  await cleanup();
}

console.log('\nGET /api/rug for Dacorum (25 wards × 28 indicators), warm, loopback, 10 connections, 8 s each, Accept-Encoding as a browser sends it');
const [pgliteEngine] = testEngines({});
if (!pgliteEngine) throw new Error('no PGlite engine');
const { app } = await appWith(pgliteEngine, [DACORUM]);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
const base = `http://127.0.0.1:${port}`;
// As a browser asks: compressed if the server will (the rug is sent as cached Brotli bytes).
const headers = { 'accept-encoding': 'gzip, deflate, br' };
async function measure(path: string) {
  await autocannon({ url: base + path, headers, connections: 4, duration: 2 }); // warm-up
  return autocannon({ url: base + path, headers, connections: 10, duration: 8 });
}
const health = await measure('/api/health');
const rug = await measure(`/api/rug?parent=${DACORUM}&level=ward`);
await app.close();
console.log('route         p50 ms  p99 ms   req/s   non-2xx');
for (const [name, r] of [['/api/health', health], ['/api/rug', rug]] as const) {
  console.log(`${name.padEnd(12)} ${fmt(r.latency.p50, 1).padStart(7)} ${fmt(r.latency.p99, 1).padStart(7)} ${fmt(r.requests.average).padStart(7)} ${fmt(r.non2xx).padStart(9)}`);
}
recordRow({
  id: 'api-rug',
  measured: `p99 ${fmt(rug.latency.p99, 1)} vs ${fmt(health.latency.p99, 1)} ms, ${fmt(rug.requests.average)} req/s`,
  baseline: `${fmt(rug.latency.p99 / Math.max(health.latency.p99, 0.001), 1)}× /api/health p99`,
  met: rug.latency.p99 <= 2 * health.latency.p99,
});
console.log(`rug / health: p99 ${fmt(rug.latency.p99 / Math.max(health.latency.p99, 0.001), 1)}×, throughput ${fmt(health.requests.average / Math.max(rug.requests.average, 1), 1)}× fewer requests/s (target: rug p99 < 50 ms)`);

console.log('\n/api/health during an import of Milton Keynes (a background job), loopback, 10 connections');
console.log('engine    national files  import s  p50 ms  p99 ms  max ms  requests  non-2xx');
for (const engine of testEngines()) {
  const t = await accountsApp(engine);
  await addAccount(t.db, 'officer', 'bench@example.org');
  const cookie = await signInAs(t.app, 'bench@example.org');
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const where = t.app.server.address();
  const url = `http://127.0.0.1:${typeof where === 'object' && where ? where.port : 0}`;
  const cold = engine === testEngines()[0];
  const started = performance.now();
  const post = await fetch(`${url}/api/imports/authorities`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ code: 'E06000042' }) });
  if (post.status !== 202) throw new Error(`import not started: ${post.status} ${await post.text()}`);
  const { id } = (await post.json()) as { id: string };
  let stop = () => {};
  const health = new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: `${url}/api/health`, connections: 10, duration: 600 }, (error, result) => (error ? reject(error) : resolve(result)));
    stop = () => instance.stop();
  });
  let status = 'running';
  while (status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 200));
    status = ((await (await fetch(`${url}/api/imports/${id}`, { headers: { cookie } })).json()) as { status: string }).status;
  }
  const seconds = (performance.now() - started) / 1000;
  stop();
  const r = await health;
  await t.app.close();
  console.log(
    `${engine.name.padEnd(9)} ${(cold ? 'parsed (cold)' : 'cached').padEnd(15)} ${fmt(seconds, 1).padStart(8)} ${fmt(r.latency.p50, 1).padStart(7)} ${fmt(r.latency.p99, 1).padStart(7)} ${fmt(r.latency.max, 0).padStart(7)} ${fmt(r.requests.total).padStart(9)} ${fmt(r.non2xx).padStart(8)}  (${status}; target p99 < 50 ms)`,
  );
}

await workshopBenchmarks();
