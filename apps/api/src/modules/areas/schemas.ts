import { AREA_LEVELS } from '@thrive/db';
import { Type, type Static } from 'typebox';

/** An area code: ONS GSS codes (E05004691), or codes given to estates and custom areas. */
export const AreaCode = Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$', description: 'Area code, e.g. E05004691' });

export const AreaLevel = Type.Enum(AREA_LEVELS);

export const AreaListQuery = Type.Object(
  {
    level: AreaLevel,
    parent: Type.Optional(AreaCode),
    simplify: Type.Number({
      minimum: 0,
      maximum: 5000,
      default: 15,
      description: 'Douglas–Peucker tolerance in metres for the wire (0 = full detail).',
    }),
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
