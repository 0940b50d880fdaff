import { failWith } from '#lib/workshops/access.ts';
import { getEngagementRug, getProgramme } from '#lib/programmes/api.ts';
import type { PageLoad } from './$types';

/** A programme and its engagement rug. */
export const load: PageLoad = async ({ fetch, params, parent }) => {
  await parent();
  try {
    const [programme, rug] = await Promise.all([
      getProgramme(params.id, fetch),
      getEngagementRug(params.id, null, fetch),
    ]);
    return { programme, rug };
  } catch (problem) {
    failWith(problem);
  }
};
