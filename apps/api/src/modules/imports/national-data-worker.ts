// Parses the national files off the main thread (national-data-cache.ts starts it), so the
// server keeps answering while the ~30,000 LSOAs of every file are read.
import { parentPort, workerData } from 'node:worker_threads';
import { Mirror, MirrorFileMissingError } from './mirror.ts';
import { readNationalData } from './national-data.ts';

const { root } = workerData as { root: string };
try {
  parentPort?.postMessage({ ok: true, data: readNationalData(new Mirror(root), () => undefined) });
} catch (error) {
  const missing = error instanceof MirrorFileMissingError;
  parentPort?.postMessage({ ok: false, missing, message: error instanceof Error ? error.message : String(error) });
}
