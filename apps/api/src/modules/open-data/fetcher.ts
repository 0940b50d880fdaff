// `thrive data fetch`: every dataset in the register, downloaded from its address into a cache
// under the data folder, verified, then laid out as the loaders read it. A dataset's files move
// into place only when all of them are verified and built, so a failure leaves the folder as it was.
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DownloadError, downloadFile, type DownloadProgress } from './download.ts';
import { layOut, LayoutError, type Downloaded } from './layout.ts';
import {
  downloadsOf,
  isManual,
  readRegister,
  rebase,
  type Download,
  type FetchRegister,
  type RegisterDataset,
} from './register.ts';

export interface FetchOptions {
  /** The data folder to fill (DATA_MIRROR then points here). */
  dest: string;
  /** Scheme and host (and optional path prefix) to fetch from instead of the publishers'. */
  from?: string | undefined;
  /** Dataset ids to fetch; all when empty. */
  only?: readonly string[];
  register?: FetchRegister;
  /** Files downloaded at once. */
  concurrency?: number;
  /** Tries after the first when a connection drops. */
  retries?: number;
  /** One line of progress. */
  progress: (line: string) => void;
}

export interface DatasetOutcome {
  id: string;
  status: 'fetched' | 'failed' | 'manual' | 'manual-present';
  files: number;
  bytes: number;
  /** The one-line reason, for failed and manual datasets. */
  message?: string;
  /** Files fetched with no checksum in the register, and the checksum they had. */
  unverified: { url: string; sha256: string }[];
}

/** Where a download is cached: under .downloads by the publisher's host and path, whatever --from says. */
export function cachePath(dest: string, url: string): string {
  const { host, pathname } = new URL(url);
  return join(
    dest,
    '.downloads',
    host,
    ...decodeURIComponent(pathname)
      .split('/')
      .filter((p) => p !== '' && p !== '..'),
  );
}

/** Fetches the register's datasets into `dest`; never throws for a bad download (see the outcomes). */
export async function fetchOpenData(options: FetchOptions): Promise<DatasetOutcome[]> {
  const register = options.register ?? readRegister();
  const unknown = (options.only ?? []).filter((id) => !register.datasets.some((d) => d.id === id));
  if (unknown.length > 0)
    throw new RangeError(
      `unknown dataset "${unknown[0]}" (datasets: ${register.datasets.map((d) => d.id).join(', ')})`,
    );
  const chosen = register.datasets.filter(
    (d) => !options.only?.length || options.only.includes(d.id),
  );
  const outcomes: DatasetOutcome[] = [];
  for (const dataset of chosen) outcomes.push(await fetchDataset(dataset, options));
  return outcomes;
}

async function fetchDataset(
  dataset: RegisterDataset,
  options: FetchOptions,
): Promise<DatasetOutcome> {
  const { fetch } = dataset;
  const target = join(options.dest, dataset.mirror);
  if (isManual(fetch)) {
    if (existsSync(target))
      return { id: dataset.id, status: 'manual-present', files: 1, bytes: 0, unverified: [] };
    return {
      id: dataset.id,
      status: 'manual',
      files: 0,
      bytes: 0,
      unverified: [],
      message: `${dataset.id}: cannot be fetched automatically: ${fetch.manual} Put it at ${target} (${dataset.url}).`,
    };
  }
  const downloads = downloadsOf(fetch);
  const from = options.from
    ? new URL(options.from).host
    : new URL(downloads[0]?.url ?? dataset.url).host;
  options.progress(
    `${dataset.id} (${dataset.release}, ${dataset.geography}): ${downloads.length} file${downloads.length === 1 ? '' : 's'} from ${from}`,
  );
  const unverified: DatasetOutcome['unverified'] = [];
  let bytes = 0;
  let done = 0;
  const report = throttled(options.progress, downloads.length);
  let fetched: Downloaded[];
  try {
    fetched = await mapPool(downloads, options.concurrency ?? 4, async (download: Download) => {
      const url = rebase(download.url, options.from);
      const result = await downloadFile(url, cachePath(options.dest, download.url), {
        sha256: download.sha256,
        retries: options.retries ?? 3,
        onProgress: (p) => report.bytes(p),
      });
      if (download.sha256 === null) unverified.push({ url: download.url, sha256: result.sha256 });
      bytes += result.bytes;
      report.file(++done, bytes);
      return { key: download.key, path: result.path };
    });
  } catch (error) {
    if (error instanceof DownloadError)
      return {
        id: dataset.id,
        status: 'failed',
        files: done,
        bytes,
        unverified,
        message: `${dataset.id}: ${error.message}`,
      };
    throw error;
  }
  const staging = join(options.dest, '.staging', dataset.id);
  await rm(staging, { recursive: true, force: true });
  try {
    const built = await layOut(fetch.layout, fetched, staging, dataset.mirror);
    for (const relative of built) {
      await mkdir(dirname(join(options.dest, relative)), { recursive: true });
      await rename(join(staging, relative), join(options.dest, relative));
    }
    return { id: dataset.id, status: 'fetched', files: built.length, bytes, unverified };
  } catch (error) {
    if (error instanceof LayoutError || error instanceof SyntaxError) {
      return {
        id: dataset.id,
        status: 'failed',
        files: 0,
        bytes,
        unverified,
        // Naming the release the register expects, beside the file's own complaint.
        message: `${dataset.id} (${dataset.release}, ${dataset.geography}): ${error.message}; nothing was replaced`,
      };
    }
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Runs `work` over `items`, `limit` at a time, results in order; the first failure rejects once the running ones settle. */
async function mapPool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failure: unknown = null;
  const worker = async () => {
    while (failure === null && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index] as T);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== null) throw failure;
  return results;
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

// Progress without flooding: bytes of a big single file about once a second, and a line every
// 25 files (and at the end) of a many-file dataset.
function throttled(progress: (line: string) => void, files: number) {
  let last = 0;
  return {
    bytes(p: DownloadProgress) {
      if (files > 1) return;
      const now = performance.now();
      if (now - last < 1000) return;
      last = now;
      progress(
        `  ${new URL(p.url).pathname.split('/').pop() ?? ''}: ${mb(p.received)}${p.total ? ` of ${mb(p.total)}` : ''}`,
      );
    },
    file(done: number, bytes: number) {
      if (files === 1 || done % 25 === 0 || done === files)
        progress(`  ${done}/${files} file${files === 1 ? '' : 's'}, ${mb(bytes)}`);
    },
  };
}
