// Accounts: create (by an admin, or by `thrive user add` for the first admin), change role,
// disable and enable, rename; every change in the same transaction as its audit event.
import type { Database, Role } from '@thrive/db';
import type { Kysely } from 'kysely';
import { BadRequestError, ConflictError, NotFoundError } from '../../errors.ts';
import { passwordProblem, passwords } from '../auth/passwords.ts';
import * as repo from './repository.ts';
import type { AuditListBody, AuditQuery, UserBody, UserPatchBody } from './schemas.ts';
import { listAudit, recordAudit } from '../audit/repository.ts';

/** Who made a change: an account, or the command line (actor null). */
export interface Actor {
  id: string | null;
  via: 'api' | 'cli';
}

/** Emails are compared and stored lower-cased, without surrounding spaces. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export const userTarget = (id: string): string => `user:${id}`;

export function toUserBody(row: repo.UserRow): UserBody {
  return {
    id: row.id,
    email: row.email,
    name: row.display_name,
    role: row.role,
    createdAt: row.created_at.toISOString(),
    disabledAt: row.disabled_at ? row.disabled_at.toISOString() : null,
    mustChangePassword: row.must_change_password,
  };
}

export async function listUsers(db: Kysely<Database>): Promise<UserBody[]> {
  return (await repo.listUsers(db)).map(toUserBody);
}

export interface NewUser {
  email: string;
  name?: string | undefined;
  role: Role;
  password: string;
  /** The person must choose their own password at their first sign-in. */
  temporary?: boolean | undefined;
}

/** Creates an account; refuses a short password (400) and an email already in use (409). */
export async function createUser(db: Kysely<Database>, input: NewUser, actor: Actor): Promise<UserBody> {
  const email = normaliseEmail(input.email);
  const problem = passwordProblem(input.password);
  if (problem) throw new BadRequestError(problem);
  if (await repo.findUserByEmail(db, email)) throw new ConflictError('An account with that email already exists.');
  const passwordHash = await passwords.hash(input.password);
  const row = await db.transaction().execute(async (tx) => {
    const created = await repo.insertUser(tx, { email, displayName: input.name?.trim() || null, role: input.role, passwordHash, mustChangePassword: input.temporary === true });
    await recordAudit(tx, { actorId: actor.id, action: 'user.create', target: userTarget(created.id), details: { role: created.role, via: actor.via } });
    return created;
  });
  return toUserBody(row);
}

/**
 * Changes an account's role, name or disabled state. Disabling ends its sessions at once; a
 * change that would leave no active admin is refused (409), so the service stays manageable.
 */
export async function updateUser(db: Kysely<Database>, id: string, patch: UserPatchBody, actor: Actor): Promise<UserBody> {
  const row = await db.transaction().execute(async (tx) => {
    await repo.lockForChange(tx, id);
    const before = await repo.findUserById(tx, id);
    if (!before) throw new NotFoundError('No account with that id.');
    const roleChanges = patch.role !== undefined && patch.role !== before.role;
    const disabling = patch.disabled === true && before.disabled_at === null;
    const enabling = patch.disabled === false && before.disabled_at !== null;
    const renaming = patch.name !== undefined && (patch.name?.trim() || null) !== before.display_name;

    const losesAdmin = before.role === 'admin' && before.disabled_at === null && ((roleChanges && patch.role !== 'admin') || disabling);
    if (losesAdmin && (await repo.countOtherActiveAdmins(tx, id)) === 0) {
      throw new ConflictError('This is the only active admin; make another account admin first.');
    }

    const set: { role?: Role; display_name?: string | null; disabled_at?: Date | null } = {};
    if (roleChanges) set.role = patch.role;
    if (renaming) set.display_name = patch.name?.trim() || null;
    if (disabling) set.disabled_at = new Date();
    if (enabling) set.disabled_at = null;
    if (Object.keys(set).length === 0) return before;

    const after = await repo.updateUser(tx, id, set);
    const target = userTarget(id);
    const via = actor.via;
    if (roleChanges) await recordAudit(tx, { actorId: actor.id, action: 'user.role_change', target, details: { from: before.role, to: after.role, via } });
    if (renaming) await recordAudit(tx, { actorId: actor.id, action: 'user.rename', target, details: { via } });
    if (disabling) {
      await repo.deleteSessionsOf(tx, id);
      await recordAudit(tx, { actorId: actor.id, action: 'user.disable', target, details: { via } });
    }
    if (enabling) await recordAudit(tx, { actorId: actor.id, action: 'user.enable', target, details: { via } });
    return after;
  });
  return toUserBody(row);
}

/**
 * Gives an account a temporary password (a forgotten one, or a first one sent again): its
 * sessions end and the person must choose their own at the next sign-in. 400 for a short
 * password, 404 for no such account.
 */
export async function setTemporaryPassword(db: Kysely<Database>, id: string, password: string, actor: Actor): Promise<UserBody> {
  const problem = passwordProblem(password);
  if (problem) throw new BadRequestError(problem);
  const passwordHash = await passwords.hash(password);
  const row = await db.transaction().execute(async (tx) => {
    const after = await repo.setPassword(tx, id, passwordHash, true);
    if (!after) throw new NotFoundError('No account with that id.');
    await repo.deleteSessionsOf(tx, id);
    await recordAudit(tx, { actorId: actor.id, action: 'user.password_reset', target: userTarget(id), details: { via: actor.via } });
    return after;
  });
  return toUserBody(row);
}

/** Changes the role of the account with this email (the command line's `user set-role`). */
export async function setRoleByEmail(db: Kysely<Database>, email: string, role: Role, actor: Actor): Promise<{ before: Role; after: UserBody }> {
  const user = await repo.findUserByEmail(db, normaliseEmail(email));
  if (!user) throw new NotFoundError('No account with that email.');
  return { before: user.role, after: await updateUser(db, user.id, { role }, actor) };
}

/** One page of the audit trail, newest first. */
export async function auditPage(db: Kysely<Database>, query: AuditQuery): Promise<AuditListBody> {
  // Days are UTC days: `to` includes the whole of its day.
  const day = (text: string | undefined, plus = 0) => (text === undefined ? undefined : new Date(Date.parse(`${text}T00:00:00Z`) + plus * 86_400_000));
  const rows = await listAudit(db, { ...query, from: day(query.from), until: day(query.to, 1) });
  return {
    events: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actor_id && r.actor_email ? { id: r.actor_id, email: r.actor_email } : null,
      action: r.action,
      target: r.target,
      details: r.details,
    })),
    next: rows.length === query.limit ? (rows.at(-1)?.id ?? null) : null,
  };
}
