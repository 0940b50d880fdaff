import { getWall, getWorkshopPins } from '#lib/api.ts';
import { failWith } from '#lib/workshops/access.ts';
import type { PageLoad } from './$types';

/** The wall's first paint (public): the snapshot, then every published pin for the map. */
export const load: PageLoad = async ({ fetch, params, url }) => {
  try {
    const wall = await getWall(params.id, fetch);
    const pins = await getWorkshopPins(params.id, fetch);
    return { wall, pins: pins.features, origin: url.origin };
  } catch (problem) {
    failWith(problem);
  }
};
