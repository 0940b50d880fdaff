// A password an admin sets for someone (a new account, or a forgotten password) is temporary:
// the person must choose their own at their next sign-in before they can do anything else.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('user')
    .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(sql`false`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('user').dropColumn('must_change_password').execute();
}
