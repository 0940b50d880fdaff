import { getWorkshops } from '#lib/api.ts';
import { getKpiDrafts, getKpiTemplates, getSurveys } from '#lib/kpis/api.ts';
import { failWith } from '#lib/workshops/access.ts';
import type { PageLoad } from './$types';

/**
 * What a new KPI can start from: the templates, a workshop's drafts (?workshop=<id or code>),
 * and the surveys whose questions can measure it.
 */
export const load: PageLoad = async ({ fetch, parent, url }) => {
  await parent();
  const workshop = url.searchParams.get('workshop');
  try {
    const [templates, surveys, workshops, drafts] = await Promise.all([
      getKpiTemplates(fetch),
      getSurveys(undefined, fetch),
      getWorkshops(fetch),
      workshop ? getKpiDrafts(workshop, fetch) : Promise.resolve(null),
    ]);
    return {
      templates: templates.templates,
      surveys: surveys.surveys,
      workshops: workshops.workshops,
      drafts,
      area: url.searchParams.get('area') ?? drafts?.workshop.areaCode ?? '',
    };
  } catch (problem) {
    failWith(problem);
  }
};
