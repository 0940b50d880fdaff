// Compression (br or gzip, by the client's Accept-Encoding) for everything the server sends:
// Fastify's own answers through @fastify/compress, and the pages SvelteKit writes straight to
// the Node response (plugins/web.ts) through expressjs/compression, which wraps a raw response
// the way @fastify/compress cannot. Both skip bodies under 1 KB (compressing them costs more
// than it saves) and anything already encoded; live streams (text/event-stream) are never
// compressed, as a compressor holds back what it has not yet filled a block with.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Negotiator } from '@fastify/accept-negotiator';
import compress from '@fastify/compress';
import compression from 'compression';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Below this many bytes a body is sent as it is. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/** The encodings the server sends, in order of preference. */
export const ENCODINGS = ['br', 'gzip'] as const;
export type Encoding = (typeof ENCODINGS)[number];

// The negotiator @fastify/compress itself uses, so a cached answer is encoded as a fresh one would be.
const negotiator = new Negotiator<Encoding | 'identity'>({ supportedValues: [...ENCODINGS, 'identity'] });

/** The encoding to send for a request's Accept-Encoding, or null to send the body as it is. */
export function encodingFor(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const chosen = negotiator.negotiate(acceptEncoding);
  return chosen === 'br' || chosen === 'gzip' ? chosen : null;
}

/** A body compressed once for keeping (response caches): Brotli 6 / gzip 6, a little smaller than the per-request defaults. */
export function compressForKeeping(body: string, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(body) } })
    : gzipSync(body, { level: 6 });
}

const isEventStream = (type: unknown) =>
  typeof type === 'string' && type.toLowerCase().startsWith('text/event-stream');

/** Wraps a raw Node response so what is written to it is compressed as the request accepts, then calls `next`. */
export type NodeCompressor = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const compressor = compression({
  threshold: COMPRESS_THRESHOLD_BYTES,
  // The library's default filter (compressible types) minus live streams.
  filter: (req, res) =>
    !isEventStream(res.getHeader('content-type')) && compression.filter(req, res),
});

/**
 * Compression for a raw Node response (the SvelteKit handler's). The middleware reads only what
 * Node's request and response carry; its types name Express's richer ones, hence the one widening.
 */
export const compressNodeResponse = compressor as unknown as NodeCompressor;

export const compressionPlugin = fp(
  async (app: FastifyInstance) => {
    // Brotli at quality 4 (the plugin's default) costs little CPU for most of gzip -9's gain.
    // (The live wall's event stream is written to the hijacked raw response, which this never touches.)
    await app.register(compress, {
      encodings: ['br', 'gzip'],
      threshold: COMPRESS_THRESHOLD_BYTES,
    });
  },
  { name: 'compression' },
);
