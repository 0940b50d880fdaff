// Wire types of residents' block inspections (issue 14). Shares and targets are fractions 0–1.
import {
  INSPECTION_SCALES,
  INSPECTION_STATUSES,
  RESPONSE_STATUSES,
} from '@thrive/participation';
import { judgements } from '@thrive/indicators';
import { Type, type Static } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);
const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
const Lon = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });

export const EstateParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) });
export const IdParams = Type.Object({ id: Uuid });
export const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 80 }) });

export const NewStandardItem = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 120 }),
    description: Type.String({ maxLength: 1000, description: 'In plain language' }),
    scale: Type.Enum(INSPECTION_SCALES),
    threshold: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 5, description: 'The lowest 1–5 score that meets it' }),
    ),
    target: Type.Number({
      exclusiveMinimum: 0,
      maximum: 1,
      description: 'Share of inspections that should meet it, 0–1 (0.95 = 95%)',
    }),
  },
  { additionalProperties: false },
);
export const NewStandardBody = Type.Object(
  { items: Type.Array(NewStandardItem, { minItems: 1, maxItems: 40 }) },
  { additionalProperties: false },
);
export type NewStandardBody = Static<typeof NewStandardBody>;

export const StandardItemBody = Type.Object({
  id: Uuid,
  position: Type.Integer(),
  title: Type.String(),
  description: Type.String(),
  scale: Type.Enum(INSPECTION_SCALES),
  threshold: Nullable(Type.Integer()),
  target: Type.Number(),
  hasExamplePhoto: Type.Boolean({ description: 'GET /api/inspection-items/:id/example-photo has a picture of the standard met' }),
});
export type StandardItemBody = Static<typeof StandardItemBody>;

export const StandardBody = Type.Object({
  id: Uuid,
  areaCode: Type.String(),
  version: Type.Integer({ description: 'A change makes a new version; old ones stay as they were' }),
  createdAt: Type.String(),
  items: Type.Array(StandardItemBody),
});
export type StandardBody = Static<typeof StandardBody>;

export const StandardsBody = Type.Object({
  current: Nullable(StandardBody),
  versions: Type.Array(Type.Object({ id: Uuid, version: Type.Integer(), createdAt: Type.String() })),
});
export type StandardsBody = Static<typeof StandardsBody>;

/** A GeoJSON Polygon or MultiPolygon (WGS84); checked further in the service. */
export const Outline = Type.Object(
  {
    type: Type.Union([Type.Literal('Polygon'), Type.Literal('MultiPolygon')]),
    coordinates: Type.Array(Type.Unknown()),
  },
  { additionalProperties: false },
);

export const NewBlockBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    lon: Lon,
    lat: Lat,
    outline: Type.Optional(Outline),
  },
  { additionalProperties: false },
);
export type NewBlockBody = Static<typeof NewBlockBody>;

export const BlockImportBody = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(
      Type.Object({
        type: Type.Literal('Feature'),
        properties: Type.Object({ name: Type.String({ minLength: 1, maxLength: 120 }) }),
        geometry: Outline,
      }),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { description: 'Block outlines as GeoJSON, each with properties.name' },
);
export type BlockImportBody = Static<typeof BlockImportBody>;

export const BlockBody = Type.Object({
  id: Uuid,
  name: Type.String(),
  lon: Type.Number(),
  lat: Type.Number(),
  outline: Nullable(Type.Unknown()),
});
export type BlockBody = Static<typeof BlockBody>;
export const BlocksBody = Type.Object({ blocks: Type.Array(BlockBody) });
export const CreatedBody = Type.Object({ id: Uuid });
export const CreatedManyBody = Type.Object({ ids: Type.Array(Uuid) });

export const InviteBody = Type.Object({
  inviteUrl: Type.String({ description: 'Opening it gives the inspector cookie' }),
});

export const InviteParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }), id: Uuid });

/** An invite link an officer made (never the link itself: only its hash is kept). */
export const InviteEntryBody = Type.Object({
  id: Uuid,
  createdAt: Type.String({ format: 'date-time' }),
  revokedAt: Nullable(Type.String({ format: 'date-time', description: 'When it was stopped: it opens nothing since, and its inspectors can no longer inspect' })),
  inspectors: Type.Integer({ minimum: 0, description: 'Phones that opened it' }),
});
export type InviteEntryBody = Static<typeof InviteEntryBody>;
export const InviteListBody = Type.Object({ invites: Type.Array(InviteEntryBody, { description: 'Newest first' }) });
export type InviteListBody = Static<typeof InviteListBody>;

export const EstateRef = Type.Object({ code: Type.String(), name: Type.String() });

