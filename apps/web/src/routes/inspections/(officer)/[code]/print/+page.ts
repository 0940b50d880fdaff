import { getResults } from '#lib/inspections/api.ts';
import { failWith } from '#lib/workshops/access.ts';
import type { PageLoad } from './$types';

/** The month to print for the residents' group meeting (as officers see it: counts under 5 included). */
export const load: PageLoad = async ({ params, url, fetch }) => {
  try {
    const period = url.searchParams.get('period') || undefined;
    return { code: params.code, results: await getResults(params.code, { period }, fetch) };
  } catch (problem) {
    failWith(problem);
  }
};
