import { Type, type Static } from 'typebox';

/** The levels people look up by name: wards, LSOAs, and districts to open a rug. */
export const SEARCH_LEVELS = ['lad', 'ward', 'lsoa'] as const;
export type SearchLevel = (typeof SEARCH_LEVELS)[number];

/** The most results one search answers. */
export const MAX_SEARCH_RESULTS = 20;

export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 2, maxLength: 100, description: 'Part of a name (any case), or a whole code' }),
    level: Type.Optional(Type.Enum(SEARCH_LEVELS, { description: 'Only areas of this level' })),
    parent: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$', description: 'Only areas in this local authority' })),
    limit: Type.Integer({ minimum: 1, maximum: MAX_SEARCH_RESULTS, default: 10 }),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

export const SearchResultBody = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.Enum(SEARCH_LEVELS),
  /** The local authority it is in (null for an authority). */
  authority: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
});
export type SearchResultBody = Static<typeof SearchResultBody>;

export const SearchBody = Type.Object({
  results: Type.Array(SearchResultBody, { description: 'Names starting with the words first, then other matches, by name' }),
});
export type SearchBody = Static<typeof SearchBody>;
