// The national files, parsed once per mirror folder and kept: every later import reuses them.
// The parse runs in a worker thread, so the event loop stays free for other requests.
import { Worker } from 'node:worker_threads';
import { MirrorFileMissingError } from './mirror.ts';
import type { NationalData } from './national-data.ts';

type WorkerReply = { ok: true; data: NationalData } | { ok: false; missing: boolean; message: string };

const parsed = new Map<string, Promise<NationalData>>();

function parseInWorker(root: string): Promise<NationalData> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./national-data-worker.ts', import.meta.url), { workerData: { root } });
    worker.once('message', (reply: WorkerReply) => {
      if (reply.ok) resolve(reply.data);
      else reject(reply.missing ? new MirrorFileMissingError(reply.message) : new Error(reply.message));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the national-data worker stopped (exit code ${code})`));
    });
  });
}

/** The national data of a mirror folder: parsed on first use (in a worker), then from memory. A failed parse is not kept. */
export function nationalDataFor(root: string): Promise<NationalData> {
  let data = parsed.get(root);
  if (!data) {
    data = parseInWorker(root);
    parsed.set(root, data);
    data.catch(() => parsed.delete(root));
  }
  return data;
}
