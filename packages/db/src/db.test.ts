import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bumpDataVersion,
  cacheVersions,
  dataVersion,
  ForeignKeyViolationError,
  latestMigration,
  migrateToLatest,
  migrationNames,
  UniqueViolationError,
  type Database,
  type Db,
} from './index.ts';
import { testEngines } from './testing.ts';

// A hand-made fixture: one ward and one LSOA in it, with a made-up square boundary.
const square = {
  type: 'Polygon',
  coordinates: [[[-0.5, 51.7], [-0.4, 51.7], [-0.4, 51.8], [-0.5, 51.8], [-0.5, 51.7]]],
};

describe.each(testEngines())('the data layer on $name', (engine) => {
  let handle: Db;
  let db: Kysely<Database>;

  beforeAll(async () => {
    handle = await engine.open();
    db = handle.db;
  });
  afterAll(async () => {
    await handle.close();
  });

  it('reports its engine', () => {
    expect(handle.engine).toBe(engine.name);
  });

  it('migrates an empty database to the newest migration', async () => {
    expect(await latestMigration(db)).toBeNull();
    const state = await migrateToLatest(db);
    expect(state.applied).toEqual(migrationNames);
    expect(state.latest).toBe(migrationNames.at(-1));
    const tables = (await db.introspection.getTables()).map((t) => t.name).sort();
    expect(tables).toEqual(
      expect.arrayContaining([
        ...['app_secret', 'area', 'area_link', 'audit_event', 'data_version', 'indicator', 'indicator_value', 'login_failure', 'session', 'user'],
        ...['participant', 'photo', 'pin', 'pin_response', 'pin_support', 'pin_tombstone', 'workshop', 'workshop_event', 'workshop_place'],
      ]),
    );
  });

  it('applies nothing when migrated a second time', async () => {
    const state = await migrateToLatest(db);
    expect(state.applied).toEqual([]);
  });

  it('round-trips an area with its geometry, bounding box and dates', async () => {
    await db
      .insertInto('area')
      .values([
        { code: 'E07000096', name: 'Dacorum', level: 'lad', parent_code: null, geometry: null, minx: null, miny: null, maxx: null, maxy: null, source: 'test', valid_from: null, valid_to: null },
        {
          code: 'E05004691',
          name: 'Adeyfield East',
          level: 'ward',
          parent_code: 'E07000096',
          geometry: JSON.stringify(square),
          minx: -0.5,
          miny: 51.7,
          maxx: -0.4,
          maxy: 51.8,
          source: 'test',
          valid_from: '2013-05-01',
          valid_to: null,
        },
        { code: 'E01023489', name: 'Dacorum 008A', level: 'lsoa', parent_code: 'E07000096', geometry: null, minx: null, miny: null, maxx: null, maxy: null, source: 'test', valid_from: null, valid_to: null },
      ])
      .execute();
    const ward = await db.selectFrom('area').selectAll().where('code', '=', 'E05004691').executeTakeFirstOrThrow();
    expect(ward.geometry).toEqual(square);
    expect([ward.minx, ward.miny, ward.maxx, ward.maxy]).toEqual([-0.5, 51.7, -0.4, 51.8]);
    expect(ward.valid_from).toBeInstanceOf(Date);
    expect(ward.valid_from?.getFullYear()).toBe(2013);
    expect(ward.valid_to).toBeNull();
  });

  it('round-trips an area link with its default weight', async () => {
    await db.insertInto('area_link').values({ from_code: 'E01023489', to_code: 'E05004691', method: 'best_fit_centroid' }).execute();
    const link = await db.selectFrom('area_link').selectAll().executeTakeFirstOrThrow();
    expect(link).toEqual({ from_code: 'E01023489', to_code: 'E05004691', method: 'best_fit_centroid', weight: 1 });
  });

  it('round-trips an indicator and a value at full precision', async () => {
    await db
      .insertInto('indicator')
      .values({ id: 'income_rate', title: 'Income deprivation', short_label: 'Income', unit: '%', value_type: 'proportion', polarity: 'low_is_good', multiplier: 100, decimals: 1, theme: 'deprivation', source: 'IoD2019', licence: 'OGL v3.0', definition: 'Share of people in income deprivation', tier: null, ripple: null })
      .execute();
    await db
      .insertInto('indicator_value')
      .values({ indicator_id: 'income_rate', area_code: 'E05004691', period: '2015', value: 0.123456789012345, numerator: 215, denominator: 1296, lower_ci: 0.11, upper_ci: 0.14, note: null })
      .execute();
    const row = await db.selectFrom('indicator_value').innerJoin('indicator', 'indicator.id', 'indicator_value.indicator_id').select(['indicator.title', 'indicator.decimals', 'indicator_value.value', 'indicator_value.numerator']).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: 'Income deprivation', decimals: 1, value: 0.123456789012345, numerator: 215 });
  });

  it('turns a duplicate key into a UniqueViolationError', async () => {
    const again = db.insertInto('area').values({ code: 'E05004691', name: 'Duplicate', level: 'ward', parent_code: null, geometry: null, minx: null, miny: null, maxx: null, maxy: null, source: null, valid_from: null, valid_to: null }).execute();
    await expect(again).rejects.toBeInstanceOf(UniqueViolationError);
    await expect(again).rejects.toMatchObject({ kind: 'unique', table: 'area' });
  });

  it('turns a missing reference into a ForeignKeyViolationError, also inside a transaction', async () => {
    const orphan = db.transaction().execute((trx) =>
      trx.insertInto('indicator_value').values({ indicator_id: 'no_such_indicator', area_code: 'E05004691', period: '2015', value: 1, numerator: null, denominator: null, lower_ci: null, upper_ci: null, note: null }).execute(),
    );
    await expect(orphan).rejects.toBeInstanceOf(ForeignKeyViolationError);
  });

  it('rolls back every write of a failed transaction', async () => {
    const failing = db.transaction().execute(async (trx) => {
      await trx.insertInto('area').values({ code: 'E05004692', name: 'Adeyfield West', level: 'ward', parent_code: 'E07000096', geometry: null, minx: null, miny: null, maxx: null, maxy: null, source: null, valid_from: null, valid_to: null }).execute();
      await trx.insertInto('area').values({ code: 'E05004691', name: 'Duplicate', level: 'ward', parent_code: null, geometry: null, minx: null, miny: null, maxx: null, maxy: null, source: null, valid_from: null, valid_to: null }).execute();
    });
    await expect(failing).rejects.toBeInstanceOf(UniqueViolationError);
    const found = await db.selectFrom('area').select('code').where('code', '=', 'E05004692').executeTakeFirst();
    expect(found).toBeUndefined();
  });

  it('counts data versions up from zero, one step per bump', async () => {
    expect(await dataVersion(db)).toBe(0);
    await db.transaction().execute((trx) => bumpDataVersion(trx));
    await bumpDataVersion(db);
    expect(await dataVersion(db)).toBe(2);
  });

  it('bumps the community version once per statement on the tables residents and forums change, and only when it commits', async () => {
    const before = await cacheVersions(db);
    await sql`delete from survey_response where false`.execute(db);
    await sql`update pin set moderation = moderation`.execute(db);
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`delete from kpi_adoption`.execute(trx);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const after = await cacheVersions(db);
    expect(BigInt(after.community) - BigInt(before.community)).toBe(2n);
    expect(after.data).toBe(before.data);
  });

  it('refuses an area level outside the schema list', async () => {
    const bad = db.insertInto('area').values({ code: 'X1', name: 'Bad', level: 'planet' as 'ward', parent_code: null, geometry: null, minx: null, miny: null, maxx: null, maxy: null, source: null, valid_from: null, valid_to: null }).execute();
    await expect(bad).rejects.toMatchObject({ kind: 'check' });
  });
});
