import { failWith } from '#lib/workshops/access.ts';
import { getProgrammes } from '#lib/programmes/api.ts';
import type { PageLoad } from './$types';

/** Every programme. */
export const load: PageLoad = async ({ fetch, parent }) => {
  await parent();
  try {
    return await getProgrammes(fetch);
  } catch (problem) {
    failWith(problem);
  }
};
