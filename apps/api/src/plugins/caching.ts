// Response caching for read-heavy routes that opt in with `config: { cache: true }`. Their
// answers depend only on the data, which changes only when an import bumps the data version
// (in the database, so every instance sees it). Each request costs one tiny version query:
// a matching If-None-Match answers 304, a cached body is sent as it is, and only a miss
// computes. The cache is a bounded per-instance LRU: losing it costs time, never correctness.
import { createHash } from 'node:crypto';
import { dataVersion, type Database } from '@thrive/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's answer depends only on the URL and the data version. */
    cache?: boolean;
    /** With `cache`: a version of anything else the answer depends on (the rug's KPI readings), read per request and made part of the key. */
    cacheAlso?: (db: Kysely<Database>) => Promise<string>;
  }
  interface FastifyRequest {
    cacheKey?: string;
  }
}

interface Entry {
  body: string;
  type: string;
  etag: string;
}

const CACHE_CONTROL = 'public, no-cache';

export const cachingPlugin = fp(
  async (app, options: { maxBytes?: number }) => {
    const cache = new LRUCache<string, Entry>({
      maxSize: options.maxBytes ?? 64 * 1024 * 1024,
      sizeCalculation: (entry) => entry.body.length + 200,
    });

    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!request.routeOptions.config.cache || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      const also = request.routeOptions.config.cacheAlso;
      const version = `${await dataVersion(app.db.db)}${also ? `+${await also(app.db.db)}` : ''}`;
      const accept = request.headers.accept?.includes('text/csv') ? 'csv' : 'json';
      const key = `${version}\u0000${accept}\u0000${request.url}`;
      request.cacheKey = key;
      const hit = cache.get(key);
      const etag = hit?.etag ?? `"${createHash('sha1').update(key).digest('base64url')}"`;
      reply.header('cache-control', CACHE_CONTROL).header('etag', etag).header('vary', 'accept');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      if (hit) return reply.type(hit.type).send(hit.body);
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const key = request.cacheKey;
      if (key && reply.statusCode === 200 && typeof payload === 'string' && !cache.has(key)) {
        cache.set(key, { body: payload, type: String(reply.getHeader('content-type') ?? 'application/json'), etag: String(reply.getHeader('etag')) });
      }
      return payload;
    });
  },
  { name: 'caching', dependencies: ['db'] },
);
