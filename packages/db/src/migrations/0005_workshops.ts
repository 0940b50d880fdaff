// Residents' workshops: workshops on an estate (an area), their named places, anonymous
// participants, pins with device-made UUIDs (the idempotency key), "me too" support, "you
// said, we did" replies (history kept), photos (bytes without metadata, in the database so every
// instance sees them), tombstones of removed pins, and the event log behind the live wall.
// Frozen history: every list below is written out literally, never imported.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workshop')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull().references('area.code'))
    .addColumn('starts_on', 'date')
    .addColumn('ends_on', 'date')
    .addColumn('themes', 'jsonb', (c) => c.notNull())
    .addColumn('moderation', 'text', (c) => c.notNull().defaultTo('post').check(sql`moderation in ('post', 'pre')`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'closed')`))
    .addColumn('created_by', 'uuid', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('workshop_area_idx').on('workshop').column('area_code').execute();

  // Landmarks the officer names ("the community centre", "Block C"): the map-free way to pin.
  await db.schema
    .createTable('workshop_place')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workshop_id', 'uuid', (c) => c.notNull().references('workshop.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('workshop_place_workshop_idx').on('workshop_place').column('workshop_id').execute();

  // A participant is a random token (only its SHA-256 is kept), not a person. "About you"
  // answers sit here, apart from the pins, and are only ever published as totals of 5 or more.
  await db.schema
    .createTable('participant')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('workshop_id', 'uuid', (c) => c.references('workshop.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('resident').check(sql`role in ('resident', 'inspector')`))
    .addColumn('age_band', 'text')
    .addColumn('years_band', 'text')
    .addColumn('tenure', 'text')
    // Set when the questions were answered or skipped, so they are asked once per participant.
    .addColumn('about_asked_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('participant_workshop_idx').on('participant').column('workshop_id').execute();

  // The pin's id is made on the device: the key that makes a re-sent pin count once.
  // `text` is what the resident wrote (officers only); `public_text` is masked for everyone else.
  // `content_hash` fingerprints what was sent, to tell a retry (same) from a clash (different).
  await db.schema
    .createTable('pin')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('workshop_id', 'uuid', (c) => c.notNull().references('workshop.id').onDelete('cascade'))
    .addColumn('participant_id', 'uuid', (c) => c.references('participant.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('issue', 'aspiration', 'asset')`))
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('public_text', 'text', (c) => c.notNull())
    .addColumn('masked', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('place_id', 'uuid', (c) => c.references('workshop_place.id').onDelete('set null'))
    .addColumn('lon', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('ward_code', 'text')
    .addColumn('lsoa_code', 'text')
    .addColumn('moderation', 'text', (c) => c.notNull().check(sql`moderation in ('published', 'pending', 'hidden')`))
    .addColumn('moderation_reason', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('response_status', 'text', (c) =>
      c.check(sql`response_status in ('heard', 'planned', 'in_progress', 'done', 'not_possible')`),
    )
    .addColumn('response_reply', 'text')
    .addColumn('response_expected_by', 'date')
    .addColumn('response_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('pin_workshop_idx').on('pin').columns(['workshop_id', 'created_at']).execute();
  await db.schema.createIndex('pin_participant_idx').on('pin').column('participant_id').execute();

  // A removed pin leaves its id here, so a late retry from a device cannot bring it back.
  await db.schema
    .createTable('pin_tombstone')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('workshop_id', 'uuid', (c) => c.notNull())
    .addColumn('removed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // "Me too": one per participant per pin (the primary key makes a repeat a no-op).
  await db.schema
    .createTable('pin_support')
    .addColumn('pin_id', 'uuid', (c) => c.notNull().references('pin.id').onDelete('cascade'))
    .addColumn('participant_id', 'uuid', (c) => c.notNull().references('participant.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('pin_support_pk', ['pin_id', 'participant_id'])
    .execute();

  // "You said, we did": every reply kept; the pin carries the latest for quick reads.
  await db.schema
    .createTable('pin_response')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('pin_id', 'uuid', (c) => c.notNull().references('pin.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('heard', 'planned', 'in_progress', 'done', 'not_possible')`))
    .addColumn('reply', 'text', (c) => c.notNull())
    .addColumn('expected_by', 'date')
    .addColumn('actor_id', 'uuid', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('pin_response_pin_idx').on('pin_response').columns(['pin_id', 'id']).execute();

  // Photos re-encoded on the server (no EXIF, no GPS), one per pin.
  await db.schema
    .createTable('photo')
    .addColumn('pin_id', 'uuid', (c) => c.primaryKey().references('pin.id').onDelete('cascade'))
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // The live wall's log: one row per thing a wall shows, ids in commit order per workshop (the
  // writer holds a per-workshop advisory lock), so a reconnecting wall resumes after its
  // Last-Event-ID without missing a pin.
  await db.schema
    .createTable('workshop_event')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('workshop_id', 'uuid', (c) => c.notNull().references('workshop.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('pin_id', 'uuid')
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('workshop_event_workshop_idx').on('workshop_event').columns(['workshop_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['workshop_event', 'photo', 'pin_response', 'pin_support', 'pin_tombstone', 'pin', 'participant', 'workshop_place', 'workshop']) {
    await db.schema.dropTable(table).execute();
  }
}
