import { ADMIN_ROLES, requireRole } from '#lib/roles/access.ts';
import type { LayoutLoad } from './$types';

/** Accounts and the audit trail: admins only (others get the friendly +error page). */
export const load: LayoutLoad = async ({ parent }) => {
  const { user } = await parent();
  return { admin: requireRole(user, ADMIN_ROLES, 'manage accounts and read the audit trail') };
};
