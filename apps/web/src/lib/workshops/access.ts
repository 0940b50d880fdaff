// Who may use the officers' workshop pages: officers and admins. Anyone else gets a friendly
// page (routes/workshops/+error.svelte) saying why and how to sign in, never a bare 404.
import { error } from '@sveltejs/kit';
import { ApiError } from '#lib/api.ts';
import type { SignedInUser } from '#lib/auth.ts';

/** Roles that run workshops. */
export const WORKSHOP_ROLES: readonly SignedInUser['role'][] = ['officer', 'admin'];

/** Throws 401 (not signed in) or 403 (a role that does not run workshops). */
export function requireOfficer(user: SignedInUser | null): SignedInUser {
  if (!user) error(401, 'Sign in as a council officer to run workshops.');
  if (!WORKSHOP_ROLES.includes(user.role))
    error(403, 'Workshops are run by council officers. Your account cannot open this page.');
  return user;
}

/** An API failure as the page's error: the API's own words and status. */
export function failWith(problem: unknown): never {
  if (problem instanceof ApiError) error(problem.status, problem.message);
  error(503, 'The server could not be reached. Try again in a moment.');
}
