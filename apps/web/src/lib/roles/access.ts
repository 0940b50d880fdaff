// Who may open the admin and data pages. Anyone else gets a friendly page (AccessError.svelte,
// from each section's +error.svelte) saying why and how to go on, never a bare 404.
import { error } from '@sveltejs/kit';
import type { SignedInUser } from '#lib/auth.ts';

type Role = SignedInUser['role'];

/** Roles that manage accounts and read the audit trail. */
export const ADMIN_ROLES: readonly Role[] = ['admin'];
/** Roles that load data (the API's OFFICER audience). */
export const DATA_ROLES: readonly Role[] = ['officer', 'admin'];

/** Throws 401 (not signed in) or 403 (a role not in `roles`), in words about `what`. */
export function requireRole(user: SignedInUser | null, roles: readonly Role[], what: string): SignedInUser {
  if (!user) error(401, `Sign in to ${what}.`);
  if (!roles.includes(user.role))
    error(403, `Your account (${user.role}) cannot ${what}; it needs ${roles.join(' or ')}. Ask your Thrive administrator if you should.`);
  return user;
}
