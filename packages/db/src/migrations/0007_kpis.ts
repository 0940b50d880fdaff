// Community-defined KPIs (issue 12): KPIs on an area, their versions (an adopted version is never
// changed: an edit makes a new one, so the history stays), adoptions by residents' forums, and
// the surveys behind survey KPIs: questions, waves (periods) and responses, one per participant
// per wave, with the device-made UUID as the idempotency key (as for pins).
// Frozen history: every list below is written out literally, never imported.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('survey')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull().references('area.code'))
    .addColumn('created_by', 'uuid', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('survey_area_idx').on('survey').column('area_code').execute();

  await db.schema
    .createTable('survey_question')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('survey_id', 'uuid', (c) => c.notNull().references('survey.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('scale', 'text', (c) => c.notNull().check(sql`scale in ('agree5', 'yesno', '0-10')`))
    .addUniqueConstraint('survey_question_position_key', ['survey_id', 'position'])
    .execute();

  // A wave is one period of asking; at most one is open per survey (the partial unique index).
  await db.schema
    .createTable('survey_wave')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('survey_id', 'uuid', (c) => c.notNull().references('survey.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('closed_at', 'timestamptz')
    .addUniqueConstraint('survey_wave_period_key', ['survey_id', 'period'])
    .execute();
  await db.schema
    .createIndex('survey_wave_one_open_idx')
    .unique()
    .on('survey_wave')
    .column('survey_id')
    .where(sql.ref('closed_at'), 'is', null)
    .execute();

  // Survey participants hold the same cookie as workshop participants; theirs names the survey.
  await db.schema
    .alterTable('participant')
    .addColumn('survey_id', 'uuid', (c) => c.references('survey.id').onDelete('cascade'))
    .execute();
  await db.schema
    .createIndex('participant_survey_idx')
    .on('participant')
    .column('survey_id')
    .execute();

  // One response per participant per wave; `id` is made on the device, `content_hash`
  // fingerprints the answers to tell a retry (same) from a clash (different).
  await db.schema
    .createTable('survey_response')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('survey_id', 'uuid', (c) => c.notNull().references('survey.id').onDelete('cascade'))
    .addColumn('wave_id', 'uuid', (c) =>
      c.notNull().references('survey_wave.id').onDelete('cascade'),
    )
    .addColumn('participant_id', 'uuid', (c) => c.references('participant.id').onDelete('set null'))
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('survey_response_once_per_wave_key', ['wave_id', 'participant_id'])
    .execute();
  await db.schema
    .createIndex('survey_response_survey_idx')
    .on('survey_response')
    .columns(['survey_id', 'wave_id'])
    .execute();

  await db.schema
    .createTable('kpi')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('area_code', 'text', (c) => c.notNull().references('area.code'))
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`state in ('draft', 'adopted', 'retired')`),
    )
    .addColumn('origin', 'text', (c) =>
      c
        .notNull()
        .defaultTo('forum')
        .check(sql`origin in ('workshop', 'template', 'forum')`),
    )
    .addColumn('origin_ref', 'text')
    .addColumn('retired_reason', 'text')
    .addColumn('retired_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'kpi_retired_with_reason',
      sql`(state = 'retired') = (retired_reason is not null)`,
    )
    .execute();
  await db.schema.createIndex('kpi_area_idx').on('kpi').columns(['area_code', 'state']).execute();

  // What a KPI says and how it is measured; the highest version is the current one.
  await db.schema
    .createTable('kpi_version')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kpi_id', 'uuid', (c) => c.notNull().references('kpi.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) =>
      c.notNull().check(sql`method in ('survey', 'pin_metric', 'indicator')`),
    )
    .addColumn('tier', 'text', (c) => c.notNull().check(sql`tier in ('T1', 'T2', 'T3')`))
    .addColumn('ripple', 'text', (c) =>
      c.notNull().check(sql`ripple in ('place', 'people', 'public_services')`),
    )
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('up', 'down')`))
    .addColumn('baseline_value', 'double precision')
    .addColumn('baseline_period', 'text')
    .addColumn('target_value', 'double precision', (c) => c.notNull())
    .addColumn('target_by', 'text', (c) => c.notNull())
    .addColumn('survey_question_id', 'uuid', (c) => c.references('survey_question.id'))
    .addColumn('indicator_id', 'text', (c) => c.references('indicator.id'))
    .addColumn('pin_metric', 'jsonb')
    .addColumn('minimum_n', 'integer', (c) => c.notNull())
    .addColumn('change_note', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('kpi_version_number_key', ['kpi_id', 'version'])
    .addCheckConstraint(
      'kpi_version_measure_matches_method',
      sql`(method = 'survey') = (survey_question_id is not null)
        and (method = 'indicator') = (indicator_id is not null)
        and (method = 'pin_metric') = (pin_metric is not null)`,
    )
    .addCheckConstraint(
      'kpi_version_baseline_whole',
      sql`(baseline_value is null) = (baseline_period is null)`,
    )
    .execute();

  // A forum adopting one version of a KPI (a version is adopted at most once).
  await db.schema
    .createTable('kpi_adoption')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kpi_id', 'uuid', (c) => c.notNull().references('kpi.id').onDelete('cascade'))
    .addColumn('kpi_version_id', 'uuid', (c) =>
      c.notNull().unique().references('kpi_version.id').onDelete('cascade'),
    )
    .addColumn('forum', 'text', (c) => c.notNull())
    .addColumn('adopted_on', 'date', (c) => c.notNull())
    .addColumn('minutes_url', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('kpi_adoption_kpi_idx').on('kpi_adoption').column('kpi_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['kpi_adoption', 'kpi_version', 'kpi', 'survey_response']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('participant').dropColumn('survey_id').execute();
  for (const table of ['survey_wave', 'survey_question', 'survey']) {
    await db.schema.dropTable(table).execute();
  }
}
