import { error } from '@sveltejs/kit';
import { ApiError } from '#lib/api.ts';
import { getResults } from '#lib/inspections/api.ts';
import type { PageLoad } from './$types';

/** An estate's block inspection results for one month, public: counts under 5 withheld, no inspector named. */
export const load: PageLoad = async ({ params, url, fetch }) => {
  const block = url.searchParams.get('block') || undefined;
  const period = url.searchParams.get('period') || undefined;
  try {
    return { results: await getResults(params.code, { block, period }, fetch), block: block ?? '' };
  } catch (problem) {
    if (problem instanceof ApiError && (problem.status === 404 || problem.status === 400))
      error(404, 'We could not find that estate, block or month. Check the link.');
    error(503, 'The server could not be reached. Try again in a moment.');
  }
};
