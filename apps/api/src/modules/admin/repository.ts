// The only SQL of accounts (the audit trail's is in modules/audit).
import type { Database, Role } from '@thrive/db';
import type { Kysely, Transaction } from 'kysely';

type Executor = Kysely<Database> | Transaction<Database>;

export interface UserRow {
  id: string;
  email: string;
  display_name: string | null;
  role: Role;
  created_at: Date;
  disabled_at: Date | null;
  must_change_password: boolean;
}

const USER_COLUMNS = ['id', 'email', 'display_name', 'role', 'created_at', 'disabled_at', 'must_change_password'] as const;

export function listUsers(db: Executor): Promise<UserRow[]> {
  return db.selectFrom('user').select(USER_COLUMNS).orderBy('email').execute();
}

export function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('user').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('user').select(USER_COLUMNS).where('email', '=', email).executeTakeFirst();
}

export function insertUser(db: Executor, user: { email: string; displayName: string | null; role: Role; passwordHash: string; mustChangePassword?: boolean }): Promise<UserRow> {
  return db
    .insertInto('user')
    .values({ email: user.email, display_name: user.displayName, role: user.role, password_hash: user.passwordHash, disabled_at: null, must_change_password: user.mustChangePassword ?? false })
    .returning(USER_COLUMNS)
    .executeTakeFirstOrThrow();
}

export function updateUser(db: Executor, id: string, set: { role?: Role; display_name?: string | null; disabled_at?: Date | null }): Promise<UserRow> {
  return db.updateTable('user').set(set).where('id', '=', id).returning(USER_COLUMNS).executeTakeFirstOrThrow();
}

/** Replaces an account's password; `mustChange` says whether it is a temporary one. */
export function setPassword(db: Executor, id: string, passwordHash: string, mustChange: boolean): Promise<UserRow | undefined> {
  return db.updateTable('user').set({ password_hash: passwordHash, must_change_password: mustChange }).where('id', '=', id).returning(USER_COLUMNS).executeTakeFirst();
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

/** Ends every session of an account, but the one `exceptSessionId` when given (its own password change). */
export async function deleteSessionsOf(db: Executor, userId: string, exceptSessionId?: string): Promise<void> {
  let query = db.deleteFrom('session').where('user_id', '=', userId);
  if (exceptSessionId !== undefined) query = query.where('id', '!=', exceptSessionId);
  await query.execute();
}
