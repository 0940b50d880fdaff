import { migrateToLatest, type Db } from '@thrive/db';
import { testEngines } from '@thrive/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBoundaries } from './import-boundaries.ts';

// Hand-made estates near Hemel Hempstead, drawn carelessly (an open ring, a doubled position)
// or with latitude and longitude the wrong way round.
const square = (x: number, y: number, d = 0.01) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
const feature = (code: string, ring: number[][]) => ({
  type: 'Feature',
  properties: { code, name: `Estate ${code}` },
  geometry: { type: 'Polygon', coordinates: [ring] },
});
const collection = (...features: unknown[]) =>
  JSON.stringify({ type: 'FeatureCollection', features });

describe.each(testEngines())('importing boundaries on $name', (engine) => {
  let db: Db;

  beforeAll(async () => {
    db = await engine.open();
    await migrateToLatest(db.db);
  });
  afterAll(() => db.close());

  const areaCount = async () =>
    Number(
      (
        await db.db
          .selectFrom('area')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('closes an open ring and drops a doubled position, storing the repaired shape and saying so', async () => {
    const [a, b, c, d] = square(-0.46, 51.76);
    const file = collection(
      feature('EST101', [a!, b!, c!, d!]),
      feature('EST102', [a!, b!, b!, c!, d!, a!]),
    );
    const report = await importBoundaries(db.db, file, { level: 'estate', source: 'test' });
    expect(report.areas).toBe(2);
    expect(report.warnings).toContain(
      'repaired: feature 0 (EST101): closed ring 0; feature 1 (EST102): dropped 1 repeated position from ring 0',
    );
    const rows = await db.db
      .selectFrom('area')
      .select(['code', 'geometry'])
      .where('code', 'in', ['EST101', 'EST102'])
      .orderBy('code')
      .execute();
    const rings = rows.map(
      (row) =>
        (typeof row.geometry === 'string' ? JSON.parse(row.geometry) : row.geometry).coordinates[0],
    );
    expect(rings).toEqual([square(-0.46, 51.76), square(-0.46, 51.76)]);
  });

  it('refuses coordinates that look swapped, naming the feature and writing nothing', async () => {
    const before = await areaCount();
    const file = collection(
      feature('EST103', square(-0.44, 51.77)),
      feature('EST104', square(51.77, -0.44)),
    );
    await expect(
      importBoundaries(db.db, file, { level: 'estate', source: 'test' }),
    ).rejects.toThrow(
      /^feature 1 \(EST104\): the coordinates look swapped: \[51\.77, -0\.44\] at ring 0, position 0 .*swap the axes$/,
    );
    expect(await areaCount()).toBe(before);
  });
});
