// Finding areas by name through the API, on both engines, with the hand-made test areas.
import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApp, type TestApp } from '../../test-support/accounts.ts';
import { addTestAreas, AREAS } from '../../test-support/workshops.ts';
import type { SearchBody } from './schemas.ts';

describe.each(testEngines())('searching areas by name on $name', (engine) => {
  let t: TestApp;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await accountsApp(engine);
    app = t.app;
    await addTestAreas(t.db);
  });
  afterAll(() => app?.close());

  const find = async (query: string) => {
    const response = await app.inject({ method: 'GET', url: `/api/search?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<SearchBody>().results;
  };

  it('finds a ward by part of its name in any case, naming its authority, without signing in', async () => {
    expect(await find('q=meadow')).toEqual([{ code: AREAS.ward.code, name: 'Meadow Ward', level: 'ward', authority: { code: AREAS.lad.code, name: 'Testshire' } }]);
  });

  it('puts names that start with the words before names that only contain them', async () => {
    const names = (await find('q=testshire')).map((r) => r.name);
    expect(names).toEqual(['Testshire', 'Testshire 001A']);
  });

  it('finds an LSOA by its code, and only LSOAs when asked', async () => {
    expect((await find(`q=${AREAS.lsoa.code.toLowerCase()}`)).map((r) => r.code)).toEqual([AREAS.lsoa.code]);
    expect((await find('q=testshire&level=lsoa')).map((r) => r.level)).toEqual(['lsoa']);
  });

  it('takes % and _ as themselves, not as wildcards', async () => {
    expect(await find('q=%25%25')).toEqual([]);
    expect(await find('q=__')).toEqual([]);
  });

  it('refuses a one-letter search (400, naming the field)', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/search?q=m' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'querystring.q' });
  });
});
