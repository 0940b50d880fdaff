// The admin pages' calls: accounts and the audit trail (types from the API's schemas).
import type {
  AuditListBody,
  AuditQuery,
  NewUserBody,
  UserBody,
  UserListBody,
  UserPatchBody,
} from '@thrive/api/schemas';
import { query, sendJson } from '#lib/api.ts';

export type { AuditListBody, AuditQuery, NewUserBody, UserBody, UserPatchBody };
export type AuditAction = NonNullable<AuditQuery['action']>;

type Fetch = typeof fetch;

/** GET /api/admin/users */
export const getUsers = async (fetchFn: Fetch = fetch) =>
  ((await sendJson<UserListBody>(fetchFn, 'GET', '/api/admin/users')) as UserListBody).users;

/** POST /api/admin/users */
export const createUser = async (body: NewUserBody, fetchFn: Fetch = fetch) =>
  (await sendJson<UserBody>(fetchFn, 'POST', '/api/admin/users', body)) as UserBody;

/** PATCH /api/admin/users/:id: role, name, disabled. */
export const updateUser = async (id: string, body: UserPatchBody, fetchFn: Fetch = fetch) =>
  (await sendJson<UserBody>(
    fetchFn,
    'PATCH',
    `/api/admin/users/${encodeURIComponent(id)}`,
    body,
  )) as UserBody;

/** POST /api/admin/users/:id/password: a temporary password, changed at the next sign-in. */
export const setTemporaryPassword = async (id: string, password: string, fetchFn: Fetch = fetch) =>
  (await sendJson<UserBody>(
    fetchFn,
    'POST',
    `/api/admin/users/${encodeURIComponent(id)}/password`,
    { password },
  )) as UserBody;

/** The audit trail's filters as the API takes them (limit is the API's default when absent). */
export type AuditFilter = Partial<Pick<AuditQuery, 'action' | 'actor' | 'from' | 'to' | 'before'>>;

/** GET /api/admin/audit: one page, newest first. */
export const getAudit = async (filter: AuditFilter, fetchFn: Fetch = fetch) =>
  (await sendJson<AuditListBody>(fetchFn, 'GET', `/api/admin/audit${query(filter)}`)) as AuditListBody;

/** What each audit action means, in words (a Record, so a new action must be worded here). */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'auth.login': 'Signed in',
  'auth.login_failed': 'Sign-in failed',
  'auth.logout': 'Signed out',
  'user.create': 'Account created',
  'user.role_change': 'Role changed',
  'user.rename': 'Account renamed',
  'user.disable': 'Account disabled',
  'user.enable': 'Account enabled',
  'user.password_reset': 'Temporary password set',
  'user.password_change': 'Password changed',
  'import.authority': 'Authority loaded',
  'import.boundaries': 'Boundaries uploaded',
  'import.indicators': 'Indicators uploaded',
  'workshop.create': 'Workshop created',
  'workshop.update': 'Workshop changed',
  'pin.moderate': 'Pin moderated',
  'pin.respond': 'Pin answered',
  'pin.remove': 'Pin removed',
  'inspection_standard.create': 'Inspection standard created',
  'block.create': 'Block added',
  'inspector.invite': 'Inspector invited',
  'inspector.invite.revoke': 'Inspector invite link stopped',
};
