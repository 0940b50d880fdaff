// Hardening after a first attack:
// - each sign-in failure row gets an id, because an attempt now reserves its failure before the
//   password is checked (so a burst cannot slip past the limit) and a right password removes
//   only its own reservation;
// - imports run as background jobs; a job's row is how any instance reports its progress, and a
//   partial unique index keeps one unfinished job per authority across instances.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('login_failure')
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .execute();
  await db.schema.alterTable('login_failure').addPrimaryKeyConstraint('login_failure_pkey', ['id']).execute();

  await db.schema
    .createTable('import_job')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('authority')`))
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('running', 'done', 'refused', 'failed')`))
    .addColumn('progress', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('result', 'jsonb')
    .addColumn('error', 'text')
    .addColumn('actor_id', 'uuid', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('import_job_one_running_idx')
    .on('import_job')
    .columns(['kind', 'target'])
    .unique()
    .where(sql.ref('status'), '=', 'running')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_job').execute();
  await db.schema.alterTable('login_failure').dropConstraint('login_failure_pkey').execute();
  await db.schema.alterTable('login_failure').dropColumn('id').execute();
}
