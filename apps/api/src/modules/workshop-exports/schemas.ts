// Wire types of a workshop's pins exported for officers: GeoJSON and CSV carry the same fields.
import { PIN_KINDS, PIN_MODERATION_STATES, RESPONSE_STATUSES } from '@thrive/participation';
import { Type, type Static } from 'typebox';

export const ExportParams = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 64 }) });
export type ExportParams = Static<typeof ExportParams>;

export const ExportQuery = Type.Object(
  {
    hidden: Type.Optional(
      Type.Enum(['0', '1'] as const, {
        description:
          '1 to include pins waiting for a moderator and hidden ones (default: published only)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ExportQuery = Static<typeof ExportQuery>;

const Text = Type.Union([Type.String(), Type.Null()]);

/** One pin's exported fields: never a participant's token or id. */
export const ExportPinProperties = Type.Object({
  kind: Type.Enum(PIN_KINDS),
  theme: Type.String(),
  text: Type.String({ description: 'As published: contact details and profanity masked' }),
  place: Text,
  status: Type.Enum(PIN_MODERATION_STATES, {
    description: 'Moderation: published, pending or hidden',
  }),
  responseStatus: Type.Union([Type.Enum(RESPONSE_STATUSES), Type.Null()]),
  reply: Text,
  expectedBy: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  support: Type.Integer({ description: '"Me too" count' }),
  hasPhoto: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  wardCode: Text,
  wardName: Text,
  lsoaCode: Text,
  lsoaName: Text,
});
export type ExportPinProperties = Static<typeof ExportPinProperties>;

const Point = Type.Object({
  type: Type.Literal('Point'),
  coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }),
});

export const ExportFeature = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.String({ description: 'The pin UUID' }),
  geometry: Type.Union([Point, Type.Null()], {
    description: 'Null for "somewhere else on the estate"',
  }),
  properties: ExportPinProperties,
});
export type ExportFeature = Static<typeof ExportFeature>;

/** The GeoJSON export: a FeatureCollection with the workshop and attribution as foreign members. */
export const ExportCollectionBody = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    workshop: Type.Object({
      code: Type.String(),
      title: Type.String(),
      areaCode: Type.String(),
      areaName: Type.String(),
    }),
    exportedAt: Type.String({ format: 'date-time' }),
    includes: Type.Array(Type.Enum(PIN_MODERATION_STATES), {
      description: 'The moderation states exported',
    }),
    attribution: Type.String(),
    features: Type.Array(ExportFeature),
  },
  { $id: 'WorkshopExportCollection' },
);
export type ExportCollectionBody = Static<typeof ExportCollectionBody>;
