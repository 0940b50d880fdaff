import { error } from '@sveltejs/kit';
import { ApiError, getArea, getAreas, getIndicators, getProfile, getRug } from '#lib/api.ts';
import { metaById, spreadsFrom } from './profile.ts';
import type { PageServerLoad } from './$types';

// The rug API takes at most 60 indicator ids a request.
const RUG_IDS_PER_REQUEST = 60;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// A server load: the authority's rug (hundreds of kB) is reduced to spreads here, and only
// the spreads reach the browser, not inlined copies of every API response.
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

  const parent = profile.parent;
  const ids = profile.indicators.map((i) => i.id);
  const [rugs, catalogue] = await Promise.all([
    Promise.all(
      chunks(ids, RUG_IDS_PER_REQUEST).map((part) =>
        getRug(
          { parent: parent.code, level: 'ward', indicators: part.join(','), confidence },
          fetch,
        ),
      ),
    ),
    getIndicators(fetch),
  ]);
  return {
    kind: 'ward' as const,
    profile,
    parent,
    confidence,
    // Only the spreads travel to the browser, not the authority's whole rug.
    spreads: Object.assign({}, ...rugs.map(spreadsFrom)) as ReturnType<typeof spreadsFrom>,
    meta: metaById(catalogue.indicators, ids),
  };
};
