import { migrationNames } from '@thrive/db';
import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { PERMISSIONS } from './modules/auth/permissions.ts';
import { expectServerErrors } from './test-support/server-errors.ts';

describe.each(testEngines())('the API on $name', (engine) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    const db = await engine.open();
    // A route that fails like a bug would, to check that internals never reach the client.
    const permissions = [...PERMISSIONS, { method: 'GET', url: '/api/test/boom', allow: 'public' } as const];
    app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { db, web: false, permissions });
    app.get('/api/test/boom', () => {
      throw new Error('secret internal detail at /srv/thrive/db.ts:42');
    });
    // The one 500 the suite makes on purpose (every other fails its test: vitest.config.ts).
    expectServerErrors(app, 'GET /api/test/boom');
    app.addHook('onClose', () => db.close());
    await app.ready();
  });
  afterAll(() => app.close());

  it('answers /api/health with its engine and newest migration', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', engine: engine.name, migration: migrationNames.at(-1) });
  });

  it('serves the OpenAPI document with the health route', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/health');
  });

  it('serves the OpenAPI UI at /api/docs', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });

  it('answers an unknown API path with a JSON 404 naming it', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/no-such-thing?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ statusCode: 404, message: 'No API route GET /api/no-such-thing' });
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/no-such-thing',
      headers: { 'content-type': 'application/json' },
      payload: '{"broken": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ statusCode: 400 });
  });

  it('hides the details of an internal error from the client', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/test/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret');
    expect(response.body).not.toContain('/srv/');
    expect(response.json()).toMatchObject({ statusCode: 500, error: 'Internal Server Error' });
  });
});
