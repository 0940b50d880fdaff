// Residents inspect their own blocks (issue 14): versioned standards per estate (an adopted set
// of items is never changed: a change makes a new version, as for KPIs), the blocks and places
// inspected, inspector invites and inspectors (participants with the inspector role), inspections
// with the device-made UUID as the idempotency key (as for pins), their scores and one photo
// each (re-encoded: no EXIF, no GPS), and "you said, we did" actions for failed items.
// Frozen history: every list below is written out literally, never imported.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('inspection_standard')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('area_code', 'text', (c) => c.notNull().references('area.code'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('inspection_standard_version_key', ['area_code', 'version'])
    .execute();

  // One thing inspected ("Stairwells clean"), how it is scored and the share that should meet it.
  await db.schema
    .createTable('inspection_item')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('standard_id', 'uuid', (c) =>
      c.notNull().references('inspection_standard.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('scale', 'text', (c) => c.notNull().check(sql`scale in ('meets', '1-5')`))
    .addColumn('threshold', 'integer')
    .addColumn('target', 'double precision', (c) =>
      c.notNull().check(sql`target > 0 and target <= 1`),
    )
    .addUniqueConstraint('inspection_item_position_key', ['standard_id', 'position'])
    .addCheckConstraint(
      'inspection_item_threshold_matches_scale',
      sql`(scale = '1-5') = (threshold is not null) and (threshold is null or threshold between 1 and 5)`,
    )
    .execute();

  // A block or place inspected: a named point, with an optional outline (GeoJSON, WGS84).
  await db.schema
    .createTable('block')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('area_code', 'text', (c) => c.notNull().references('area.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('outline', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('block_name_key', ['area_code', 'name'])
    .execute();

  // An invite link (only the token's SHA-256 is kept); each opening makes a new inspector.
  await db.schema
    .createTable('inspector_invite')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('area_code', 'text', (c) => c.notNull().references('area.code'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'uuid', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .execute();

  // An inspector is a participant (role 'inspector', no workshop) of one estate; the display
  // name is chosen by the resident, optional, and never published.
  await db.schema
    .createTable('inspector')
    .addColumn('participant_id', 'uuid', (c) =>
      c.primaryKey().references('participant.id').onDelete('cascade'),
    )
    .addColumn('area_code', 'text', (c) => c.notNull().references('area.code'))
    .addColumn('invite_id', 'uuid', (c) => c.references('inspector_invite.id').onDelete('set null'))
    .addColumn('display_name', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // The inspection's id is made on the device: the key that makes a re-sent one count once.
  await db.schema
    .createTable('inspection')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('area_code', 'text', (c) => c.notNull().references('area.code'))
    .addColumn('block_id', 'uuid', (c) => c.notNull().references('block.id').onDelete('cascade'))
    .addColumn('standard_id', 'uuid', (c) =>
      c.notNull().references('inspection_standard.id').onDelete('cascade'),
    )
    .addColumn('participant_id', 'uuid', (c) =>
      c.references('participant.id').onDelete('set null'),
    )
    .addColumn('inspected_on', 'date', (c) => c.notNull())
    .addColumn('defect_lon', 'double precision')
    .addColumn('defect_lat', 'double precision')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'inspection_defect_whole',
      sql`(defect_lon is null) = (defect_lat is null)`,
    )
    .execute();
  await db.schema
    .createIndex('inspection_area_idx')
    .on('inspection')
    .columns(['area_code', 'inspected_on'])
    .execute();

  await db.schema
    .createTable('inspection_score')
    .addColumn('inspection_id', 'uuid', (c) =>
      c.notNull().references('inspection.id').onDelete('cascade'),
    )
    .addColumn('item_id', 'uuid', (c) => c.notNull().references('inspection_item.id'))
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('meets', 'boolean', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('inspection_score_pk', ['inspection_id', 'item_id'])
    .execute();

  // Photos re-encoded on the server (no EXIF, no GPS), one per inspection.
  await db.schema
    .createTable('inspection_photo')
    .addColumn('inspection_id', 'uuid', (c) =>
      c.primaryKey().references('inspection.id').onDelete('cascade'),
    )
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // "You said, we did" for a failed item in a block and month: officers answer and close it.
  await db.schema
    .createTable('inspection_action')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('area_code', 'text', (c) => c.notNull().references('area.code'))
    .addColumn('block_id', 'uuid', (c) => c.notNull().references('block.id').onDelete('cascade'))
    .addColumn('item_id', 'uuid', (c) => c.notNull().references('inspection_item.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('heard')
        .check(sql`status in ('heard', 'planned', 'in_progress', 'done', 'not_possible')`),
    )
    .addColumn('reply', 'text')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('actor_id', 'uuid', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('inspection_action_once_key', ['block_id', 'item_id', 'period'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'inspection_action',
    'inspection_photo',
    'inspection_score',
    'inspection',
    'inspector',
    'inspector_invite',
    'block',
    'inspection_item',
    'inspection_standard',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
