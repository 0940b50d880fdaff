import { error } from '@sveltejs/kit';
import { WORKSHOP_ROLES } from '#lib/workshops/access.ts';
import type { LayoutLoad } from './$types';

/** Officers' block inspection pages: signed-in officers and admins only. */
export const load: LayoutLoad = async ({ parent }) => {
  const { user } = await parent();
  if (!user) error(401, 'Sign in as a council officer to set up block inspections.');
  if (!WORKSHOP_ROLES.includes(user.role))
    error(403, 'Block inspections are set up by council officers. Your account cannot open this page.');
  return { officer: user };
};
