import { requireOfficer } from '#lib/workshops/access.ts';
import type { LayoutLoad } from './$types';

/** Officers' workshop pages: signed-in officers and admins only. */
export const load: LayoutLoad = async ({ parent }) => {
  const { user } = await parent();
  return { officer: requireOfficer(user) };
};
