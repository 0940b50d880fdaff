// A vitest setup file (vitest.config.ts setupFiles): every Fastify app any test builds answers
// 5xx only when the test said it would. Each app is found as it is created (Fastify announces
// itself on the `fastify.initialization` diagnostics channel) and given an onResponse hook that
// records its 5xx answers; the test during which one happens fails, naming the route and the
// error. Each is also printed as one line starting `5xx answer:`, so the CI log can be grepped.
import { subscribe } from 'node:diagnostics_channel';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, expect } from 'vitest';

interface ServerError {
  readonly route: string;
  readonly status: number;
  readonly error: string | undefined;
  readonly test: string | undefined;
}

// One state per worker process, whichever copy of this module a test file loaded (vitest loads
// setup files afresh for every file, but the diagnostics channel is the process's).
interface State {
  found: ServerError[];
  expected: WeakMap<FastifyInstance, Set<string>>;
}
const KEY = Symbol.for('thrive.test.serverErrors');
const holder = globalThis as { [KEY]?: State };
const state: State = (holder[KEY] ??= subscribeOnce());

function subscribeOnce(): State {
  const created: State = { found: [], expected: new WeakMap() };
  const errors = new WeakMap<object, string>();
  subscribe('fastify.initialization', (message) => {
    const app = (message as { fastify: FastifyInstance }).fastify;
    app.addHook('onError', async (request, _reply, error) => {
      errors.set(request, `${error.name}: ${error.message}`);
    });
    app.addHook('onResponse', async (request, reply) => {
      if (reply.statusCode < 500) return;
      const route = `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`;
      if (created.expected.get(app)?.has(route)) return;
      const found = {
        route,
        status: reply.statusCode,
        error: errors.get(request),
        test: expect.getState().currentTestName,
      };
      created.found.push(found);
      console.error(
        `5xx answer: ${found.route} → ${found.status}${found.error ? ` (${found.error})` : ''} in "${found.test ?? 'set-up'}"`,
      );
    });
  });
  return created;
}

/** Lets `app` answer 5xx on one route ("GET /api/test/boom", as registered) without failing the test. */
export function expectServerErrors(app: FastifyInstance, route: string): void {
  const routes = state.expected.get(app) ?? new Set<string>();
  routes.add(route);
  state.expected.set(app, routes);
}

function failOnServerErrors(when: string): void {
  const found = state.found.splice(0);
  if (found.length === 0) return;
  const lines = found.map((f) => `${f.route} → ${f.status}${f.error ? ` (${f.error})` : ''}`);
  throw new Error(
    `the server answered 5xx ${when}, which no test declared (expectServerErrors): ${lines.join('; ')}`,
  );
}

afterEach(() => failOnServerErrors('during this test'));
// 5xx answers to requests made in beforeAll/afterAll hooks fail the file.
afterAll(() => failOnServerErrors('in a set-up or tear-down hook'));
