import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance } from 'fastify';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appWith, DACORUM } from '../test-support/dacorum.ts';
import { bumpDataVersion, type Db } from '@thrive/db';
import { quantile } from '@thrive/indicators';
import type { IndicatorListBody } from './indicators/schemas.ts';
import type { RugBody } from './rug/schemas.ts';
import type { ProfileBody } from './profiles/schemas.ts';

describe.each(testEngines())('the read API on $name, with Dacorum loaded from the mirror', (engine) => {
  let app: FastifyInstance;
  let db: Db;

  beforeAll(async () => {
    ({ app, db } = await appWith(engine));
  }, 120_000);
  afterAll(() => app.close());

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  it('puts every Dacorum LSOA in exactly one of its 25 wards', async () => {
    const links = await db.db
      .selectFrom('area_link')
      .innerJoin('area', 'area.code', 'area_link.from_code')
      .select(['area_link.from_code', 'area_link.to_code'])
      .where('area.parent_code', '=', DACORUM)
      .execute();
    expect(links).toHaveLength(94);
    expect(new Set(links.map((l) => l.from_code)).size).toBe(94);
    const wards = await db.db.selectFrom('area').select('code').where('level', '=', 'ward').where('parent_code', '=', DACORUM).execute();
    expect(wards).toHaveLength(25);
    const wardCodes = new Set(wards.map((w) => w.code));
    expect(links.every((l) => wardCodes.has(l.to_code))).toBe(true);
  });

  it('serves the wards as GeoJSON with ETag and revalidation headers', async () => {
    const response = await get(`/api/areas?level=ward&parent=${DACORUM}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/geo\+json/);
    expect(response.headers['cache-control']).toBe('public, no-cache');
    const body = response.json<{ type: string; features: { properties: { code: string; level: string } }[] }>();
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(25);
    expect(body.features.every((f) => f.properties.level === 'ward' && /^E05\d{6}$/.test(f.properties.code))).toBe(true);
    const again = await get(`/api/areas?level=ward&parent=${DACORUM}`, { 'if-none-match': String(response.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it('answers from the cache until an import changes the data version', async () => {
    const url = `/api/rug?parent=${DACORUM}&indicators=income_deprivation_rate`;
    const first = await get(url);
    const second = await get(url);
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect((await get(url, { 'if-none-match': String(first.headers.etag) })).statusCode).toBe(304);
    await bumpDataVersion(db.db);
    const after = await get(url, { 'if-none-match': String(first.headers.etag) });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(first.headers.etag);
  });

  it('sends a cached answer compressed as the client accepts, the same bytes each time', async () => {
    const url = `/api/rug?parent=${DACORUM}&level=ward`;
    const plain = await get(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const [encoding, inflate] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
      const first = await get(url, { 'accept-encoding': `${encoding}, identity;q=0.5` });
      const again = await get(url, { 'accept-encoding': `${encoding}, identity;q=0.5` });
      expect(first.headers['content-encoding']).toBe(encoding);
      expect(first.headers.vary).toContain('accept-encoding');
      expect(Number(first.headers['content-length'])).toBe(first.rawPayload.length);
      expect(first.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
      expect(inflate(first.rawPayload).toString('utf8')).toBe(plain.body);
      expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    }
    // Brotli preferred when both are accepted, as @fastify/compress would choose.
    expect((await get(url, { 'accept-encoding': 'gzip, deflate, br' })).headers['content-encoding']).toBe('br');
  });

  it('keeps the areas cached while residents pin, and recomputes the rug, whose KPI columns may change', async () => {
    const areas = await get(`/api/areas?level=ward&parent=${DACORUM}`);
    const rug = await get(`/api/rug?parent=${DACORUM}&indicators=income_deprivation_rate`);
    // Any statement on a KPI table bumps the community version, by trigger (even one changing no row).
    await sql`update kpi set state = state`.execute(db.db);
    expect((await get(`/api/areas?level=ward&parent=${DACORUM}`)).headers.etag).toBe(areas.headers.etag);
    expect((await get(`/api/rug?parent=${DACORUM}&indicators=income_deprivation_rate`)).headers.etag).not.toBe(rug.headers.etag);
  });

  it('simplifies geometry for the wire unless asked for full detail', async () => {
    const points = (body: string) => (body.match(/\],\[/g) ?? []).length;
    const simplified = await get(`/api/areas?level=ward&parent=${DACORUM}`);
    const full = await get(`/api/areas?level=ward&parent=${DACORUM}&simplify=0`);
    expect(points(simplified.body)).toBeLessThan(points(full.body));
  });

  it('answers a bad level with a 400 naming the field', async () => {
    const response = await get('/api/areas?level=planet');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'querystring.level' });
    expect(response.json<{ message: string }>().message).toMatch(/ward/);
  });

  it('gives an area with its parent chain and child counts', async () => {
    const response = await get('/api/areas/E05004691');
    expect(response.statusCode).toBe(200);
    const body = response.json<{ name: string; parents: { code: string }[]; children: Record<string, number> }>();
    expect(body.name).toBe('Adeyfield East');
    expect(body.parents.map((p) => p.code)).toEqual([DACORUM, 'E92000001']);
    expect(body.children.lsoa).toBeGreaterThan(0);
  });

  it('answers an unknown area code with a 404 and a message', async () => {
    const response = await get('/api/areas/E05999999');
    expect(response.statusCode).toBe(404);
    expect(response.json<{ message: string }>().message).toContain('E05999999');
  });

  it('lists the catalogue and the values of one indicator for the wards', async () => {
    const list = await get('/api/indicators');
    expect(list.json<{ indicators: { id: string }[] }>().indicators.map((i) => i.id)).toContain('income_deprivation_rate');
    const response = await get(`/api/indicators/income_deprivation_rate/values?level=ward&parent=${DACORUM}`);
    const body = response.json<{ values: { numerator: number; denominator: number }[] }>();
    expect(body.values).toHaveLength(25);
    // Ward numerators are sums of their LSOAs', so they add up to the authority's.
    const authority = await get(`/api/indicators/income_deprivation_rate/values?level=lad`);
    const lad = authority.json<{ values: { areaCode: string; numerator: number }[] }>().values.find((v) => v.areaCode === DACORUM);
    expect(body.values.reduce((s, v) => s + v.numerator, 0)).toBe(lad?.numerator);
  });

  it('builds the ward rug with the authority and England as benchmark rows', async () => {
    const response = await get(`/api/rug?parent=${DACORUM}&level=ward`);
    expect(response.statusCode).toBe(200);
    const rug = response.json<RugBody>();
    expect(rug.rows).toHaveLength(25);
    expect(rug.benchmarks.map((b) => b.code)).toEqual([DACORUM, 'E92000001']);
    const income = rug.columns.findIndex((c) => c.id === 'income_deprivation_rate');
    expect(income).toBeGreaterThanOrEqual(0);
    for (const row of rug.rows) {
      const cell = row.cells[income];
      expect(cell?.lower).toBeLessThanOrEqual(cell?.value ?? Number.NaN);
      expect(cell?.upper).toBeGreaterThanOrEqual(cell?.value ?? Number.NaN);
      expect(cell?.text).toMatch(/%/);
    }
  });

  it('judges against England when asked, and widens intervals at 99.8%', async () => {
    const parent = (await get(`/api/rug?parent=${DACORUM}&indicators=income_deprivation_rate`)).json<RugBody>();
    const england = (await get(`/api/rug?parent=${DACORUM}&indicators=income_deprivation_rate&benchmark=england`)).json<RugBody>();
    const strict = (await get(`/api/rug?parent=${DACORUM}&indicators=income_deprivation_rate&confidence=99.8`)).json<RugBody>();
    const low = { higher: 'worse', lower: 'better', similar: 'similar', not_compared: 'not_compared' } as const;
    for (const row of england.rows) expect(row.cells[0]?.judgement).toBe(low[row.cells[0]?.comparison.england ?? 'not_compared']);
    for (const row of parent.rows) expect(row.cells[0]?.judgement).toBe(low[row.cells[0]?.comparison.parent ?? 'not_compared']);
    strict.rows.forEach((row, i) => {
      const narrow = parent.rows[i]?.cells[0];
      expect(row.cells[0]?.lower).toBeLessThan(narrow?.lower ?? Number.NaN);
      expect(row.cells[0]?.upper).toBeGreaterThan(narrow?.upper ?? Number.NaN);
    });
  });

  it('sorts the rows by a column', async () => {
    const rug = (await get(`/api/rug?parent=${DACORUM}&indicators=income_deprivation_rate&sort=income_deprivation_rate:desc`)).json<RugBody>();
    const values = rug.rows.map((r) => r.cells[0]?.value ?? 0);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('serves the same rug as CSV with the attribution', async () => {
    const json = (await get(`/api/rug?parent=${DACORUM}&indicators=income_deprivation_rate,imd_average_rank`)).json<RugBody>();
    for (const response of [
      await get(`/api/rug?parent=${DACORUM}&indicators=income_deprivation_rate,imd_average_rank`, { accept: 'text/csv' }),
      await get(`/api/rug.csv?parent=${DACORUM}&indicators=income_deprivation_rate,imd_average_rank`),
    ]) {
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.body.startsWith('\uFEFF')).toBe(true);
      const lines = response.body.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines.filter((l) => l.startsWith('#')).join(' ')).toContain('Open Government Licence');
      const data = lines.filter((l) => !l.startsWith('#')).slice(1);
      expect(data).toHaveLength((25 + 2) * 2);
      const first = json.rows[0];
      expect(data[0]).toContain(`${first?.code},${first?.name}`);
      expect(data[0]).toContain(String(first?.cells[0]?.value));
    }
  });

  it('says which release and which geography the rug and profile numbers are', async () => {
    const rug = (await get(`/api/rug?parent=${DACORUM}&indicators=income_deprivation_rate,cni_score`)).json<RugBody>();
    expect(rug.datasets.map((d) => `${d.release} / ${d.geography}`)).toEqual([
      'Wards December 2013 / Wards December 2013 (2013 local authorities)',
      'IoD2019 / LSOA 2011',
      'IoD2019 / LSOA 2011',
      'CNI 2019 / Wards 2017',
    ]);
    const csv = await get(`/api/rug.csv?parent=${DACORUM}&indicators=income_deprivation_rate`);
    expect(csv.body).toMatch(/^# .*Vintages: Wards December 2013 \(2013 local authorities\); IoD2019 \(LSOA 2011\)/m);
    const profile = (await get('/api/areas/E05004691/profile')).json<ProfileBody>();
    expect(profile.datasets.map((d) => d.id)).toContain('iod2019-domains');
    expect(profile.datasets[0]?.geography).toMatch(/^Wards December 2013/);
  });

  it('refuses unknown indicators with a 400 and an unknown parent with a 404', async () => {
    const bad = await get(`/api/rug?parent=${DACORUM}&indicators=income_deprivation_rate,made_up`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('made_up');
    const missing = await get('/api/rug?parent=E07999999');
    expect(missing.statusCode).toBe(404);
    const badConfidence = await get(`/api/rug?parent=${DACORUM}&confidence=90`);
    expect(badConfidence.statusCode).toBe(400);
    expect(badConfidence.json()).toMatchObject({ field: 'querystring.confidence' });
  });

  it('profiles a ward with comparisons and the IMD decile of each of its LSOAs', async () => {
    const response = await get('/api/areas/E05004691/profile');
    expect(response.statusCode).toBe(200);
    const profile = response.json<ProfileBody>();
    expect(profile.parent?.code).toBe(DACORUM);
    expect(profile.indicators.length).toBeGreaterThan(20);
    const income = profile.indicators.find((i) => i.id === 'income_deprivation_rate');
    expect(income?.parentValue).not.toBeNull();
    expect(income?.englandValue).not.toBeNull();
    const area = (await get('/api/areas/E05004691')).json<{ children: Record<string, number> }>();
    expect(profile.lsoas).toHaveLength(area.children.lsoa ?? -1);
    expect(profile.lsoas.every((l) => l.imdDecile !== null && l.imdDecile >= 1 && l.imdDecile <= 10)).toBe(true);
  });

  it("gives each profile indicator its spread among the authority's wards, and the catalogue's decimals and sources", async () => {
    const profile = (await get('/api/areas/E05004691/profile')).json<ProfileBody>();
    const ids = profile.indicators.map((i) => i.id);
    // The rug takes at most 60 indicators a request.
    const rugs = await Promise.all(
      [0, 60, 120].map(async (from) => {
        const part = ids.slice(from, from + 60);
        return part.length === 0 ? [] : [(await get(`/api/rug?parent=${DACORUM}&level=ward&indicators=${part.join(',')}`)).json<RugBody>()];
      }),
    );
    const wardValues = new Map(
      rugs.flat().flatMap((rug) => rug.columns.map((column, c) => [column.id, rug.rows.filter((r) => r.kind === 'area').map((r) => r.cells[c]?.value ?? null)] as const)),
    );
    const catalogue = new Map((await get('/api/indicators')).json<IndicatorListBody>().indicators.map((d) => [d.id, d]));
    for (const indicator of profile.indicators) {
      const values = (wardValues.get(indicator.id) ?? []).filter((v): v is number => v !== null).sort((a, b) => a - b);
      expect(indicator.spread, indicator.id).toEqual({
        min: values[0],
        q1: quantile(values, 0.25),
        q3: quantile(values, 0.75),
        max: values.at(-1),
        count: values.length,
      });
      const entry = catalogue.get(indicator.id);
      expect({ decimals: indicator.decimals, definition: indicator.definition, source: indicator.source, licence: indicator.licence }, indicator.id).toEqual({
        decimals: entry?.decimals,
        definition: entry?.definition,
        source: entry?.source,
        licence: entry?.licence,
      });
    }
    // The ward is one of the 25 it is spread among, and its value lies within their range.
    const income = profile.indicators.find((i) => i.id === 'income_deprivation_rate');
    expect(income?.spread?.count).toBe(25);
    expect(income?.cell.value).toBeGreaterThanOrEqual(income?.spread?.min ?? Infinity);
    expect(income?.cell.value).toBeLessThanOrEqual(income?.spread?.max ?? -Infinity);
  });
});
