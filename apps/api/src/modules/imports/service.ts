// Loading an authority on request (officers): the same loadAuthority as the command line,
// one at a time per instance, audited.
import type { Database } from '@thrive/db';
import type { Kysely } from 'kysely';
import { BadRequestError, ConflictError } from '../../errors.ts';
import { recordAudit } from '../admin/repository.ts';
import { loadAuthority } from './load-authority.ts';
import { Mirror, MirrorFileMissingError } from './mirror.ts';
import { readNationalData } from './national-data.ts';
import type { ImportReportBody } from './schemas.ts';

/** The mirror cannot be read on this server (503; the details go to the log). */
export class MirrorUnavailableError extends Error {
  override name = 'MirrorUnavailableError';
  readonly statusCode = 503;
}

export type ImportAuthority = (code: string, actorId: string | null) => Promise<ImportReportBody>;

/**
 * An importer for one app instance. An import holds the instance busy for seconds (it parses
 * the national files and writes tens of thousands of rows), so a second one while it runs is
 * refused with 409 rather than queued.
 */
export function authorityImporter(db: Kysely<Database>, mirrorRoot: string): ImportAuthority {
  let running = false;
  return async (code, actorId) => {
    if (running) throw new ConflictError('An import is already running on this server; try again when it has finished.');
    running = true;
    const started = performance.now();
    const target = `authority:${code}`;
    try {
      const mirror = new Mirror(mirrorRoot);
      const national = readNationalData(mirror, () => undefined);
      const report = await loadAuthority(db, mirror, national, code, () => undefined);
      const seconds = Math.round(performance.now() - started) / 1000;
      await recordAudit(db, { actorId, action: 'import.authority', target, details: { outcome: 'loaded', wards: report.wards, lsoas: report.lsoas, values: report.values, seconds } });
      return { code, name: report.name, wards: report.wards, lsoas: report.lsoas, values: report.values, seconds, notes: report.notes };
    } catch (error) {
      const outcome = error instanceof BadRequestError ? 'refused' : 'failed';
      await recordAudit(db, { actorId, action: 'import.authority', target, details: { outcome } });
      if (error instanceof MirrorFileMissingError) throw new MirrorUnavailableError(error.message, { cause: error });
      throw error;
    } finally {
      running = false;
    }
  };
}
