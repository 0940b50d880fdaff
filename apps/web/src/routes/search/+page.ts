import { ApiError } from '#lib/api.ts';
import { MIN_SEARCH_LENGTH, searchAreas } from '#lib/search/search-api.ts';
import type { PageLoad } from './$types';

/** Results for ?q= (and ?parent=): the search box's answer without JavaScript, and a link to share. */
export const load: PageLoad = async ({ fetch, url }) => {
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const parent = url.searchParams.get('parent') ?? undefined;
  if (q.length < MIN_SEARCH_LENGTH) return { q, results: [], problem: null };
  try {
    return { q, results: await searchAreas({ q, parent, limit: 20 }, fetch), problem: null };
  } catch (problem) {
    return {
      q,
      results: [],
      problem:
        problem instanceof ApiError ? problem.message : 'The server could not be reached. Try again.',
    };
  }
};
