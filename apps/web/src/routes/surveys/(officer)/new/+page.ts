import { getWorkshops } from '#lib/api.ts';
import { getSurveys } from '#lib/kpis/api.ts';
import { failWith } from '#lib/workshops/access.ts';
import type { PageLoad } from './$types';

/** The areas an officer works on (their workshops' and surveys'), to choose from. */
export const load: PageLoad = async ({ fetch, parent, url }) => {
  await parent();
  try {
    const [workshops, surveys] = await Promise.all([
      getWorkshops(fetch),
      getSurveys(undefined, fetch),
    ]);
    const areas = new Map<string, string>();
    for (const w of workshops.workshops) areas.set(w.areaCode, w.areaName);
    for (const s of surveys.surveys) areas.set(s.areaCode, s.areaName);
    return {
      areas: [...areas.entries()].sort((a, b) => a[1].localeCompare(b[1])),
      area: url.searchParams.get('area') ?? '',
    };
  } catch (problem) {
    failWith(problem);
  }
};
