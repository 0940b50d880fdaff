import { getAllKpis } from '#lib/kpis/api.ts';
import { failWith } from '#lib/workshops/access.ts';
import type { PageLoad } from './$types';

/** Every KPI (drafts, adopted, retired), of one area when ?area= names it. */
export const load: PageLoad = async ({ fetch, parent, url }) => {
  await parent();
  const area = url.searchParams.get('area') ?? undefined;
  try {
    return { area, kpis: (await getAllKpis(area, fetch)).kpis };
  } catch (problem) {
    failWith(problem);
  }
};
