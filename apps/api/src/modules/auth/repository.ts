// The only SQL of signing in: accounts by email, sessions, failed-attempt counts, the key of
// their hashes.
import type { Database, Role } from '@thrive/db';
import type { Kysely } from 'kysely';

export interface AccountRow {
  id: string;
  email: string;
  display_name: string | null;
  role: Role;
  password_hash: string;
  disabled_at: Date | null;
}

/** The account with this (lower-cased) email, if any. */
export function findAccountByEmail(db: Kysely<Database>, email: string): Promise<AccountRow | undefined> {
  return db
    .selectFrom('user')
    .select(['id', 'email', 'display_name', 'role', 'password_hash', 'disabled_at'])
    .where('email', '=', email)
    .executeTakeFirst();
}

export interface NewSessionRow {
  id: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  userAgentHint: string | null;
}

export async function insertSession(db: Kysely<Database>, row: NewSessionRow): Promise<void> {
  await db
    .insertInto('session')
    .values({ id: row.id, user_id: row.userId, created_at: row.createdAt, expires_at: row.expiresAt, last_seen_at: row.createdAt, user_agent_hint: row.userAgentHint })
    .execute();
}

export interface SessionWithAccount {
  id: string;
  expires_at: Date;
  last_seen_at: Date;
  user_id: string;
  email: string;
  display_name: string | null;
  role: Role;
  disabled_at: Date | null;
}

/** A session by its id (the token's hash) with its account, in one query. */
export function findSession(db: Kysely<Database>, id: string): Promise<SessionWithAccount | undefined> {
  return db
    .selectFrom('session')
    .innerJoin('user', 'user.id', 'session.user_id')
    .select(['session.id', 'session.expires_at', 'session.last_seen_at', 'session.user_id', 'user.email', 'user.display_name', 'user.role', 'user.disabled_at'])
    .where('session.id', '=', id)
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<Database>, id: string, at: Date): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

/** Deletes every session past its absolute expiry or idle for longer than allowed. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: Date, idleMs: number): Promise<void> {
  await db
    .deleteFrom('session')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', new Date(now.getTime() - idleMs))]))
    .execute();
}

/** The key the throttle's hashes are made with (created by migration 0004). */
export async function throttleKey(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('app_secret').select('value').where('name', '=', 'throttle_key').executeTakeFirstOrThrow();
  return row.value;
}

/** The newest failures of a key since a time, newest first, at most `limit`. */
export async function recentFailures(db: Kysely<Database>, key: string, since: Date, limit: number): Promise<Date[]> {
  const rows = await db.selectFrom('login_failure').select('at').where('key', '=', key).where('at', '>', since).orderBy('at', 'desc').limit(limit).execute();
  return rows.map((r) => r.at);
}

/** Records one failure for each key, and forgets failures older than the window. */
export async function recordFailures(db: Kysely<Database>, keys: readonly string[], at: Date, forgetBefore: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('login_failure').where('at', '<=', forgetBefore).execute();
    await tx.insertInto('login_failure').values(keys.map((key) => ({ key, at }))).execute();
  });
}
