// The only SQL of signing in: accounts by email, sessions, failed-attempt counts, the key of
// their hashes.
import type { Database, Role } from '@thrive/db';
import { sql, type Kysely } from 'kysely';

export interface AccountRow {
  id: string;
  email: string;
  display_name: string | null;
  role: Role;
  password_hash: string;
  disabled_at: Date | null;
  must_change_password: boolean;
}

/** The account with this (lower-cased) email, if any. */
export function findAccountByEmail(db: Kysely<Database>, email: string): Promise<AccountRow | undefined> {
  return db
    .selectFrom('user')
    .select(['id', 'email', 'display_name', 'role', 'password_hash', 'disabled_at', 'must_change_password'])
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
  must_change_password: boolean;
}

/** A session by its id (the token's hash) with its account, in one query. */
export function findSession(db: Kysely<Database>, id: string): Promise<SessionWithAccount | undefined> {
  return db
    .selectFrom('session')
    .innerJoin('user', 'user.id', 'session.user_id')
    .select(['session.id', 'session.expires_at', 'session.last_seen_at', 'session.user_id', 'user.email', 'user.display_name', 'user.role', 'user.disabled_at', 'user.must_change_password'])
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

export interface Reservation {
  /** The rows reserved (one per key), when the attempt may go ahead. */
  ids: string[];
  /** When the attempt is refused: the time the first blocked key may try again. */
  blockedUntil: Date | null;
  /** Failures left, counting this attempt as one, before the tightest key pauses. */
  remaining: number;
}

/** A failure counter and how many failures it allows in the window. */
export interface ThrottleKey {
  key: string;
  limit: number;
}

/**
 * Checks and counts an attempt in one step: under a transaction-scoped advisory lock per key
 * (taken in sorted order, so two attempts cannot deadlock), refuses when any key already has
 * its `limit` of failures since `since`, and otherwise records a failure for every key at once —
 * the attempt's reservation, removed again if the password turns out right. Parallel attempts
 * for one key therefore queue on the lock, and never more than its limit get past it.
 */
export async function reserveAttempt(db: Kysely<Database>, keys: readonly ThrottleKey[], at: Date, since: Date, windowMs: number): Promise<Reservation> {
  return db.transaction().execute(async (tx) => {
    for (const key of keys.map((k) => k.key).sort()) await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(tx);
    let until = 0;
    let remaining = Number.POSITIVE_INFINITY;
    for (const { key, limit } of keys) {
      const rows = await tx.selectFrom('login_failure').select('at').where('key', '=', key).where('at', '>', since).orderBy('at', 'desc').limit(limit).execute();
      const oldestCounted = rows[limit - 1];
      if (oldestCounted) until = Math.max(until, oldestCounted.at.getTime() + windowMs);
      remaining = Math.min(remaining, limit - rows.length - 1);
    }
    if (until > 0) return { ids: [], blockedUntil: new Date(until), remaining: 0 };
    await tx.deleteFrom('login_failure').where('at', '<=', since).execute();
    const inserted = await tx.insertInto('login_failure').values(keys.map(({ key }) => ({ key, at }))).returning('id').execute();
    return { ids: inserted.map((r) => r.id), blockedUntil: null, remaining };
  });
}

/** Removes an attempt's reservation (its password was right). */
export async function releaseAttempt(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('login_failure').where('id', 'in', ids).execute();
}
