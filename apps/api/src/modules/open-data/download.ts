// Downloads one file to a cache path: resumes a partial download with an HTTP Range request
// (or restarts when the server ignores it), retries a dropped connection, refuses an HTML page
// where data was expected, and checks the SHA-256. Only a complete, verified file gets its
// final name; a bad one is deleted, so nothing already there is replaced by it.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

/** A download that cannot be used; the message is one line naming the file and what to do. */
export class DownloadError extends Error {
  override name = 'DownloadError';
}

export interface DownloadProgress {
  url: string;
  received: number;
  /** Total bytes when the server said (Content-Length), else null. */
  total: number | null;
}

export interface DownloadOptions {
  /** Expected SHA-256 (hex), or null when the register has none yet. */
  sha256: string | null;
  /** Tries after the first when the connection drops (each resumes where it stopped). */
  retries?: number;
  onProgress?: (progress: DownloadProgress) => void;
}

export interface DownloadResult {
  path: string;
  sha256: string;
  bytes: number;
  /** True when the verified file was already in the cache. */
  cached: boolean;
}

/** SHA-256 (hex) of a file, streamed. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

const HTML_START = /^\s*(<!doctype html|<html|<head|<body)/i;

/** Downloads `url` to `path` (via `path.part`), verified; reuses a verified file already there. */
export async function downloadFile(
  url: string,
  path: string,
  options: DownloadOptions,
): Promise<DownloadResult> {
  const retries = options.retries ?? 3;
  if (existsSync(path)) {
    const sha256 = await sha256File(path);
    if (options.sha256 === null || sha256 === options.sha256)
      return { path, sha256, bytes: (await stat(path)).size, cached: true };
    await rm(path);
  }
  await mkdir(dirname(path), { recursive: true });
  const part = `${path}.part`;
  for (let attempt = 0; ; attempt++) {
    try {
      await fetchInto(url, part, options.onProgress);
      break;
    } catch (error) {
      if (error instanceof DownloadError || attempt >= retries) {
        if (error instanceof DownloadError) throw error;
        const have = existsSync(part) ? (await stat(part)).size : 0;
        throw new DownloadError(
          `${url}: the connection kept dropping (${describe(error)}); ${have.toLocaleString('en-GB')} bytes kept, run the command again to resume`,
        );
      }
    }
  }
  const sha256 = await sha256File(part);
  if (options.sha256 !== null && sha256 !== options.sha256) {
    await rm(part, { force: true });
    throw new DownloadError(
      `${url}: checksum mismatch (expected sha256:${options.sha256}, got sha256:${sha256}): the publisher changed the file or it was damaged on the way; nothing was replaced`,
    );
  }
  await rename(part, path);
  return { path, sha256, bytes: (await stat(path)).size, cached: false };
}

async function fetchInto(
  url: string,
  part: string,
  onProgress: DownloadOptions['onProgress'],
): Promise<void> {
  const have = existsSync(part) ? (await stat(part)).size : 0;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { 'accept-encoding': 'identity', ...(have > 0 ? { range: `bytes=${have}-` } : {}) },
      redirect: 'follow',
    });
  } catch (error) {
    // Refused or unreachable: say so at once rather than retrying a host that is not there.
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    if (cause === 'ECONNREFUSED' || cause === 'ENOTFOUND' || cause === 'EAI_AGAIN') {
      throw new DownloadError(
        `${url}: cannot reach ${new URL(url).host} (${cause}); check the connection, or fetch from a local copy with --from`,
      );
    }
    throw error;
  }
  if (response.status === 416 && have > 0) {
    // The part file already holds every byte; the checksum decides whether it is right.
    await response.body?.cancel();
    return;
  }
  if (response.status === 404 || response.status === 410) {
    await response.body?.cancel();
    throw new DownloadError(
      `${url}: not found (HTTP ${response.status}): the publisher has moved or removed the file; find it from the dataset's page and download it by hand, or update data/sources.json`,
    );
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new DownloadError(
      `${url}: the server answered HTTP ${response.status} ${response.statusText}; try again later`,
    );
  }
  const resumed = response.status === 206 && have > 0;
  const type = response.headers.get('content-type') ?? '';
  const reader = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  const total = Number.isFinite(length) ? length + (resumed ? have : 0) : null;
  let received = resumed ? have : 0;
  let checkedStart = resumed;
  const out = createWriteStream(part, { flags: resumed ? 'a' : 'w' });
  await pipeline(
    reader,
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        if (!checkedStart) {
          checkedStart = true;
          if (
            type.includes('text/html') ||
            HTML_START.test(chunk.subarray(0, 512).toString('utf8'))
          ) {
            throw new DownloadError(
              `${url}: the server sent a web page instead of the data file (an error page, a sign-in page or a moved file); download it by hand from the dataset's page`,
            );
          }
        }
        received += chunk.length;
        onProgress?.({ url, received, total });
        yield chunk;
      }
    },
    out,
  ).catch(async (error: unknown) => {
    if (error instanceof DownloadError) await rm(part, { force: true });
    throw error;
  });
  if (total !== null && received < total) {
    throw new Error(
      `truncated: ${received.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} bytes`,
    );
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}
