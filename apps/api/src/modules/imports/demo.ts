// The demo on first start: an empty database gets Dacorum (whose ward tartan rugs are the
// example in the seeds) and Milton Keynes, so `npm start` shows real data at once.
import type { Database } from '@thrive/db';
import type { Kysely } from 'kysely';
import { loadAuthority } from './load-authority.ts';
import type { Mirror } from './mirror.ts';
import { readNationalData } from './national-data.ts';
import { isEmpty } from './repository.ts';

export const DEMO_AUTHORITIES = ['E07000096', 'E06000042'] as const;

export type DemoOutcome = 'loaded' | 'not_empty' | 'no_mirror';

/** Loads the demo authorities when the database has no areas and the mirror is there. */
export async function loadDemoIfEmpty(db: Kysely<Database>, mirror: Mirror, progress: (line: string) => void): Promise<DemoOutcome> {
  if (!(await isEmpty(db))) return 'not_empty';
  if (!mirror.usable()) {
    progress(`no data mirror at ${mirror.root}: starting empty (set DATA_MIRROR, then npm run thrive -- load-authority <code>)`);
    return 'no_mirror';
  }
  const started = performance.now();
  progress(`first start: loading the demo authorities (Dacorum, Milton Keynes) from ${mirror.root}…`);
  const national = readNationalData(mirror, progress);
  for (const code of DEMO_AUTHORITIES) await loadAuthority(db, mirror, national, code, progress);
  progress(`demo data loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 'loaded';
}
