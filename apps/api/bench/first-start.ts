// The first `npm start` in a fresh clone (packages cached), timed to a healthy server: a clone
// of this checkout's HEAD in a temporary folder, then the bootstrap there (tooling/bootstrap/
// run.mjs start: Node and pnpm checks, install from pnpm's store, `turbo build` with an empty
// turbo cache, so the web app is built), then the server's own start on a new PGlite folder:
// creating and migrating the database and loading the demo authorities from the mirror before
// it listens. Timed until GET /api/health answers 200; the clone itself is not timed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mirrorDir } from '@thrive/geo/test-support/mirror';
import { recordRow } from '../../../tooling/bench/rows.ts';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
// The mirror as the checkout sees it (a clone elsewhere would not find ../shared/data).
const MIRROR = mirrorDir();
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

/** Clones HEAD, runs `npm start`'s entry there on a free port and a new PGlite folder; prints and records the time to a healthy server. */
export async function firstStartBenchmark(): Promise<void> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'thrive-first-start-'));
  const clone = join(dir, 'clone');
  const cloned = spawnSync('git', ['clone', '--quiet', ROOT, clone], { encoding: 'utf8' });
  if (cloned.status !== 0 || !existsSync(join(clone, 'package.json'))) {
    console.log(`\nfirst \`npm start\`: could not clone ${ROOT} (${cloned.stderr.trim()})`);
    recordRow({ id: 'first-start', measured: 'not measured: git clone failed', met: false });
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  const started = performance.now();
  const child = spawn(process.execPath, [join(clone, 'tooling/bootstrap/run.mjs'), 'start'], {
    cwd: clone,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PGLITE_DIR: join(dir, 'pglite'),
      DATABASE_URL: '',
      DATA_MIRROR: MIRROR,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  // When the server's own start began its demo load and finished it, from its progress lines.
  const phases: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    stderr = (stderr + text).slice(-2000);
    const at = ((performance.now() - started) / 1000).toFixed(1);
    if (text.includes('first start: loading'))
      phases.push(`install + build + server start + new database by ${at} s`);
    if (text.includes('demo data loaded')) phases.push(`demo data loaded by ${at} s`);
  });
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

  console.log(
    '\nfirst `npm start` in a fresh clone of HEAD, packages cached (bootstrap, install, build, create + migrate, demo load) → healthy /api/health',
  );
  if (healthyAfter === undefined) {
    console.log(
      `  not healthy within ${GIVE_UP_S} s${child.exitCode !== null ? ` (exited ${child.exitCode})` : ''}: ${stderr.trim().split('\n').at(-1) ?? ''}`,
    );
    recordRow({ id: 'first-start', measured: `not healthy within ${GIVE_UP_S} s`, met: false });
    return;
  }
  console.log(
    `  ${healthyAfter.toFixed(1)} s (target ≤ ${TARGET_S} s: ${healthyAfter <= TARGET_S ? 'met' : 'MISSED'})${phases.length ? `; ${phases.join(', ')}` : ''}`,
  );
  recordRow({
    id: 'first-start',
    measured: `${healthyAfter.toFixed(1)} s`,
    met: healthyAfter <= TARGET_S,
  });
}
