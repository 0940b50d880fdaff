import { getAllPins, getAnalysis, getResidentWorkshop } from '#lib/api.ts';
import { failWith } from '#lib/workshops/access.ts';
import type { PageLoad } from './$types';

/** The suppressed counts, every pin (for the map; hidden ones on request) and the boundary. */
export const load: PageLoad = async ({ fetch, params, parent }) => {
  const { workshop } = await parent();
  try {
    const [analysis, pins, view] = await Promise.all([
      getAnalysis(params.id, fetch),
      getAllPins(params.id, fetch),
      getResidentWorkshop(workshop.code, fetch),
    ]);
    return { analysis, pins: pins.pins, area: view.area };
  } catch (problem) {
    failWith(problem);
  }
};
