import { getAreas } from '#lib/api.ts';
import { failWith } from '#lib/workshops/access.ts';
import type { PageLoad } from './$types';

/** The authorities already loaded: to reload, and to hang uploaded boundaries under. */
export const load: PageLoad = async ({ fetch, parent }) => {
  await parent();
  try {
    const authorities = await getAreas({ level: 'lad', simplify: 0 }, fetch);
    return {
      authorities: authorities.features.map((f) => ({
        code: f.properties.code,
        name: f.properties.name,
      })),
    };
  } catch (problem) {
    failWith(problem);
  }
};
