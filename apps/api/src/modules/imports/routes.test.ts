// POST /api/imports/authorities and GET /api/imports/:job against the real data mirror (DATA_MIRROR).
import { dataVersion } from '@thrive/db';
import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApp, addAccount, signInAs, type TestApp } from '../../test-support/accounts.ts';
import type { ImportJobBody } from './schemas.ts';

const DACORUM = 'E07000096';
const MILTON_KEYNES = 'E06000042';

/** Follows a job until it is no longer running (polling: the job runs after the response). */
async function finished(app: FastifyInstance, cookie: string, id: string): Promise<ImportJobBody> {
  for (;;) {
    const job = (await app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: { cookie } })).json<ImportJobBody>();
    if (job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the server while an import reads the national files', () => {
  const engine = testEngines({})[0];
  if (!engine) throw new Error('no PGlite engine');

  it('answers /api/health while the job is still reading them (off the main thread)', { timeout: 120_000 }, async () => {
    // First in this file, so the national files have not been parsed yet in this process.
    const t = await accountsApp(engine);
    try {
      await addAccount(t.db, 'officer', 'olive@example.org');
      const cookie = await signInAs(t.app, 'olive@example.org');
      const started = await t.app.inject({ method: 'POST', url: '/api/imports/authorities', payload: { code: DACORUM }, headers: { cookie } });
      expect(started.statusCode).toBe(202);
      const id = started.json<ImportJobBody>().id;
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      const job = (await t.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: { cookie } })).json<ImportJobBody>();
      expect(job.status).toBe('running');
      expect((await finished(t.app, cookie, id)).status).toBe('done');
    } finally {
      await t.app.close();
    }
  });
});

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

  const load = (code: unknown) => app.inject({ method: 'POST', url: '/api/imports/authorities', payload: { code }, headers: { cookie: officer } });
  const importEvents = () => t.db.db.selectFrom('audit_event').select(['actor_id', 'target', 'details']).where('action', '=', 'import.authority').orderBy('id').execute();

  it('starts Dacorum as a job (202 with its address), keeps answering while it runs, then reports the counts', { timeout: 120_000 }, async () => {
    const before = await dataVersion(t.db.db);
    const response = await load(DACORUM);
    expect(response.statusCode, response.body).toBe(202);
    const job = response.json<ImportJobBody>();
    expect(job).toMatchObject({ kind: 'authority', target: DACORUM, status: 'running', result: null });
    expect(response.headers.location).toBe(`/api/imports/${job.id}`);

    const done = await finished(app, officer, job.id);
    expect(done, done.error ?? '').toMatchObject({ status: 'done', error: null, result: { code: DACORUM, name: 'Dacorum', wards: expect.any(Number), lsoas: expect.any(Number), values: expect.any(Number) } });
    expect(done.finishedAt).toEqual(expect.any(String));
    expect(await dataVersion(t.db.db)).toBe(before + 1);
    expect((await app.inject({ method: 'GET', url: `/api/areas/${DACORUM}` })).statusCode).toBe(200);
    expect((await importEvents()).at(-1)).toMatchObject({ actor_id: officerId, target: `authority:${DACORUM}`, details: { outcome: 'loaded', wards: done.result?.wards } });
  });

  it('refuses a code that is not an English district code, naming the field (400)', async () => {
    const response = await load('W06000001');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'body.code' });
  });

  it('refuses a well-formed code with no such authority at once (400, no job), and audits the refusal', async () => {
    const response = await load('E06999999');
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toBe('E06999999 is not an English local authority district (2019 code) with ward boundaries in the data mirror.');
    expect((await importEvents()).at(-1)).toMatchObject({ target: 'authority:E06999999', details: { outcome: 'refused' } });
    expect(await t.db.db.selectFrom('import_job').select('id').where('target', '=', 'E06999999').execute()).toEqual([]);
  });

  it('runs one import per authority at a time: the same again while one runs is refused (409), on any instance', async () => {
    // A job another instance is running, as its row says (the unique index holds across instances).
    const running = await t.db.db.insertInto('import_job').values({ kind: 'authority', target: MILTON_KEYNES, status: 'running', actor_id: null, result: null, error: null, finished_at: null }).returning('id').executeTakeFirstOrThrow();
    const again = await load(MILTON_KEYNES);
    expect(again.statusCode).toBe(409);
    expect(again.json<{ message: string }>().message).toBe(`An import of ${MILTON_KEYNES} is already running; follow it or try again when it has finished.`);
    await t.db.db.updateTable('import_job').set({ status: 'done', finished_at: new Date() }).where('id', '=', running.id).execute();
  });

  it('queues imports of different authorities and runs both', { timeout: 120_000 }, async () => {
    const jobs = [await load(MILTON_KEYNES), await load(DACORUM)];
    expect(jobs.map((r) => r.statusCode)).toEqual([202, 202]);
    for (const job of jobs) expect((await finished(app, officer, job.json<ImportJobBody>().id)).status).toBe('done');
  });

  it('answers 404 for a job that does not exist, and 400 for an id that is not one', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/imports/00000000-0000-4000-8000-000000000000', headers: { cookie: officer } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/imports/nope', headers: { cookie: officer } })).statusCode).toBe(400);
  });
});
