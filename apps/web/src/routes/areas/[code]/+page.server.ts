import { error } from '@sveltejs/kit';
import { ApiError, getArea, getAreas, getProfile } from '#lib/api.ts';
import type { PageServerLoad } from './$types';

// A server load, so the profile is in the server-rendered HTML.
export const load: PageServerLoad = async ({ params, url, fetch }) => {
  const confidence = url.searchParams.get('confidence') === '99.8' ? '99.8' : '95';
  const profile = await getProfile(params.code, { confidence }, fetch).catch((problem: unknown) => {
    if (problem instanceof ApiError && problem.status === 404) error(404, problem.message);
    if (problem instanceof ApiError && problem.status === 400) {
      error(404, `“${params.code}” is not an area code. Codes look like E05004691.`);
    }
    throw problem;
  });

  // Not a ward: say what it is and offer the wards of its authority instead.
  if (profile.area.level !== 'ward' || !profile.parent) {
    const detail = await getArea(params.code, fetch);
    const authority =
      detail.level === 'lad' ? detail : detail.parents.find((p) => p.level === 'lad');
    const wards = authority
      ? (
          await getAreas({ level: 'ward', parent: authority.code, simplify: 5000 }, fetch)
        ).features.map((f) => f.properties)
      : [];
    return {
      kind: 'other' as const,
      area: profile.area,
      authority: authority ? { code: authority.code, name: authority.name } : null,
      wards,
    };
  }

  // One request: the profile carries each indicator's spread among the authority's wards and
  // its decimals, definition and source.
  return { kind: 'ward' as const, profile, parent: profile.parent, confidence };
};
