import { requireOfficer } from '#lib/workshops/access.ts';
import type { LayoutLoad } from './$types';

/** Officers' programme pages: signed-in officers and admins only (the board report is public). */
export const load: LayoutLoad = async ({ parent }) => {
  const { user } = await parent();
  return { officer: requireOfficer(user) };
};
