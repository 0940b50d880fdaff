import { getKpi } from '#lib/kpis/api.ts';
import { failWith } from '#lib/workshops/access.ts';
import type { PageLoad } from './$types';

/** A KPI with its versions and periods (officers see drafts too). */
export const load: PageLoad = async ({ fetch, params, parent }) => {
  await parent();
  try {
    return { kpi: await getKpi(params.id, fetch) };
  } catch (problem) {
    failWith(problem);
  }
};
