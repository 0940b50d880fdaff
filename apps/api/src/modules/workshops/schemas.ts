// Wire types of workshops: what officers send and see, and the resident view behind /w/<code>.
import { MODERATION_MODES, WORKSHOP_STATUSES } from '@thrive/participation';
import { Type, type Static } from 'typebox';
import { AreaCode } from '../areas/schemas.ts';

const Uuid = Type.String({ format: 'uuid' });
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Lon = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });

export const WorkshopStatus = Type.Enum(WORKSHOP_STATUSES);
export const ModerationMode = Type.Enum(MODERATION_MODES);

/** A workshop's own theme names (free text, forgiving matching when residents send one). */
export const Themes = Type.Array(Type.String({ minLength: 1, maxLength: 60 }), {
  minItems: 1,
  maxItems: 30,
});

/** A named place as an officer sends it; `id` keeps an existing place (and its pins' link) on edit. */
export const PlaceInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    name: Type.String({ minLength: 1, maxLength: 120 }),
    lon: Lon,
    lat: Lat,
  },
  { additionalProperties: false },
);
export type PlaceInput = Static<typeof PlaceInput>;
const PlacesInput = Type.Array(PlaceInput, { maxItems: 100 });

export const Place = Type.Object({
  id: Type.String(),
  name: Type.String(),
  lon: Type.Number(),
  lat: Type.Number(),
});
export type Place = Static<typeof Place>;

/** GeoJSON as uploaded: checked in full by @thrive/geo's validation, so only the outline here. */
export const BoundaryInput = Type.Object(
  {
    type: Type.Union([
      Type.Literal('Polygon'),
      Type.Literal('MultiPolygon'),
      Type.Literal('Feature'),
      Type.Literal('FeatureCollection'),
    ]),
  },
  {
    additionalProperties: true,
    description:
      'GeoJSON Polygon | MultiPolygon | Feature | FeatureCollection of one feature, WGS84 lon/lat',
  },
);
export type BoundaryInput = Static<typeof BoundaryInput>;

export const NewWorkshopBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    areaCode: Type.Optional(AreaCode),
    boundary: Type.Optional(BoundaryInput),
    estateName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    themes: Type.Optional(Themes),
    places: Type.Optional(PlacesInput),
    moderation: Type.Optional(ModerationMode),
    startsOn: Type.Optional(Type.Union([Day, Type.Null()])),
    endsOn: Type.Optional(Type.Union([Day, Type.Null()])),
  },
  { additionalProperties: false },
);
export type NewWorkshopBody = Static<typeof NewWorkshopBody>;

export const WorkshopPatchBody = Type.Object(
  {
    status: Type.Optional(WorkshopStatus),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    themes: Type.Optional(Themes),
    places: Type.Optional(PlacesInput),
    moderation: Type.Optional(ModerationMode),
    startsOn: Type.Optional(Type.Union([Day, Type.Null()])),
    endsOn: Type.Optional(Type.Union([Day, Type.Null()])),
  },
  { additionalProperties: false },
);
export type WorkshopPatchBody = Static<typeof WorkshopPatchBody>;

export const WorkshopCounts = Type.Object({ pins: Type.Integer(), participants: Type.Integer() });

export const WorkshopBody = Type.Object({
  id: Type.String(),
  code: Type.String(),
  title: Type.String(),
  status: WorkshopStatus,
  moderation: ModerationMode,
  themes: Type.Array(Type.String()),
  places: Type.Array(Place),
  areaCode: Type.String(),
  areaName: Type.String(),
  areaLevel: Type.String(),
  startsOn: Type.Union([Type.String(), Type.Null()]),
  endsOn: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  joinUrl: Type.String({ description: '/w/<code>' }),
  counts: Type.Optional(WorkshopCounts),
});
export type WorkshopBody = Static<typeof WorkshopBody>;

export const WorkshopListBody = Type.Object({ workshops: Type.Array(WorkshopBody) });
export type WorkshopListBody = Static<typeof WorkshopListBody>;

const Geometry = Type.Object(
  {
    type: Type.Union([Type.Literal('Polygon'), Type.Literal('MultiPolygon')]),
    coordinates: Type.Array(Type.Unknown()),
  },
  { description: 'GeoJSON geometry, WGS84 lon/lat' },
);

/** What a resident's page needs: no officer details, no counts. */
export const ResidentWorkshopBody = Type.Object({
  id: Type.String({ description: 'For the wall link; residents address the workshop by its code' }),
  code: Type.String(),
  title: Type.String(),
  status: WorkshopStatus,
  moderation: ModerationMode,
  themes: Type.Array(Type.String()),
  places: Type.Array(Place),
  area: Type.Object({
    code: Type.String(),
    name: Type.String(),
    geometry: Geometry,
    bbox: Type.Array(Type.Number(), { minItems: 4, maxItems: 4 }),
  }),
  startsOn: Type.Union([Type.String(), Type.Null()]),
  endsOn: Type.Union([Type.String(), Type.Null()]),
});
export type ResidentWorkshopBody = Static<typeof ResidentWorkshopBody>;

/** `:ref` is a workshop's UUID or its join code (any case, spaces and dashes allowed). */
export const WorkshopRefParams = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 64 }) });
export type WorkshopRefParams = Static<typeof WorkshopRefParams>;

export const JoinCodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });
