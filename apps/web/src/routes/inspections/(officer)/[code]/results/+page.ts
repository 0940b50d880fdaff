import { getResults } from '#lib/inspections/api.ts';
import { failWith } from '#lib/workshops/access.ts';
import type { PageLoad } from './$types';

/** A month of results as officers see them (counts under 5 included). */
export const load: PageLoad = async ({ params, url, fetch }) => {
  try {
    const period = url.searchParams.get('period') || undefined;
    return { code: params.code, results: await getResults(params.code, { period }, fetch) };
  } catch (problem) {
    failWith(problem);
  }
};
