import { ApiError, getHealth } from '#lib/api.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
  try {
    return { health: await getHealth(fetch), problem: null };
  } catch (error) {
    const problem = error instanceof ApiError ? error.message : 'The server could not be reached.';
    return { health: null, problem };
  }
};
