import type { NewArea } from '@thrive/db';
import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApp } from '../../test-support/accounts.ts';
import { upsertAreas } from '../imports/repository.ts';
import { MAX_AREAS_PER_ANSWER, type AreaCollectionBody } from './schemas.ts';

// Hand-made: two made-up authorities and more custom areas than one answer may hold, 600 in
// the first and the rest in the second; no geometry, as only the counting is under test.
const area = (code: string, level: NewArea['level'], parent: string | null): NewArea => ({
  code,
  name: `Area ${code}`,
  level,
  parent_code: parent,
  geometry: null,
  minx: null,
  miny: null,
  maxx: null,
  maxy: null,
  source: 'test',
  valid_from: null,
  valid_to: null,
});
const MANY = MAX_AREAS_PER_ANSWER + 1;
const customAreas = Array.from({ length: MANY }, (_, i) =>
  area(`C${String(i).padStart(5, '0')}`, 'custom', i < 600 ? 'LADA' : 'LADB'),
);

describe.each(testEngines())('the area list on $name', (engine) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    const made = await accountsApp(engine);
    app = made.app;
    await made.db.db
      .transaction()
      .execute((tx) =>
        upsertAreas(tx, [area('LADA', 'lad', null), area('LADB', 'lad', null), ...customAreas]),
      );
  });
  afterAll(() => app.close());

  const get = (url: string) => app.inject({ method: 'GET', url });

  it(`refuses a list of more than ${MAX_AREAS_PER_ANSWER} areas with a 400 asking for a parent or a page`, async () => {
    const response = await get('/api/areas?level=custom');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      field: 'querystring.parent',
      message: `${MANY} areas of level custom match; at most ${MAX_AREAS_PER_ANSWER} are sent at once: ask for those under one parent (parent=CODE), or page with limit and offset`,
    });
  });

  it('sends the areas under one parent whole, saying how many matched', async () => {
    const response = await get('/api/areas?level=custom&parent=LADA');
    expect(response.statusCode).toBe(200);
    const body = response.json<AreaCollectionBody>();
    expect([body.features.length, body.numberMatched]).toEqual([600, 600]);
  });

  it('pages through a long list by name with limit and offset', async () => {
    const response = await get('/api/areas?level=custom&limit=2&offset=1000');
    expect(response.statusCode).toBe(200);
    const body = response.json<AreaCollectionBody>();
    expect(body.features.map((f) => f.id)).toEqual(['C01000']);
    expect(body.numberMatched).toBe(MANY);
    const first = (await get('/api/areas?level=custom&limit=2')).json<AreaCollectionBody>();
    expect(first.features.map((f) => f.id)).toEqual(['C00000', 'C00001']);
  });

  it(`refuses a page larger than ${MAX_AREAS_PER_ANSWER}`, async () => {
    const response = await get(`/api/areas?level=custom&limit=${MANY}`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'querystring.limit' });
  });
});
