// Finding wards, LSOAs and districts by name (GET /api/search; types from the API's schemas).
import type { SearchBody, SearchQuery, SearchResultBody } from '@thrive/api/schemas';
import { query, sendJson } from '#lib/api.ts';

export type { SearchResultBody };
export type SearchParams = Pick<SearchQuery, 'q'> & Partial<Pick<SearchQuery, 'level' | 'parent' | 'limit'>>;

/** The shortest text the API searches for. */
export const MIN_SEARCH_LENGTH = 2;

/** GET /api/search */
export const searchAreas = async (params: SearchParams, fetchFn: typeof fetch = fetch) =>
  ((await sendJson<SearchBody>(fetchFn, 'GET', `/api/search${query(params)}`)) as SearchBody)
    .results;

const LEVEL_WORDS: Record<SearchResultBody['level'], string> = {
  lad: 'Local authority',
  ward: 'Ward',
  lsoa: 'LSOA (small area)',
};

/** What a result is, in words: "Ward in Dacorum". */
export const describeResult = (r: SearchResultBody) =>
  r.authority ? `${LEVEL_WORDS[r.level]} in ${r.authority.name}` : LEVEL_WORDS[r.level];

/**
 * Where a result leads: an authority's ward rug, a ward's profile, or an LSOA's row in its
 * authority's LSOA rug (profiles are for wards).
 */
export function resultPath(r: SearchResultBody): string {
  const e = encodeURIComponent;
  if (r.level === 'lad') return `/rug?parent=${e(r.code)}&level=ward`;
  if (r.level === 'lsoa' && r.authority) return `/rug?parent=${e(r.authority.code)}&level=lsoa&q=${e(r.name)}`;
  return `/areas/${e(r.code)}`;
}
