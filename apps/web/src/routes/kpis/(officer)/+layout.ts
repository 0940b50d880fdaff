import { requireKpiOfficer } from '#lib/kpis/access.ts';
import type { LayoutLoad } from './$types';

/** Officers' KPI and survey pages: signed-in officers and admins only. */
export const load: LayoutLoad = async ({ parent }) => {
  const { user } = await parent();
  return { officer: requireKpiOfficer(user) };
};
