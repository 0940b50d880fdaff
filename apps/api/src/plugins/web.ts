// Serves the SvelteKit app (adapter-node handler) for every path outside /api, so the
// product is one server on one origin: no CORS, one port. Pages are compressed on their way
// out (plugins/compression.ts), as SvelteKit writes them to the raw response Fastify hands over.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hasWebBuild, type Config } from '../config.ts';
import { compressNodeResponse } from './compression.ts';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

/** Mounts the web build when present (or a given handler: tests); otherwise `/` says how to build it. */
export async function webPlugin(app: FastifyInstance, { config, handler: given }: { config: Pick<Config, 'webBuildDir'>; handler?: NodeHandler | undefined }) {
  // Unknown API paths must be JSON 404s, not the web app's HTML page.
  app.all('/api/*', { schema: { hide: true } }, (_request, reply) => reply.callNotFound());

  if (!given && !hasWebBuild(config)) {
    app.log.warn({ webBuildDir: config.webBuildDir }, 'web app not built: serving the API only');
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply.type('text/plain').send('Thrive API is running. The web app is not built: run `npm start` from the repository root.'),
    );
    return;
  }

  const handler =
    given ??
    ((await import(pathToFileURL(join(config.webBuildDir, 'handler.js')).href)) as { handler: NodeHandler }).handler;
  const serve = (request: FastifyRequest, reply: FastifyReply) => {
    // Headers set by Fastify hooks (security headers) must reach the hijacked response.
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) reply.raw.setHeader(name, value);
    }
    reply.hijack();
    compressNodeResponse(request.raw, reply.raw, () =>
      handler(request.raw, reply.raw, () => {
        reply.raw.statusCode = 404;
        reply.raw.end('Not found');
      }),
    );
  };
  app.route({ method: ['GET', 'HEAD', 'POST'], url: '/*', schema: { hide: true }, handler: serve });
  app.route({ method: ['GET', 'HEAD'], url: '/', schema: { hide: true }, handler: serve });
}
