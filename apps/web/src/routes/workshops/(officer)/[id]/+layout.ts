import { getWorkshop } from '#lib/api.ts';
import { failWith } from '#lib/workshops/access.ts';
import type { LayoutLoad } from './$types';

/** The workshop every page under /workshops/<id> is about. */
export const load: LayoutLoad = async ({ fetch, params, parent }) => {
  await parent();
  try {
    return { workshop: await getWorkshop(params.id, fetch) };
  } catch (problem) {
    failWith(problem);
  }
};