export const InspectorMeBody = Type.Object({
  estate: EstateRef,
  displayName: Nullable(Type.String()),
  standard: Nullable(StandardBody),
  blocks: Type.Array(BlockBody),
});
export type InspectorMeBody = Static<typeof InspectorMeBody>;

export const DisplayNameBody = Type.Object(
  { displayName: Type.String({ minLength: 1, maxLength: 60 }) },
  { additionalProperties: false },
);

export const NewInspectionBody = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'Made on the device: a re-sent copy counts once' }),
    blockId: Uuid,
    inspectedOn: Type.String({ format: 'date' }),
    scores: Type.Array(
      Type.Object(
        {
          itemId: Uuid,
          value: Type.Integer({ minimum: 0, maximum: 5 }),
          note: Type.Optional(Type.String({ maxLength: 1000 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 40 },
    ),
    defect: Type.Optional(
      Type.Object({ lon: Lon, lat: Lat }, { additionalProperties: false, description: 'A defect marked on the map' }),
    ),
  },
  { additionalProperties: false },
);
export type NewInspectionBody = Static<typeof NewInspectionBody>;

export const InspectionBody = Type.Object({
  id: Uuid,
  blockId: Uuid,
  inspectedOn: Type.String(),
  standardVersion: Type.Integer(),
  scores: Type.Array(
    Type.Object({ itemId: Uuid, value: Type.Integer(), meets: Type.Boolean(), note: Nullable(Type.String()) }),
  ),
  defect: Nullable(Type.Object({ lon: Type.Number(), lat: Type.Number() })),
  hasPhoto: Type.Boolean(),
});
export type InspectionBody = Static<typeof InspectionBody>;

export const Share = Type.Object({
  value: Nullable(Type.Number()),
  lower: Nullable(Type.Number()),
  upper: Nullable(Type.Number()),
});

export const SummaryQuery = Type.Object(
  { estate: Type.String({ minLength: 1, maxLength: 40 }), period: Type.Optional(Month) },
  { additionalProperties: false },
);
export type SummaryQuery = Static<typeof SummaryQuery>;

export const SummaryRow = Type.Object({
  blockId: Uuid,
  itemId: Uuid,
  period: Type.String(),
  meets: Nullable(Type.Integer()),
  n: Nullable(Type.Integer()),
  share: Share,
  status: Type.Enum(INSPECTION_STATUSES),
  suppressed: Type.Boolean(),
});
export type SummaryRow = Static<typeof SummaryRow>;
export const SummaryBody = Type.Array(SummaryRow);

export const ResultsQuery = Type.Object(
  { period: Type.Optional(Month), block: Type.Optional(Uuid) },
  { additionalProperties: false },
);

const ResultCell = Type.Object({
  meets: Nullable(Type.Integer()),
  n: Nullable(Type.Integer()),
  share: Share,
  status: Type.Enum(INSPECTION_STATUSES),
  suppressed: Type.Boolean(),
});

export const ActionBody = Type.Object({
  id: Uuid,
  blockId: Uuid,
  itemId: Uuid,
  period: Type.String(),
  status: Type.Enum(RESPONSE_STATUSES),
  reply: Nullable(Type.String()),
  closed: Type.Boolean(),
  updatedAt: Type.String(),
});
export type ActionBody = Static<typeof ActionBody>;

export const ResultsBody = Type.Object({
  estate: EstateRef,
  period: Nullable(Type.String()),
  periods: Type.Array(Type.String(), { description: 'Months with inspections, newest first' }),
  standard: Nullable(StandardBody),
  blocks: Type.Array(BlockBody),
  estateRows: Type.Array(Type.Object({ itemId: Uuid, ...ResultCell.properties })),
  rows: Type.Array(
    Type.Object({
      blockId: Uuid,
      itemId: Uuid,
      ...ResultCell.properties,
      comparison: Type.Enum(judgements),
      trend: Type.Union([
        Type.Literal('up'),
        Type.Literal('down'),
        Type.Literal('no_clear_change'),
        Type.Literal('not_enough'),
      ]),
      previous: Nullable(Share),
    }),
  ),
  actions: Type.Array(ActionBody),
  defects: Type.Array(Type.Object({ blockId: Uuid, lon: Type.Number(), lat: Type.Number(), inspectedOn: Type.String() })),
  suppressionNote: Type.String(),
});
export type ResultsBody = Static<typeof ResultsBody>;

export const NewActionBody = Type.Object(
  { blockId: Uuid, itemId: Uuid, period: Month },
  { additionalProperties: false },
);
export const ActionPatchBody = Type.Object(
  {
    status: Type.Optional(Type.Enum(RESPONSE_STATUSES)),
    reply: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    closed: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ActionPatchBody = Static<typeof ActionPatchBody>;
