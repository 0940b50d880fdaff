// Test set-up shared by the API suites: an app on a fresh database of one engine with Dacorum
// loaded from the real mirror (read once per test file).
import { migrateToLatest, type Db } from '@thrive/db';
import type { TestEngine } from '@thrive/db/testing';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { loadAuthority } from '../modules/imports/load-authority.ts';
import { Mirror } from '../modules/imports/mirror.ts';
import { readNationalData, type NationalData } from '../modules/imports/national-data.ts';

export const DACORUM = 'E07000096';
const config = loadConfig({ LOG_LEVEL: 'silent', DATA_MIRROR: process.env.DATA_MIRROR });
export const mirror = new Mirror(config.dataMirror);

let national: NationalData | undefined;
/** The parsed national files, once per process. */
export function nationalData(): NationalData {
  national ??= readNationalData(mirror, () => undefined);
  return national;
}

/** An app on a fresh database of `engine`, with the given authorities loaded. */
export async function appWith(engine: TestEngine, authorities: readonly string[] = [DACORUM]): Promise<{ app: FastifyInstance; db: Db }> {
  const db = await engine.open();
  await migrateToLatest(db.db);
  for (const code of authorities) await loadAuthority(db.db, mirror, nationalData(), code, () => undefined);
  const app = await buildApp(config, { db, web: false });
  app.addHook('onClose', () => db.close());
  await app.ready();
  return { app, db };
}
