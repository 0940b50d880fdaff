// The only SQL of accounts and the audit trail.
import type { Database, Role } from '@thrive/db';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditAction } from './schemas.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export interface UserRow {
  id: string;
  email: string;
  display_name: string | null;
  role: Role;
  created_at: Date;
  disabled_at: Date | null;
}

const USER_COLUMNS = ['id', 'email', 'display_name', 'role', 'created_at', 'disabled_at'] as const;

export function listUsers(db: Executor): Promise<UserRow[]> {
  return db.selectFrom('user').select(USER_COLUMNS).orderBy('email').execute();
}

export function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('user').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('user').select(USER_COLUMNS).where('email', '=', email).executeTakeFirst();
}

export function insertUser(db: Executor, user: { email: string; displayName: string | null; role: Role; passwordHash: string }): Promise<UserRow> {
  return db
    .insertInto('user')
    .values({ email: user.email, display_name: user.displayName, role: user.role, password_hash: user.passwordHash, disabled_at: null })
    .returning(USER_COLUMNS)
    .executeTakeFirstOrThrow();
}

export function updateUser(db: Executor, id: string, set: { role?: Role; display_name?: string | null; disabled_at?: Date | null }): Promise<UserRow> {
  return db.updateTable('user').set(set).where('id', '=', id).returning(USER_COLUMNS).executeTakeFirstOrThrow();
}

/**
 * Locks, in id order, the account about to change and every active admin, so two changes that
 * each count the other admins (two admins demoting each other) queue instead of deadlocking.
 */
export async function lockForChange(tx: Transaction<Database>, id: string): Promise<void> {
  await tx
    .selectFrom('user')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', id), eb.and([eb('role', '=', 'admin'), eb('disabled_at', 'is', null)])]))
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Active admins other than `exceptId`, locking their rows until the transaction ends. */
export async function countOtherActiveAdmins(tx: Transaction<Database>, exceptId: string): Promise<number> {
  const rows = await tx.selectFrom('user').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).where('id', '!=', exceptId).forUpdate().execute();
  return rows.length;
}

export async function deleteSessionsOf(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('session').where('user_id', '=', userId).execute();
}

export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  target: string | null;
  /** Never personal data: no emails, passwords, tokens or addresses. */
  details: Record<string, unknown>;
}

/** Appends one event to the audit trail. */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({ actor_id: entry.actorId, action: entry.action, target: entry.target, details: JSON.stringify(entry.details) })
    .execute();
}

export interface AuditRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

/** Events newest first, older than `before` (an id) when given. */
export function listAudit(db: Executor, options: { limit: number; before?: string | undefined; action?: AuditAction | undefined }): Promise<AuditRow[]> {
  let query = db
    .selectFrom('audit_event')
    .leftJoin('user', 'user.id', 'audit_event.actor_id')
    // int8 comes back as a string from pg and a number from PGlite: read it as text on both.
    .select([sql<string>`cast(audit_event.id as text)`.as('id'), 'audit_event.at', 'audit_event.actor_id', 'user.email as actor_email', 'audit_event.action', 'audit_event.target', 'audit_event.details'])
    .orderBy('audit_event.id', 'desc')
    .limit(options.limit);
  if (options.before !== undefined) query = query.where('audit_event.id', '<', sql<string>`cast(${options.before} as bigint)`);
  if (options.action !== undefined) query = query.where('audit_event.action', '=', options.action);
  return query.execute();
}
