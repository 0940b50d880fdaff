// ETags on every response (a hash of the body, so identical data answers 304 on any
// instance) and revalidation headers on read-heavy routes that opt in with `config.cache`.
import etag from '@fastify/etag';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Mark a GET route's answers as cacheable with revalidation. */
    cache?: boolean;
  }
}

export const cachingPlugin = fp(
  async (app) => {
    await app.register(etag, { weak: false });
    app.addHook('onSend', async (request, reply, payload) => {
      if (request.routeOptions.config.cache && reply.statusCode === 200 && !reply.hasHeader('cache-control')) {
        // Data changes only when an authority is (re)loaded: revalidate every time, cheaply by ETag.
        reply.header('cache-control', 'public, no-cache');
      }
      return payload;
    });
  },
  { name: 'caching' },
);
