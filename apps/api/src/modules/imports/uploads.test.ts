// Officers' own boundaries and indicators through the API: the command line's checks, with the
// feature's number or the row's line in the message, nothing written on a refusal, and no
// command-line options in the words.
import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApp, addAccount, signInAs, type TestApp } from '../../test-support/accounts.ts';
import { addTestAreas, AREAS } from '../../test-support/workshops.ts';
import { formWording } from './uploads.ts';

const square = (x: number, y: number, d = 0.01) => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
const bowTie = (x: number, y: number, d = 0.01) => [[x, y], [x + d, y + d], [x + d, y], [x, y + d], [x, y]];
const feature = (code: string, ring: number[][]) => ({ type: 'Feature', properties: { code, name: `Estate ${code}` }, geometry: { type: 'Polygon', coordinates: [ring] } });
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const HEADER = 'indicator_id,area_code,period,value,numerator,denominator,lower_ci,upper_ci';
const definitions = (id: string) =>
  JSON.stringify([{ id, title: 'Residents who feel safe', unit: '%', valueType: 'proportion', polarity: 'high_is_good', source: 'Council survey 2024', licence: 'OGL v3.0', definition: 'Share answering yes.' }]);

describe('the upload form\'s wording', () => {
  it('names the form\'s fields where the command line names its options', () => {
    expect(formWording('feature 0 (X) is already a ward: check --level and --parent, or say --replace to move it')).toBe(
      'feature 0 (X) is already a ward: check the level and the parent area, or tick "Move areas that already exist" to move it',
    );
  });
});

describe.each(testEngines())('uploading boundaries and indicators on $name', (engine) => {
  let t: TestApp;
  let app: FastifyInstance;
  let officer = '';

  beforeAll(async () => {
    t = await accountsApp(engine);
    app = t.app;
    await addTestAreas(t.db);
    await addAccount(t.db, 'officer', 'olive@example.org');
    officer = await signInAs(app, 'olive@example.org');
  });
  afterAll(() => app?.close());

  const upload = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/imports/boundaries', payload: { fileName: 'estates.geojson', level: 'estate', parent: AREAS.ward.code, ...payload }, headers: { cookie: officer } });
  const indicators = (csv: string, defs = definitions('feel_safe')) => app.inject({ method: 'POST', url: '/api/imports/indicators', payload: { csv, definitions: defs }, headers: { cookie: officer } });
  const areaExists = async (code: string) => (await t.db.db.selectFrom('area').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;

  it('refuses a file whose third feature crosses itself, naming feature 2, and writes nothing', async () => {
    const response = await upload({ geojson: collection(feature('EST1', square(0.1, 51.1)), feature('EST2', square(0.2, 51.1)), feature('EST3', bowTie(0.3, 51.1))) });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toMatch(/^feature 2 \(EST3\): .* crosses itself .*; nothing was loaded$/);
    expect(await areaExists('EST1')).toBe(false);
  });

  it('refuses text that is not JSON, in words', async () => {
    const response = await upload({ geojson: '{"type": "FeatureCollection", "features": [' });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toMatch(/^not valid JSON: .*\(is the file complete\?\); nothing was loaded$/);
  });

  it('loads good features as areas under the parent, and audits it', async () => {
    const response = await upload({ geojson: collection(feature('EST1', square(0.1, 51.1)), feature('EST2', square(0.2, 51.1))) });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ areas: 2, codeProp: 'code' });
    expect(await areaExists('EST2')).toBe(true);
    const event = await t.db.db.selectFrom('audit_event').select(['target', 'details']).where('action', '=', 'import.boundaries').executeTakeFirstOrThrow();
    expect(event).toEqual({ target: `area:${AREAS.ward.code}`, details: { level: 'estate', areas: 2 } });
  });

  it('refuses to move an existing area to another level without the box ticked, in the form\'s words', async () => {
    const response = await upload({ level: 'custom', geojson: collection(feature('EST1', square(0.1, 51.1))) });
    expect(response.statusCode).toBe(400);
    const message = response.json<{ message: string }>().message;
    expect(message).toContain('feature 0 (EST1) is already a estate');
    expect(message).toContain('tick "Move areas that already exist"');
    expect(message).not.toContain('--');
  });

  it('refuses a CSV with a bad value, naming its line, and writes nothing', async () => {
    const response = await indicators(`${HEADER}\nfeel_safe,${AREAS.ward.code},2024,61.5,,,,\nfeel_safe,${AREAS.lsoa.code},2024,lots,,,,\n`);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toBe('values CSV, line 3: value "lots" is not a number; nothing was loaded');
    expect(await t.db.db.selectFrom('indicator').select('id').where('id', '=', 'feel_safe').executeTakeFirst()).toBeUndefined();
  });

  it('refuses a definition with a missing field, naming the definition', async () => {
    const response = await indicators(`${HEADER}\nfeel_safe,${AREAS.ward.code},2024,61.5,,,,\n`, JSON.stringify([{ id: 'feel_safe', title: 'x' }]));
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toMatch(/^definitions: definition 0/);
  });

  it('loads values with their definitions, and audits it', async () => {
    const response = await indicators(`${HEADER}\nfeel_safe,${AREAS.ward.code},2024,61.5,,,,\nfeel_safe,${AREAS.lsoa.code},2024,58,,,,\n`);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({ indicators: 1, values: 2 });
    const event = await t.db.db.selectFrom('audit_event').select(['details']).where('action', '=', 'import.indicators').executeTakeFirstOrThrow();
    expect(event.details).toEqual({ indicators: 1, values: 2 });
  });
});
