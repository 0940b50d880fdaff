import { getSurveys } from '#lib/kpis/api.ts';
import { failWith } from '#lib/workshops/access.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent }) => {
  await parent();
  try {
    return { surveys: (await getSurveys(undefined, fetch)).surveys };
  } catch (problem) {
    failWith(problem);
  }
};
