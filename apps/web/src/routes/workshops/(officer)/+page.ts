import { getWorkshops } from '#lib/api.ts';
import { failWith } from '#lib/workshops/access.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent }) => {
  await parent();
  try {
    return { workshops: (await getWorkshops(fetch)).workshops };
  } catch (problem) {
    failWith(problem);
  }
};
