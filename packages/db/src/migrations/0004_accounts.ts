// Accounts: users with roles, database sessions (so every instance shares them), the audit
// trail, and the sign-in failure counts behind the brute-force throttle (also shared).
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

// Frozen history: the roles are written out literally, never imported from schema.ts.

export async function up(db: Kysely<unknown>): Promise<void> {
  // "user" is a reserved word in PostgreSQL; Kysely quotes every identifier it writes.
  await db.schema
    .createTable('user')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // Stored lower-cased, so the unique constraint is case-insensitive.
    .addColumn('email', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`email = lower(email)`),
    )
    .addColumn('display_name', 'text')
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('admin', 'officer', 'partner')`),
    )
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('disabled_at', 'timestamptz')
    .execute();

  // The id is the SHA-256 of the cookie's token: a database leak yields no usable session.
  // No IP addresses are kept; the user agent is reduced to a hint such as "Firefox on Linux".
  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('user_agent_hint', 'text')
    .execute();
  await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();
  await db.schema.createIndex('session_expires_idx').on('session').column('expires_at').execute();

  // Details never hold personal data (no emails, passwords, tokens or IP addresses).
  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_id', 'uuid', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema
    .createIndex('audit_event_action_idx')
    .on('audit_event')
    .columns(['action', 'id'])
    .execute();

  // One row per failed sign-in per key (a keyed hash of the account, another of the client
  // address); rows older than the throttle window are deleted as new ones arrive.
  await db.schema
    .createTable('login_failure')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('login_failure_key_at_idx')
    .on('login_failure')
    .columns(['key', 'at'])
    .execute();

  // Secrets generated once per database and shared by every instance: the key of the hashes
  // above, so a copy of the table cannot be reversed by hashing every IPv4 address.
  await db.schema
    .createTable('app_secret')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('app_secret' as never)
    .values({ name: 'throttle_key', value: randomBytes(32).toString('base64url') } as never)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['app_secret', 'login_failure', 'audit_event', 'session', 'user']) {
    await db.schema.dropTable(table).execute();
  }
}
