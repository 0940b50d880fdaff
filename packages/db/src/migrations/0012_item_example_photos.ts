// An example photo for each item of an inspection standard ("this is what a clean stairwell
// looks like"), re-encoded like every photo Thrive keeps; replaced when an officer sends another.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('inspection_item_photo')
    .addColumn('item_id', 'uuid', (c) => c.primaryKey().references('inspection_item.id').onDelete('cascade'))
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('inspection_item_photo').execute();
}
