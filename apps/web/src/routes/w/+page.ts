import { redirect } from '@sveltejs/kit';
import { normaliseJoinCode } from '@thrive/participation';
import type { PageLoad } from './$types';

/** /w?code=…: the code typed on the poster page (works without JavaScript too). */
export const load: PageLoad = ({ url }) => {
  const typed = url.searchParams.get('code');
  if (typed === null) return { typed: '', problem: null };
  const code = normaliseJoinCode(typed);
  if (code) redirect(303, `/w/${code}`);
  return { typed, problem: typed.trim() === '' ? ('empty' as const) : ('invalid' as const) };
};
