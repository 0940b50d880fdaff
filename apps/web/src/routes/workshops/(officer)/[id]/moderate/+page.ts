import { getAllPins } from '#lib/api.ts';
import { failWith } from '#lib/workshops/access.ts';
import type { PageLoad } from './$types';

/** Every pin of the workshop, hidden and waiting ones included, with what residents wrote. */
export const load: PageLoad = async ({ fetch, params, parent }) => {
  await parent();
  try {
    return { pins: (await getAllPins(params.id, fetch)).pins };
  } catch (problem) {
    failWith(problem);
  }
};
