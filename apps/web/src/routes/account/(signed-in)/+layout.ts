import { requireRole } from '#lib/roles/access.ts';
import type { LayoutLoad } from './$types';

/** Your own account: anyone signed in. */
export const load: LayoutLoad = async ({ parent }) => {
  const { user } = await parent();
  return { account: requireRole(user, ['admin', 'officer', 'partner'], 'change your password') };
};
