// One timed load in a process of its own, so peak memory (maxRSS) is this load's alone.
// argv: <LAD code>, or --create-only to create and migrate the database and stop;
// env: DATABASE_URL or PGLITE_DIR. Prints one JSON line.
import { connect, migrateToLatest } from '@thrive/db';
import { loadConfig } from '../src/config.ts';
import { loadAuthority } from '../src/modules/imports/load-authority.ts';
import { Mirror } from '../src/modules/imports/mirror.ts';
import { readNationalData } from '../src/modules/imports/national-data.ts';

const code = process.argv[2] ?? 'E07000096';
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const started = performance.now();
if (code === '--create-only') {
  const db = await connect({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  await migrateToLatest(db.db);
  const done = performance.now();
  await db.close();
  process.stdout.write(`${JSON.stringify({ code, name: 'a new database', values: 0, parseMs: 0, openMs: done - started, loadMs: 0, wallMs: done - started, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
  process.exit(0);
}
const mirror = new Mirror(config.dataMirror);
const national = readNationalData(mirror, () => undefined);
const parsed = performance.now();
const db = await connect({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
await migrateToLatest(db.db);
const loadStart = performance.now();
const report = await loadAuthority(db.db, mirror, national, code, () => undefined);
const done = performance.now();
await db.close();
process.stdout.write(
  `${JSON.stringify({ code, name: report.name, values: report.values, parseMs: parsed - started, openMs: loadStart - parsed, loadMs: done - loadStart, wallMs: done - started, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
