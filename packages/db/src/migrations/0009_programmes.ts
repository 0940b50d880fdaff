// Regeneration programmes (issue 13): a programme over several areas (estates, wards), its
// strands (People, Prosperity, Place or its own), objectives under each strand, dated updates
// written by officers, and outputs officers record (people into work, homes started) as dated
// counts with their source. Recorded outputs are kept apart from what Thrive computes from
// participation and are never read by it. Frozen history: literal values only.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('programme')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date')
    .addColumn('created_by', 'uuid', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('programme_dates_in_order', sql`ends_on is null or ends_on >= starts_on`)
    .execute();

  // The areas a programme covers, in the order the officer gave them.
  await db.schema
    .createTable('programme_area')
    .addColumn('programme_id', 'uuid', (c) =>
      c.notNull().references('programme.id').onDelete('cascade'),
    )
    .addColumn('area_code', 'text', (c) => c.notNull().references('area.code'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('programme_area_pkey', ['programme_id', 'area_code'])
    .execute();

  await db.schema
    .createTable('programme_strand')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('programme_id', 'uuid', (c) =>
      c.notNull().references('programme.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('programme_strand_name_key', ['programme_id', 'name'])
    .execute();

  await db.schema
    .createTable('programme_objective')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('strand_id', 'uuid', (c) =>
      c.notNull().references('programme_strand.id').onDelete('cascade'),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  // An officer's dated update on an objective.
  await db.schema
    .createTable('programme_update')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('objective_id', 'uuid', (c) =>
      c.notNull().references('programme_objective.id').onDelete('cascade'),
    )
    .addColumn('on_date', 'date', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('programme_update_objective_idx')
    .on('programme_update')
    .columns(['objective_id', 'on_date'])
    .execute();

  // What officers record (typed in, labelled "recorded, not measured"): a dated count and its source.
  await db.schema
    .createTable('recorded_output')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('programme_id', 'uuid', (c) =>
      c.notNull().references('programme.id').onDelete('cascade'),
    )
    .addColumn('strand_id', 'uuid', (c) => c.references('programme_strand.id').onDelete('set null'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0`))
    .addColumn('on_date', 'date', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('recorded_output_programme_idx')
    .on('recorded_output')
    .columns(['programme_id', 'on_date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'recorded_output',
    'programme_update',
    'programme_objective',
    'programme_strand',
    'programme_area',
    'programme',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
