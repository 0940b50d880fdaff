// A generous request limit per client address for every route (RATE_LIMIT_PER_MINUTE), kept
// in this instance's memory: it protects this instance's capacity, which is a per-instance
// resource, and costs no database round trip. Routes set tighter limits with
// `config: { rateLimit: { max, timeWindow } }` (sign-in does; resident submissions will).
// The sign-in brute-force limit is NOT this: it counts failures in the database, shared by
// every instance (modules/auth/service.ts).
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import { TooManyRequestsError } from '../errors.ts';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * Requests the limit does not count: this server's own server-side rendering, which calls the
 * API over loopback for every page it renders (all visitors would share one count), and the
 * app's content-hashed assets, which browsers cache for good.
 */
function exempt(request: FastifyRequest): boolean {
  return (LOOPBACK.test(request.ip) && LOOPBACK.test(request.socket.remoteAddress ?? '')) || request.url.startsWith('/_app/immutable/');
}

export const rateLimitPlugin = fp<{ config: Pick<Config, 'rateLimitPerMinute'> }>(
  async (app: FastifyInstance, { config }) => {
    await app.register(rateLimit, {
      global: true,
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      allowList: exempt,
      errorResponseBuilder: (_request, context) =>
        new TooManyRequestsError(`Too many requests; try again in ${context.after}.`, Math.ceil(context.ttl / 1000)),
    });
  },
  { name: 'rate-limit' },
);
