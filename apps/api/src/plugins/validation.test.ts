// Input at the edge: bodies match their schema exactly, query strings are coerced, and no
// control character or infinite number reaches a service (each a 400 naming the field).
import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApp, addAccount, signInAs, type TestApp } from '../test-support/accounts.ts';

describe.each(testEngines())('input checked at the edge on $name', (engine) => {
  let t: TestApp;
  let app: FastifyInstance;
  let admin = '';
  let officerId = '';

  beforeAll(async () => {
    t = await accountsApp(engine);
    app = t.app;
    await addAccount(t.db, 'admin', 'ada@example.org');
    officerId = (await addAccount(t.db, 'officer', 'otto@example.org')).id;
    admin = await signInAs(app, 'ada@example.org');
  });
  afterAll(() => app?.close());

  const signIn = (payload: unknown) => app.inject({ method: 'POST', url: '/api/auth/login', payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });

  it('refuses a NUL in the sign-in email with 400 naming the field, not a database error', async () => {
    const response = await signIn({ email: 'ada\u0000@example.org', password: 'whatever it is' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'body.email', message: 'body.email must not contain control characters' });
  });

  it('refuses an escape character in an account name, naming the field', async () => {
    const response = await app.inject({ method: 'PATCH', url: `/api/admin/users/${officerId}`, payload: { name: 'Otto \u001b[31mred' }, headers: { cookie: admin } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'body.name' });
  });

  it('keeps tabs and line breaks, which multi-line text needs', async () => {
    const response = await app.inject({ method: 'PATCH', url: `/api/admin/users/${officerId}`, payload: { name: 'Otto\tOfficer' }, headers: { cookie: admin } });
    expect(response.statusCode, response.body).toBe(200);
  });

  it.each(['1e309', 'Infinity', '-Infinity', 'NaN'])('refuses simplify=%s on the area list with 400 naming the field', async (simplify) => {
    const response = await app.inject({ method: 'GET', url: `/api/areas?level=ward&simplify=${simplify}` });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'querystring.simplify' });
  });

  it('offers simplify at a few fixed levels only, so cached answers are reused', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/areas?level=ward&simplify=7' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/areas?level=ward&simplify=5000' })).statusCode).toBe(200);
  });

  it('still coerces query strings: simplify=0 is the number 0', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/areas?level=ward&simplify=0' });
    expect(response.statusCode, response.body).toBe(200);
  });

  it('does not read the string "true" as true in a body: disabling needs a boolean', async () => {
    const response = await app.inject({ method: 'PATCH', url: `/api/admin/users/${officerId}`, payload: { disabled: 'true' }, headers: { cookie: admin } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'body.disabled' });
    const officer = await t.db.db.selectFrom('user').select('disabled_at').where('id', '=', officerId).executeTakeFirstOrThrow();
    expect(officer.disabled_at).toBeNull();
  });

  it('does not unwrap an array into a string in a body: an import needs one code', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/imports/authorities', payload: { code: ['E07000096'] }, headers: { cookie: admin } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'body.code' });
  });
});
