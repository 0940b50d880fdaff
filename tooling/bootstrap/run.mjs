#!/usr/bin/env node
// The one entry behind `npm start`, `npm test`, `npm run thrive` and `npm run bench`.
// It must run on any Node >= 20 with only npm present, so it uses no dependencies:
// it fetches a Node new enough for the stack and pnpm from the npm registry when
// needed, installs, builds (turbo caches), then hands over to the real command.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ONE_SHOT_FLAGS } from './one-shot-flags.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NODE_WANTED = '24';
const NODE_MIN = [22, 17]; // SvelteKit 3 is the strictest part of the stack
const PNPM_VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).devEngines.packageManager
  .version;
const TOOLS = process.env.THRIVE_TOOLS_DIR ?? join(homedir(), '.cache', 'thrive');

const say = (line) => process.stderr.write(`thrive: ${line}\n`);
const fail = (line) => {
  say(line);
  process.exit(1);
};

function versionOk(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > NODE_MIN[0] || (major === NODE_MIN[0] && minor >= NODE_MIN[1]);
}

function nodeVersionOf(bin) {
  const out = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return out.status === 0 ? out.stdout.trim() : undefined;
}

function npmInstallTo(prefix, spec) {
  mkdirSync(prefix, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const out = spawnSync(
    npm,
    ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', spec],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (out.status !== 0) fail(`could not install ${spec} from the npm registry (npm exit ${out.status}).`);
}

/** A directory holding a `node` binary new enough for the stack. */
function ensureNode() {
  if (versionOk(process.version)) return dirname(process.execPath);
  const prefix = join(TOOLS, `node-${NODE_WANTED}`);
  // The `node` package ships the real binary here; its bin shim is not needed.
  const bin = join(prefix, 'node_modules', 'node', 'bin', 'node');
  let version = existsSync(bin) ? nodeVersionOf(bin) : undefined;
  if (!version || !versionOk(version)) {
    say(`Node ${process.version} is too old for the stack; fetching Node ${NODE_WANTED} LTS from the npm registry into ${prefix} (once)…`);
    npmInstallTo(prefix, `node@${NODE_WANTED}`);
    version = nodeVersionOf(bin);
    // npm may skip the package's preinstall step; the binary is what matters, so check it runs.
    if (!version || !versionOk(version)) fail(`Node ${NODE_WANTED} did not install to a runnable binary at ${bin}.`);
  }
  return dirname(bin);
}

/** The path of pnpm's CLI entry (run with the chosen node). */
function ensurePnpm(nodeDir) {
  const prefix = join(TOOLS, `pnpm-${PNPM_VERSION}`);
  const cli = join(prefix, 'node_modules', 'pnpm', 'bin', 'pnpm.mjs');
  if (!existsSync(cli)) {
    say(`installing pnpm ${PNPM_VERSION} into ${prefix} (once)…`);
    npmInstallTo(prefix, `pnpm@${PNPM_VERSION}`);
    if (!existsSync(cli)) fail(`pnpm did not install where expected (${cli}).`);
  }
  return (args) => spawnSync(join(nodeDir, 'node'), [cli, ...args], { stdio: 'inherit', cwd: ROOT, env: childEnv(nodeDir) });
}

function childEnv(nodeDir) {
  // turbo runs each package's script through `pnpm run`, so pnpm must be on the PATH too.
  const pnpmBin = join(TOOLS, `pnpm-${PNPM_VERSION}`, 'node_modules', '.bin');
  return {
    ...process.env,
    PATH: [nodeDir, pnpmBin, join(ROOT, 'node_modules', '.bin'), process.env.PATH].join(delimiter),
    TURBO_TELEMETRY_DISABLED: '1',
    DO_NOT_TRACK: '1',
  };
}

/** Installs dependencies only when the lockfile or a manifest changed since the last install. */
function ensureInstalled(pnpm) {
  const hash = createHash('sha256');
  const manifests = ['pnpm-lock.yaml', 'pnpm-workspace.yaml', 'package.json'];
  const ws = spawnSync('git', ['ls-files', '*package.json'], { cwd: ROOT, encoding: 'utf8' });
  if (ws.status === 0) manifests.push(...ws.stdout.split('\n').filter(Boolean));
  for (const file of [...new Set(manifests)]) {
    const path = join(ROOT, file);
    if (existsSync(path)) hash.update(file).update(readFileSync(path));
  }
  const digest = hash.digest('hex');
  const stamp = join(ROOT, 'node_modules', '.thrive-install');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return;
  say('installing dependencies…');
  const frozen = existsSync(join(ROOT, 'pnpm-lock.yaml')) && process.env.CI ? ['--frozen-lockfile'] : [];
  const out = pnpm(['install', ...frozen]);
  if (out.status !== 0) fail('dependency install failed (see above).');
  writeFileSync(stamp, digest);
}

function run(nodeDir, command, args) {
  const child = spawn(command, args, { stdio: 'inherit', cwd: ROOT, env: childEnv(nodeDir) });
  // Pass signals on so the server can shut down gracefully.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}


const [command = 'start', ...rest] = process.argv.slice(2);
const nodeDir = ensureNode();
const pnpm = ensurePnpm(nodeDir);
ensureInstalled(pnpm);
// turbo's own launcher, run directly: `pnpm exec` would try to resolve pnpm itself again.
const TURBO = join(ROOT, 'node_modules', 'turbo', 'bin', 'turbo');
const turbo = (args, env = {}) =>
  spawnSync(join(nodeDir, 'node'), [TURBO, 'run', ...args], {
    stdio: 'inherit',
    cwd: ROOT,
    env: { ...childEnv(nodeDir), ...env },
  });

// The speed table of issue 17, in its order, with each row's target: printed after every
// `bench` run whether or not a row was measured, so a row that went missing shows as missing.
const SPEED_ROWS = [
  ['rug-page', 'navigation → filled rug table, Dacorum, Chromium, cold', '≤ 400 ms (the table in the server-rendered HTML)'],
  ['profile-page', 'navigation → filled profile', '≤ 400 ms'],
  ['api-rug', '/api/rug Dacorum warm, p99 vs /api/health p99', '≤ 2× health p99'],
  ['rug-model', 'rug model 7,500 × 30 × 2', '≤ 30 ms (≤ 4× the loop)'],
  ['imd-summaries', 'IoD summaries, 317 authorities, after parse', '≤ 10 ms'],
  ['read-file2-file6', 'reading File 2 + File 6 (6 MB of CSV)', '≤ 250 ms'],
  ['load-authority', 'load-authority Dacorum on PGlite: wall, peak memory', '≤ 3 s, ≤ 500 MB'],
  ['first-start', 'first `npm start` in a fresh clone (packages cached) to a healthy server', '≤ 20 s'],
];

function printSpeedTable(file) {
  const measured = new Map();
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  for (const line of text.split('\n').filter(Boolean)) {
    const row = JSON.parse(line);
    measured.set(row.id, row);
  }
  process.stdout.write('\n── speed table (issue 17): this run ──\n');
  process.stdout.write('| what | measured | baseline in this run | target | met |\n| --- | --- | --- | --- | --- |\n');
  for (const [id, what, target] of SPEED_ROWS) {
    const row = measured.get(id);
    const cells = row
      ? [what, row.measured, row.baseline ?? '—', target, row.met ? 'yes' : 'NO']
      : [what, 'not measured in this run', '—', target, '—'];
    process.stdout.write(`| ${cells.join(' | ')} |\n`);
  }
}

switch (command) {
  case 'start': {
    if (turbo(['build', '--output-logs=errors-only']).status !== 0) fail('build failed (see above).');
    run(nodeDir, join(nodeDir, 'node'), [join(ROOT, 'apps/api/src/server.ts'), ...rest]);
    break;
  }
  case 'test': {
    const out = turbo(['typecheck', 'lint', 'test', 'test:e2e', '--output-logs=new-only', '--concurrency=1', ...rest]);
    process.exit(out.status ?? 1);
    break;
  }
  case 'thrive': {
    run(nodeDir, join(nodeDir, 'node'), [...ONE_SHOT_FLAGS, join(ROOT, 'apps/api/src/cli/main.ts'), ...rest]);
    break;
  }
  case 'bench': {
    // Every benchmark appends the speed-table rows it measured to this file (tooling/bench/rows.ts).
    const rows = join(mkdtempSync(join(tmpdir(), 'thrive-bench-')), 'rows.jsonl');
    const env = { THRIVE_BENCH_ROWS: rows };
    const out = turbo(['bench', '--output-logs=full', '--concurrency=1', ...rest], env);
    printSpeedTable(rows);
    process.exit(out.status ?? 1);
    break;
  }
  case 'dev': {
    run(nodeDir, join(nodeDir, 'node'), [TURBO, 'run', 'dev', ...rest]);
    break;
  }
  default:
    fail(`unknown command "${command}" (start | test | thrive | bench | dev).`);
}
