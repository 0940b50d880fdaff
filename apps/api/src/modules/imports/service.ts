// Loading an authority on request (officers), as a background job: the request is checked at
// once (a bad code is refused in milliseconds), a job row is written and answered with 202,
// and the import runs after the response — the national files parsed once per mirror in a
// worker thread (national-data-cache.ts), then the same loadAuthority as the command line.
// One running job per authority (a unique index, so across instances too); on one instance
// jobs run one after another. Every outcome is audited and kept on the job.
import { ConstraintViolationError, type Database } from '@thrive/db';
import type { Kysely } from 'kysely';
import { BadRequestError, ConflictError, HttpError, NotFoundError } from '../../errors.ts';
import { recordAudit } from '../audit/repository.ts';
import * as jobs from './job-repository.ts';
import { loadAuthority, wardFilesFor } from './load-authority.ts';
import { Mirror, MirrorFileMissingError } from './mirror.ts';
import { nationalDataFor } from './national-data-cache.ts';
import type { ImportJobBody, ImportReportBody } from './schemas.ts';

/** The mirror cannot be read on this server (503; the details go to the log). */
export class MirrorUnavailableError extends HttpError {
  readonly statusCode = 503;
}

// A job's progress row is written at most this often.
const PROGRESS_EVERY_MS = 500;
// A running job not updated for this long belongs to an instance that stopped.
const ABANDONED_AFTER_MS = 30 * 60_000;

export interface AuthorityImports {
  /** Checks the code and starts a job (BadRequestError 400, ConflictError 409, MirrorUnavailableError 503). */
  start(code: string, actorId: string | null): Promise<ImportJobBody>;
  /** A job by id (NotFoundError 404). */
  get(id: string): Promise<ImportJobBody>;
  /** Resolves when every job started here has finished (closing the server, tests). */
  idle(): Promise<void>;
}

export function toJobBody(row: jobs.ImportJobRow): ImportJobBody {
  return {
    id: row.id,
    kind: row.kind,
    target: row.target,
    status: row.status,
    progress: row.progress,
    result: row.result === null ? null : (row.result as ImportReportBody),
    error: row.error,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
  };
}

/** Background authority imports for one app instance. */
export function authorityImports(db: Kysely<Database>, mirrorRoot: string, log: { error(obj: object, msg: string): void }): AuthorityImports {
  let queue: Promise<void> = jobs.failAbandonedJobs(db, new Date(Date.now() - ABANDONED_AFTER_MS)).catch((error: unknown) => log.error({ err: error }, 'could not tidy abandoned import jobs'));

  async function run(id: string, code: string, actorId: string | null): Promise<void> {
    const started = performance.now();
    const target = `authority:${code}`;
    let lastWrite = 0;
    let writing: Promise<void> = Promise.resolve();
    const progress = (line: string) => {
      const now = performance.now();
      if (now - lastWrite < PROGRESS_EVERY_MS) return;
      lastWrite = now;
      writing = writing.then(() => jobs.setProgress(db, id, line.trim())).catch(() => undefined);
    };
    try {
      progress('reading the national files');
      const national = await nationalDataFor(mirrorRoot);
      const report = await loadAuthority(db, new Mirror(mirrorRoot), national, code, progress);
      const seconds = Math.round(performance.now() - started) / 1000;
      const result: ImportReportBody = { code, name: report.name, wards: report.wards, lsoas: report.lsoas, values: report.values, seconds, notes: report.notes };
      await writing;
      await jobs.finishJob(db, id, { status: 'done', result, error: null });
      await recordAudit(db, { actorId, action: 'import.authority', target, details: { outcome: 'loaded', wards: report.wards, lsoas: report.lsoas, values: report.values, seconds } });
    } catch (error) {
      await writing;
      const refused = error instanceof BadRequestError;
      if (!refused) log.error({ err: error }, 'import failed');
      const message = refused ? error.message : error instanceof MirrorFileMissingError ? 'The data mirror cannot be read on this server.' : 'The import failed on our side; it has been logged.';
      await jobs.finishJob(db, id, { status: refused ? 'refused' : 'failed', result: null, error: message });
      await recordAudit(db, { actorId, action: 'import.authority', target, details: { outcome: refused ? 'refused' : 'failed' } });
    }
  }

  return {
    async start(code, actorId) {
      const mirror = new Mirror(mirrorRoot);
      if (!mirror.usable()) throw new MirrorUnavailableError('The data mirror cannot be read on this server.');
      // Cheap checks first (files on disk); the full one (IoD File 2) runs in the job.
      if (wardFilesFor(mirror, code).length === 0) {
        await recordAudit(db, { actorId, action: 'import.authority', target: `authority:${code}`, details: { outcome: 'refused' } });
        throw new BadRequestError(`${code} is not an English local authority district (2019 code) with ward boundaries in the data mirror.`);
      }
      let row: jobs.ImportJobRow;
      try {
        row = await jobs.insertJob(db, { kind: 'authority', target: code, actorId });
      } catch (error) {
        if (error instanceof ConstraintViolationError && error.kind === 'unique') throw new ConflictError(`An import of ${code} is already running; follow it or try again when it has finished.`);
        throw error;
      }
      queue = queue.then(() => run(row.id, code, actorId));
      return toJobBody(row);
    },
    async get(id) {
      const row = await jobs.findJob(db, id);
      if (!row) throw new NotFoundError('No import job with that id.');
      return toJobBody(row);
    },
    idle: () => queue,
  };
}
