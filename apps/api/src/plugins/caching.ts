// Response caching for read-heavy routes that opt in with `config: { cache: true }`. Their
// answers depend only on the data, which changes only when an import bumps the data version
// (in the database, so every instance sees it); routes that also show what residents and forums
// add (the rug's KPI columns) opt in to the community version too. Each request costs one
// one-row version query: a matching If-None-Match answers 304, a cached body is sent as it is,
// already compressed for the encoding the client accepts (compressed once, on first asking),
// and only a miss computes. The cache is a bounded per-instance LRU: losing it costs time,
// never correctness.
import { createHash } from 'node:crypto';
import { cacheVersions, type Database } from '@thrive/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import {
  COMPRESS_THRESHOLD_BYTES,
  compressForKeeping,
  encodingFor,
  type Encoding,
} from './compression.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's answer depends only on the URL and the data version. */
    cache?: boolean;
    /** With `cache`: the answer also depends on KPIs, surveys and pins (the community version). */
    cacheWithCommunity?: boolean;
  }
  interface FastifyRequest {
    cacheKey?: string;
  }
}

interface Entry {
  body: string;
  /** The body's size in UTF-8 bytes, measured once (measuring a large body on every hit cost more than sending it). */
  bytes: number;
  type: string;
  etag: string;
  /** The body compressed, per encoding, made the first time a client asks for it. */
  encoded: Partial<Record<Encoding, Buffer>>;
}

const CACHE_CONTROL = 'public, no-cache';

/** The cache key's version part for a route: the data version, and the community version when the route asks. */
async function versionOf(db: Kysely<Database>, withCommunity: boolean): Promise<string> {
  const { data, community } = await cacheVersions(db);
  return withCommunity ? `${data}+${community}` : String(data);
}

const sizeOf = (entry: Entry) =>
  entry.bytes + 200 + Object.values(entry.encoded).reduce((sum, bytes) => sum + bytes.length, 0);

export const cachingPlugin = fp(
  async (app, options: { maxBytes?: number }) => {
    const cache = new LRUCache<string, Entry>({
      maxSize: options.maxBytes ?? 64 * 1024 * 1024,
      sizeCalculation: sizeOf,
    });

    /** Sets the headers for sending `entry` to this request and returns the bytes to send. */
    function payloadFor(
      request: FastifyRequest,
      reply: FastifyReply,
      key: string,
      entry: Entry,
    ): string | Buffer {
      reply.type(entry.type);
      const encoding =
        entry.bytes < COMPRESS_THRESHOLD_BYTES
          ? null
          : encodingFor(request.headers['accept-encoding']);
      if (!encoding) return entry.body;
      let bytes = entry.encoded[encoding];
      if (!bytes) {
        bytes = compressForKeeping(entry.body, encoding);
        entry.encoded[encoding] = bytes;
        cache.set(key, entry); // re-sized with the new encoding
      }
      // Content-Encoding set here makes @fastify/compress pass the bytes through untouched.
      reply.header('content-encoding', encoding).header('content-length', bytes.length);
      return bytes;
    }

    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const config = request.routeOptions.config;
      if (!config.cache || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      const version = await versionOf(app.db.db, config.cacheWithCommunity === true);
      const accept = request.headers.accept?.includes('text/csv') ? 'csv' : 'json';
      const key = `${version}\u0000${accept}\u0000${request.url}`;
      request.cacheKey = key;
      const hit = cache.get(key);
      const etag = hit?.etag ?? `"${createHash('sha1').update(key).digest('base64url')}"`;
      reply
        .header('cache-control', CACHE_CONTROL)
        .header('etag', etag)
        .header('vary', 'accept, accept-encoding');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      if (hit) return reply.send(payloadFor(request, reply, key, hit));
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const key = request.cacheKey;
      // A hit (already sent from the cache) or anything not a fresh string answer passes as it is.
      if (
        !key ||
        cache.has(key) ||
        reply.statusCode !== 200 ||
        typeof payload !== 'string' ||
        reply.getHeader('content-encoding')
      )
        return payload;
      const entry: Entry = {
        body: payload,
        bytes: Buffer.byteLength(payload),
        type: String(reply.getHeader('content-type') ?? 'application/json'),
        etag: String(reply.getHeader('etag')),
        encoded: {},
      };
      cache.set(key, entry);
      return payloadFor(request, reply, key, entry);
    });
  },
  { name: 'caching', dependencies: ['db'] },
);
