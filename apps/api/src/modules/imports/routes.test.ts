// POST /api/imports/authorities against the real data mirror (DATA_MIRROR).
import { dataVersion } from '@thrive/db';
import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApp, addAccount, signInAs, type TestApp } from '../../test-support/accounts.ts';
import { mirror } from '../../test-support/dacorum.ts';
import { authorityImporter } from './service.ts';

describe.each(testEngines())('loading an authority through the API on $name', (engine) => {
  let t: TestApp;
  let app: FastifyInstance;
  let officer = '';
  let officerId = '';

  beforeAll(async () => {
    t = await accountsApp(engine);
    app = t.app;
    officerId = (await addAccount(t.db, 'officer', 'otto@example.org')).id;
    officer = await signInAs(app, 'otto@example.org');
  });
  afterAll(() => app?.close());

  const load = (code: string) => app.inject({ method: 'POST', url: '/api/imports/authorities', payload: { code }, headers: { cookie: officer } });
  const importEvents = () => t.db.db.selectFrom('audit_event').select(['actor_id', 'target', 'details']).where('action', '=', 'import.authority').orderBy('id').execute();

  it('loads Dacorum for an officer, bumping the data version, and audits it with its counts', { timeout: 60_000 }, async () => {
    const before = await dataVersion(t.db.db);
    const response = await load('E07000096');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ code: 'E07000096', name: 'Dacorum', wards: expect.any(Number), lsoas: expect.any(Number), values: expect.any(Number) });
    expect(await dataVersion(t.db.db)).toBe(before + 1);
    expect((await app.inject({ method: 'GET', url: '/api/areas/E07000096' })).statusCode).toBe(200);
    const [event] = await importEvents();
    expect(event).toMatchObject({ actor_id: officerId, target: 'authority:E07000096', details: { outcome: 'loaded', wards: response.json<{ wards: number }>().wards } });
  });

  it('refuses a code that is not an English district code, naming the field (400)', async () => {
    const response = await load('W06000001');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'body.code' });
  });

  it('refuses a well-formed code with no such authority (400), and audits the refusal', async () => {
    const response = await load('E06999999');
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toBe('E06999999 is not an English local authority district (2019 code) in IoD2019 File 2.');
    expect((await importEvents()).at(-1)).toMatchObject({ target: 'authority:E06999999', details: { outcome: 'refused' } });
  });

  it('runs one import at a time: a second while one runs is refused with 409, and the next after it is served', { timeout: 60_000 }, async () => {
    // The importer directly: through inject, PGlite would queue the second request's session
    // lookup behind the first import's transaction, so the two would never overlap.
    const importAuthority = authorityImporter(t.db.db, mirror.root);
    const first = importAuthority('E07000096', officerId);
    await expect(importAuthority('E06000042', officerId)).rejects.toMatchObject({ statusCode: 409, message: 'An import is already running on this server; try again when it has finished.' });
    await first;
    await expect(importAuthority('E06999999', officerId)).rejects.toMatchObject({ statusCode: 400 });
  });
});
