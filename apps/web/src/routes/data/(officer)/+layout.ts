import { DATA_ROLES, requireRole } from '#lib/roles/access.ts';
import type { LayoutLoad } from './$types';

/** Loading data: officers and admins (others get the friendly +error page). */
export const load: LayoutLoad = async ({ parent }) => {
  const { user } = await parent();
  return { officer: requireRole(user, DATA_ROLES, 'load data') };
};
