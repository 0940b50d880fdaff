// The first `npm start` on an empty database, timed to a healthy server: the bootstrap
// (tooling/bootstrap/run.mjs start: Node and pnpm checks, install when the lockfile changed,
// `turbo build`, cached when nothing changed), then the server's own start on a new PGlite
// folder: creating and migrating the database and loading the demo authorities from the mirror
// before it listens. Timed until GET /api/health answers 200.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { recordRow } from '../../../tooling/bench/rows.ts';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const TARGET_S = 20;
const GIVE_UP_S = 300;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

/** Starts `npm start`'s entry on a free port and a new PGlite folder; prints and records the time to a healthy server. */
export async function firstStartBenchmark(): Promise<void> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'thrive-first-start-'));
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'tooling/bootstrap/run.mjs'), 'start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PGLITE_DIR: join(dir, 'pglite'), DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  let healthyAfter: number | undefined;
  while (performance.now() - started < GIVE_UP_S * 1000 && child.exitCode === null) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) {
        healthyAfter = (performance.now() - started) / 1000;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // The bootstrap runs the server as its child: stop the whole group.
  const exited = new Promise((r) => child.once('exit', r));
  if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
  await exited;
  rmSync(dir, { recursive: true, force: true });

  console.log('\nfirst `npm start` on an empty database (bootstrap, build check, create + migrate, demo load) → healthy /api/health');
  if (healthyAfter === undefined) {
    console.log(`  not healthy within ${GIVE_UP_S} s${child.exitCode !== null ? ` (exited ${child.exitCode})` : ''}: ${stderr.trim().split('\n').at(-1) ?? ''}`);
    recordRow({ id: 'first-start', measured: `not healthy within ${GIVE_UP_S} s`, met: false });
    return;
  }
  console.log(`  ${healthyAfter.toFixed(1)} s (target ≤ ${TARGET_S} s: ${healthyAfter <= TARGET_S ? 'met' : 'MISSED'})`);
  recordRow({ id: 'first-start', measured: `${healthyAfter.toFixed(1)} s`, met: healthyAfter <= TARGET_S });
}
