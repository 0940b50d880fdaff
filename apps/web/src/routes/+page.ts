import { ApiError, getAreas, getHealth } from '#lib/api.ts';
import { getKpiAreas } from '#lib/kpis/api.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
  try {
    const [health, authorities, kpiAreas] = await Promise.all([
      getHealth(fetch),
      getAreas({ level: 'lad', simplify: 0 }, fetch),
      // Areas with measures residents chose: the list is a bonus, the page works without it.
      getKpiAreas(fetch).then((r) => r.areas, () => []),
    ]);
    return {
      health,
      kpiAreas,
      authorities: authorities.features.map((f) => ({
        code: f.properties.code,
        name: f.properties.name,
      })),
      problem: null,
    };
  } catch (error) {
    const problem = error instanceof ApiError ? error.message : 'The server could not be reached.';
    return { health: null, authorities: [], kpiAreas: [], problem };
  }
};
