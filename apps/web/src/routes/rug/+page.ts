// A universal load, so the rug table is rendered on the server and is on screen before any
// script (or the map) arrives. Only the parameters that change the API's answer are read from
// the URL: SvelteKit reruns load when a read parameter changes, so sorting and filtering
// (?sort=, ?q=) re-order the rows already here without fetching the rug again.
import { error } from '@sveltejs/kit';
import { ApiError, getAreas, getRug } from '#lib/api.ts';
import { readRugChoice } from '#lib/rug/rug-params.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const choice = readRugChoice(url.searchParams);
  try {
    const [authorities, rug] = await Promise.all([
      getAreas({ level: 'lad', simplify: 0 }, fetch),
      choice ? getRug(choice, fetch) : null,
    ]);
    return {
      choice,
      rug,
      authorities: authorities.features.map((f) => ({
        code: f.properties.code,
        name: f.properties.name,
      })),
    };
  } catch (problem) {
    // The API's own words ("No area with code … Load its authority first …") are the message.
    if (problem instanceof ApiError) error(problem.status, problem.message);
    error(503, 'The server could not be reached. Try again in a moment.');
  }
};
