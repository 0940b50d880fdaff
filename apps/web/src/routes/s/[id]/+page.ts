import { error } from '@sveltejs/kit';
import { ApiError } from '#lib/api.ts';
import { getSurvey } from '#lib/kpis/api.ts';
import { messages as m } from '#lib/messages/index.ts';
import type { PageLoad } from './$types';

/** The survey as residents see it: public data only (questions and the open wave). */
export const load: PageLoad = async ({ params, fetch }) => {
  try {
    return { survey: await getSurvey(params.id.toLowerCase(), fetch) };
  } catch (problem) {
    if (problem instanceof ApiError && (problem.status === 404 || problem.status === 400))
      error(404, m.survey.notFound);
    error(503, m.survey.offlineLoad);
  }
};
