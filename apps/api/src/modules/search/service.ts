// Finding a ward, an LSOA or a district by name, for the search box on the home page and the rug.
import type { Database } from '@thrive/db';
import type { Kysely } from 'kysely';
import { searchAreas } from './repository.ts';
import { SEARCH_LEVELS, type SearchBody, type SearchQuery } from './schemas.ts';

/** Areas matching the words, best first (names starting with them, then containing them). */
export async function search(db: Kysely<Database>, query: SearchQuery): Promise<SearchBody> {
  // Spaces people type around or between words do not change what they mean.
  const text = query.q.trim().replace(/\s+/g, ' ');
  if (text.length < 2) return { results: [] };
  const rows = await searchAreas(db, text, { levels: query.level ? [query.level] : SEARCH_LEVELS, parent: query.parent, limit: query.limit });
  return {
    results: rows.map((r) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      authority: r.level !== 'lad' && r.authority_code && r.authority_name ? { code: r.authority_code, name: r.authority_name } : null,
    })),
  };
}
