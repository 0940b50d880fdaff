import { error } from '@sveltejs/kit';
import { ApiError } from '#lib/api.ts';
import { getKpiAreaPage } from '#lib/kpis/api.ts';
import type { PageLoad } from './$types';

/** An area's adopted KPIs and "you said, we did": public, no sign-in. */
export const load: PageLoad = async ({ params, fetch }) => {
  try {
    return { page: await getKpiAreaPage(params.code, fetch) };
  } catch (problem) {
    if (problem instanceof ApiError && (problem.status === 404 || problem.status === 400))
      error(
        404,
        'We could not find that estate or ward. Check the link, or pick one from the home page.',
      );
    error(503, 'The server could not be reached. Try again in a moment.');
  }
};
