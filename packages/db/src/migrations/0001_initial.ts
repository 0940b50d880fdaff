// First tables: areas, their links (LSOA→ward), indicators and their values.
// Frozen history: every list below is written out literally, never imported, so editing a live
// list in schema.ts cannot silently rewrite what this migration did. Later migrations widen them.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('area')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) =>
      c.notNull().check(sql`level in ('country', 'lad', 'ward', 'lsoa', 'estate', 'custom')`),
    )
    .addColumn('parent_code', 'text', (c) => c.references('area.code').onDelete('set null'))
    .addColumn('geometry', 'jsonb')
    .addColumn('minx', 'double precision')
    .addColumn('miny', 'double precision')
    .addColumn('maxx', 'double precision')
    .addColumn('maxy', 'double precision')
    .addColumn('source', 'text')
    .addColumn('valid_from', 'date')
    .addColumn('valid_to', 'date')
    .execute();
  await db.schema
    .createIndex('area_parent_level_idx')
    .on('area')
    .columns(['parent_code', 'level'])
    .execute();

  await db.schema
    .createTable('area_link')
    .addColumn('from_code', 'text', (c) => c.notNull().references('area.code').onDelete('cascade'))
    .addColumn('to_code', 'text', (c) => c.notNull().references('area.code').onDelete('cascade'))
    .addColumn('method', 'text', (c) =>
      c.notNull().check(sql`method in ('best_fit_centroid', 'manual')`),
    )
    .addColumn('weight', 'double precision', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('area_link_pk', ['from_code', 'to_code'])
    .execute();
  await db.schema.createIndex('area_link_to_idx').on('area_link').column('to_code').execute();

  await db.schema
    .createTable('indicator')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('short_label', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('value_type', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`value_type in ('proportion', 'rate', 'mean', 'score', 'rank', 'decile', 'count')`,
        ),
    )
    .addColumn('polarity', 'text', (c) =>
      c.notNull().check(sql`polarity in ('high_is_good', 'low_is_good', 'no_judgement')`),
    )
    .addColumn('multiplier', 'double precision', (c) => c.notNull().defaultTo(1))
    .addColumn('decimals', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('theme', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('licence', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('tier', 'text')
    .addColumn('ripple', 'text')
    .execute();

  await db.schema
    .createTable('indicator_value')
    .addColumn('indicator_id', 'text', (c) =>
      c.notNull().references('indicator.id').onDelete('cascade'),
    )
    .addColumn('area_code', 'text', (c) => c.notNull().references('area.code').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('numerator', 'double precision')
    .addColumn('denominator', 'double precision')
    .addColumn('lower_ci', 'double precision')
    .addColumn('upper_ci', 'double precision')
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('indicator_value_pk', ['indicator_id', 'area_code', 'period'])
    .execute();
  await db.schema
    .createIndex('indicator_value_area_idx')
    .on('indicator_value')
    .column('area_code')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['indicator_value', 'indicator', 'area_link', 'area']) {
    await db.schema.dropTable(table).execute();
  }
}
