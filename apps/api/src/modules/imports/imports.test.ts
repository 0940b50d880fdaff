import { migrateToLatest, type Db } from '@thrive/db';
import { testEngines } from '@thrive/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBoundaries } from './import-boundaries.ts';
import { importIndicators } from './import-indicators.ts';

// Hand-made fixtures: two made-up square estates near Hemel Hempstead, their values, and broken
// variants of each (none of these numbers are real data).
const square = (x: number, y: number, d = 0.01) => [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]];
const feature = (properties: Record<string, unknown>, coordinates: unknown) => ({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates } });
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

const estates = collection(feature({ estate_code: 'EST001', estate_name: 'Highfield' }, square(-0.46, 51.76)), feature({ estate_code: 'EST002', estate_name: 'Grovehill' }, square(-0.44, 51.77)));
const definitions = JSON.stringify([
  { id: 'feels_safe', title: 'Residents who feel safe after dark', unit: '%', valueType: 'proportion', polarity: 'high_is_good', multiplier: 100, source: 'Estate survey 2026 (hand-made test data)', licence: 'OGL v3.0', definition: 'Agree or strongly agree.' },
]);
const HEADER = 'indicator_id,area_code,period,value,numerator,denominator,lower_ci,upper_ci';

async function counts(db: Db) {
  const count = async (table: 'area' | 'indicator' | 'indicator_value') =>
    Number((await db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { areas: await count('area'), indicators: await count('indicator'), values: await count('indicator_value') };
}

describe.each(testEngines())('importers on $name', (engine) => {
  let db: Db;

  beforeAll(async () => {
    db = await engine.open();
    await migrateToLatest(db.db);
  });
  afterAll(() => db.close());

  async function expectRefusedUnchanged(work: () => Promise<unknown>, message: RegExp) {
    const before = await counts(db);
    await expect(work()).rejects.toThrow(message);
    expect(await counts(db)).toEqual(before);
  }

  it('loads estates, guessing nothing when told the properties', async () => {
    const report = await importBoundaries(db.db, estates, { level: 'estate', codeProp: 'estate_code', nameProp: 'estate_name', source: 'test' });
    expect(report).toMatchObject({ areas: 2, guessed: [] });
    const area = await db.db.selectFrom('area').selectAll().where('code', '=', 'EST001').executeTakeFirstOrThrow();
    expect(area).toMatchObject({ name: 'Highfield', level: 'estate', minx: -0.46, miny: 51.76 });
    expect(area.maxy).toBeCloseTo(51.77, 12);
  });

  it('updates instead of duplicating when the same file is loaded again', async () => {
    const renamed = estates.replace('Highfield', 'Highfield and Warners End');
    await importBoundaries(db.db, renamed, { level: 'estate', codeProp: 'estate_code', nameProp: 'estate_name', source: 'test' });
    const rows = await db.db.selectFrom('area').select(['code', 'name']).where('level', '=', 'estate').orderBy('code').execute();
    expect(rows).toEqual([{ code: 'EST001', name: 'Highfield and Warners End' }, { code: 'EST002', name: 'Grovehill' }]);
  });

  it('refuses British National Grid coordinates with advice to reproject, writing nothing', async () => {
    const bng = collection(feature({ code: 'EST003' }, [[[505000, 207000], [506000, 207000], [506000, 208000], [505000, 208000], [505000, 207000]]]));
    await expectRefusedUnchanged(() => importBoundaries(db.db, bng, { level: 'estate', source: 'test' }), /feature 0.*British National Grid.*(WGS84|EPSG:4326)/s);
  });

  it('refuses a file whose features have no code property', async () => {
    const nameless = collection(feature({ label: 'x' }, square(0, 51)));
    await expectRefusedUnchanged(() => importBoundaries(db.db, nameless, { level: 'estate', codeProp: 'estate_code', source: 'test' }), /estate_code/);
  });

  it('refuses duplicate codes, naming the feature', async () => {
    const twice = collection(feature({ code: 'EST009' }, square(0, 51)), feature({ code: 'EST009' }, square(0.1, 51)));
    await expectRefusedUnchanged(() => importBoundaries(db.db, twice, { level: 'estate', source: 'test' }), /feature 1.*EST009/s);
  });

  it('refuses a truncated GeoJSON file', async () => {
    await expectRefusedUnchanged(() => importBoundaries(db.db, estates.slice(0, 120), { level: 'estate', source: 'test' }), /not valid JSON/);
  });

  it('loads values from a CSV with a BOM, quoted thousands and empty cells', async () => {
    const csv = `\uFEFF${HEADER}\r\nfeels_safe,EST001,2026,,"1,296","2,000",,\r\nfeels_safe,EST002,2026,41.5,,,,\r\n`;
    expect(await importIndicators(db.db, csv, definitions)).toEqual({ indicators: 1, values: 2 });
    const rows = await db.db.selectFrom('indicator_value').select(['area_code', 'value', 'numerator', 'denominator', 'lower_ci']).where('indicator_id', '=', 'feels_safe').orderBy('area_code').execute();
    expect(rows).toEqual([
      { area_code: 'EST001', value: null, numerator: 1296, denominator: 2000, lower_ci: null },
      { area_code: 'EST002', value: 41.5, numerator: null, denominator: null, lower_ci: null },
    ]);
  });

  it('lists every unknown area code and writes nothing', async () => {
    const csv = `${HEADER}\nfeels_safe,EST001,2027,50,,,,\nfeels_safe,NOPE1,2027,50,,,,\nfeels_safe,NOPE2,2027,50,,,,\n`;
    await expectRefusedUnchanged(() => importIndicators(db.db, csv, definitions), /2 unknown area codes: NOPE1, NOPE2/);
  });

  it('names the line of a value that is not a number', async () => {
    const csv = `${HEADER}\nfeels_safe,EST001,2027,50,,,,\nfeels_safe,EST002,2027,fifty,,,,\n`;
    await expectRefusedUnchanged(() => importIndicators(db.db, csv, definitions), /line 3: value "fifty" is not a number/);
  });

  it('names the line where a truncated file stops', async () => {
    const csv = `${HEADER}\nfeels_safe,EST001,2027,50,,,,\nfeels_safe,EST002,20`;
    await expectRefusedUnchanged(() => importIndicators(db.db, csv, definitions), /line 3/);
  });

  it('refuses a definitions file with a bad polarity, naming the definition', async () => {
    const bad = definitions.replace('high_is_good', 'up');
    await expectRefusedUnchanged(() => importIndicators(db.db, `${HEADER}\nfeels_safe,EST001,2027,50,,,,\n`, bad), /definition 0, field polarity/);
  });

  it('refuses a code longer than the API serves, naming the feature', async () => {
    const long = collection(feature({ code: 'E'.repeat(5000), name: 'Long' }, square(-0.4, 51.7)));
    await expectRefusedUnchanged(() => importBoundaries(db.db, long, { level: 'estate', source: 'test' }), /^feature 0: code "E{60}…" must be 1 to 40 letters/);
  });

  it('refuses a name of 100,000 characters or one with control characters, naming the feature', async () => {
    const huge = collection(feature({ code: 'EST009', name: 'n'.repeat(100_000) }, square(-0.4, 51.7)));
    await expectRefusedUnchanged(() => importBoundaries(db.db, huge, { level: 'estate', source: 'test' }), /feature 0 \(EST009\): the name is 100000 characters; at most 200/);
    const escape = collection(feature({ code: 'EST009', name: 'Evil\u001b[2J' }, square(-0.4, 51.7)));
    await expectRefusedUnchanged(() => importBoundaries(db.db, escape, { level: 'estate', source: 'test' }), /feature 0 \(EST009\): the name must not contain control characters/);
  });

  it('refuses a bow-tie polygon, naming the feature and where its ring crosses itself', async () => {
    const bowTie = [[[-0.46, 51.76], [-0.45, 51.77], [-0.45, 51.76], [-0.46, 51.77], [-0.46, 51.76]]];
    const file = collection(feature({ code: 'EST010', name: 'Crossed' }, square(-0.40, 51.70)), feature({ code: 'EST011', name: 'Bow tie' }, bowTie));
    await expectRefusedUnchanged(() => importBoundaries(db.db, file, { level: 'estate', source: 'test' }), /^feature 1 \(EST011\): ring 0 crosses itself near \[-0\.455000, 51\.765000\]/);
  });

  it('refuses to move an existing area to another level or parent unless told to replace', async () => {
    const asWard = collection(feature({ estate_code: 'EST001', estate_name: 'Highfield' }, square(-0.46, 51.76)));
    await expectRefusedUnchanged(
      () => importBoundaries(db.db, asWard, { level: 'ward', codeProp: 'estate_code', nameProp: 'estate_name', source: 'test' }),
      /feature 0 \(EST001\) is already a estate: loading would make it a ward; check --level and --parent, or say --replace/,
    );
    await importBoundaries(db.db, asWard, { level: 'ward', codeProp: 'estate_code', nameProp: 'estate_name', source: 'test', replace: true });
    expect((await db.db.selectFrom('area').select('level').where('code', '=', 'EST001').executeTakeFirstOrThrow()).level).toBe('ward');
    await importBoundaries(db.db, asWard, { level: 'estate', codeProp: 'estate_code', nameProp: 'estate_name', source: 'test', replace: true });
  });

  it('never lets a definitions file redefine a built-in indicator', async () => {
    const hijack = JSON.stringify([{ ...JSON.parse(definitions)[0], id: 'imd_average_rank' }]);
    await expectRefusedUnchanged(() => importIndicators(db.db, `${HEADER}\nimd_average_rank,EST001,2027,1,,,,\n`, hijack), /definition 0: imd_average_rank is a built-in indicator and cannot be redefined/);
  });

  it('refuses a control character in a values CSV, naming the line and column', async () => {
    await expectRefusedUnchanged(() => importIndicators(db.db, `${HEADER}\nfeels_safe,EST001\u0000,2027,50,,,,\n`, definitions), /values CSV, line 2: column area_code must not contain control characters/);
  });
});
