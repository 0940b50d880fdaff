import { AREA_LEVELS } from '@thrive/db';
import { Type, type Static } from 'typebox';

/** An area code: ONS GSS codes (E05004691), or codes given to estates and custom areas. */
export const AreaCode = Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$', description: 'Area code, e.g. E05004691' });

export const AreaLevel = Type.Enum(AREA_LEVELS);

/** The most areas one answer of GET /api/areas holds: more must be asked for under a parent, or page by page. */
export const MAX_AREAS_PER_ANSWER = 1000;

/** The simplification tolerances (metres) the area list offers. */
export const SIMPLIFY_LEVELS = [0, 5, 15, 50, 150, 500, 1500, 5000] as const;

export const AreaListQuery = Type.Object(
  {
    level: AreaLevel,
    parent: Type.Optional(AreaCode),
    // A few fixed levels, so the response cache holds one entry per level, not one per number.
    simplify: Type.Union(
      SIMPLIFY_LEVELS.map((m) => Type.Literal(m)),
      { default: 15, description: `Douglas–Peucker tolerance in metres for the wire (0 = full detail): one of ${SIMPLIFY_LEVELS.join(', ')}.` },
    ),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_AREAS_PER_ANSWER,
        description: `At most this many areas, by name (page with offset). Without it, a list of more than ${MAX_AREAS_PER_ANSWER} areas is refused.`,
      }),
    ),
    offset: Type.Integer({ minimum: 0, default: 0, description: 'Skip this many areas (with limit).' }),
  },
  { additionalProperties: false },
);
export type AreaListQuery = Static<typeof AreaListQuery>;

const Geometry = Type.Object(
  { type: Type.Union([Type.Literal('Polygon'), Type.Literal('MultiPolygon')]), coordinates: Type.Array(Type.Unknown()) },
  { description: 'GeoJSON geometry, WGS84 lon/lat' },
);

export const AreaFeatureBody = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.String(),
  properties: Type.Object({ code: Type.String(), name: Type.String(), level: AreaLevel }),
  geometry: Type.Union([Geometry, Type.Null()]),
  bbox: Type.Optional(Type.Array(Type.Number(), { minItems: 4, maxItems: 4 })),
});

export const AreaCollectionBody = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(AreaFeatureBody),
  numberMatched: Type.Optional(Type.Integer({ minimum: 0, description: 'How many areas match, on every page (as OGC API – Features)' })),
  bbox: Type.Optional(Type.Array(Type.Number(), { minItems: 4, maxItems: 4 })),
});
export type AreaCollectionBody = Static<typeof AreaCollectionBody>;

export const AreaParams = Type.Object({ code: AreaCode });

const AreaRef = Type.Object({ code: Type.String(), name: Type.String(), level: AreaLevel });
export type AreaRef = Static<typeof AreaRef>;

export const AreaDetailBody = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: AreaLevel,
  source: Type.Union([Type.String(), Type.Null()]),
  bbox: Type.Union([Type.Array(Type.Number(), { minItems: 4, maxItems: 4 }), Type.Null()]),
  parents: Type.Array(AreaRef, { description: 'Nearest parent first' }),
  children: Type.Record(Type.String(), Type.Integer(), { description: 'Counts of child areas by level' }),
});
export type AreaDetailBody = Static<typeof AreaDetailBody>;
