import { error } from '@sveltejs/kit';
import { ApiError } from '#lib/api.ts';
import { getReport } from '#lib/programmes/api.ts';
import type { PageLoad } from './$types';

/** The board report of a programme, all time or for ?period= (a year, quarter or month). */
export const load: PageLoad = async ({ fetch, params, url }) => {
  const period = url.searchParams.get('period') || null;
  try {
    return { report: await getReport(params.id, period, fetch), period };
  } catch (problem) {
    if (problem instanceof ApiError) error(problem.status, problem.message);
    error(503, 'The server could not be reached. Try again in a moment.');
  }
};
