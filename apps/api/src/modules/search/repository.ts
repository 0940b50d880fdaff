// The only SQL of finding areas by name.
import type { Database } from '@thrive/db';
import { sql, type Kysely } from 'kysely';
import type { SearchLevel } from './schemas.ts';

export interface SearchRow {
  code: string;
  name: string;
  level: SearchLevel;
  authority_code: string | null;
  authority_name: string | null;
}

/** `text` for LIKE, its wildcards taken literally. */
export const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Areas whose name contains `text` (any case) or whose code is `text`: names that start with it
 * first, then by level (districts, wards, LSOAs) and name. Wards and LSOAs name their district.
 */
export function searchAreas(db: Kysely<Database>, text: string, options: { levels: readonly SearchLevel[]; parent?: string | undefined; limit: number }): Promise<SearchRow[]> {
  const contains = `%${likeLiteral(text.toLowerCase())}%`;
  const starts = `${likeLiteral(text.toLowerCase())}%`;
  let query = db
    .selectFrom('area')
    .leftJoin('area as authority', (join) => join.onRef('authority.code', '=', 'area.parent_code').on('authority.level', '=', 'lad'))
    .select([
      'area.code',
      'area.name',
      sql<SearchLevel>`area.level`.as('level'),
      'authority.code as authority_code',
      'authority.name as authority_name',
    ])
    .where('area.level', 'in', [...options.levels])
    .where((eb) => eb.or([eb(sql`lower(area.name)`, 'like', contains), eb(sql`upper(area.code)`, '=', text.toUpperCase())]));
  if (options.parent !== undefined) query = query.where((eb) => eb.or([eb('area.parent_code', '=', options.parent as string), eb('area.code', '=', options.parent as string)]));
  return query
    .orderBy(sql`case when lower(area.name) like ${starts} then 0 else 1 end`)
    .orderBy(sql`case area.level when 'lad' then 0 when 'ward' then 1 else 2 end`)
    .orderBy('area.name')
    .limit(options.limit)
    .execute();
}
