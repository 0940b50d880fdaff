// Who may use the officers' KPI and survey pages: the roles that run workshops. Anyone else
// gets a friendly page (routes/kpis/+error.svelte, routes/surveys/+error.svelte) saying why.
import { error } from '@sveltejs/kit';
import type { SignedInUser } from '#lib/auth.ts';
import { WORKSHOP_ROLES } from '#lib/workshops/access.ts';

/** Throws 401 (not signed in) or 403 (a role that does not write KPIs). */
export function requireKpiOfficer(user: SignedInUser | null): SignedInUser {
  if (!user) error(401, 'Sign in as a council officer to write KPIs and surveys with residents.');
  if (!WORKSHOP_ROLES.includes(user.role))
    error(
      403,
      'KPIs and surveys are written by council officers. Your account cannot open this page.',
    );
  return user;
}
