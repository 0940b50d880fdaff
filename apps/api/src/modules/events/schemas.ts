// Wire types of the live wall: the snapshot for its first paint and the events' data.
import { PIN_KINDS, RESPONSE_STATUSES } from '@thrive/participation';
import { Type, type Static } from 'typebox';

/** `:ref`: a workshop's UUID or its join code. */
export const WorkshopRefParams = Type.Object({
  ref: Type.String({ minLength: 1, maxLength: 64, description: 'Workshop UUID or join code' }),
});
export type WorkshopRefParams = Static<typeof WorkshopRefParams>;

/** An event id: the workshop_event identity, as decimal text. */
export const EventId = Type.String({
  pattern: '^[0-9]{1,18}$',
  description: 'A workshop_event id',
});

export const EventsQuery = Type.Object(
  { lastEventId: Type.Optional(EventId) },
  {
    additionalProperties: false,
    description: 'Resume after this event (the Last-Event-ID header wins)',
  },
);
export type EventsQuery = Static<typeof EventsQuery>;

/** "You said, we did" as residents see it on a pin. */
export const LivePinResponse = Type.Object({
  status: Type.Enum(RESPONSE_STATUSES),
  reply: Type.String(),
  expectedBy: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type LivePinResponse = Static<typeof LivePinResponse>;

/** A published pin as the wall shows it: masked text only, no participant. */
export const LivePinFeature = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.String({ format: 'uuid' }),
  geometry: Type.Union([
    Type.Object({
      type: Type.Literal('Point'),
      coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }),
    }),
    Type.Null(),
  ]),
  properties: Type.Object({
    kind: Type.Enum(PIN_KINDS),
    theme: Type.String(),
    text: Type.String({ description: 'Masked public text' }),
    support: Type.Integer({ minimum: 0 }),
    placeName: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    response: Type.Union([LivePinResponse, Type.Null()]),
    hasPhoto: Type.Boolean(),
  }),
});
export type LivePinFeature = Static<typeof LivePinFeature>;

const Count = Type.Integer({ minimum: 0 });

export const WallBody = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  code: Type.String(),
  area: Type.Object({
    code: Type.String(),
    name: Type.String(),
    geometry: Type.Unknown({ description: 'GeoJSON Polygon or MultiPolygon' }),
  }),
  counts: Type.Object({
    total: Count,
    byKind: Type.Record(Type.Enum(PIN_KINDS), Count),
    byTheme: Type.Record(Type.String(), Count),
    participants: Type.Union([Count, Type.Null()], {
      description: 'Null when under 5 (small counts are suppressed)',
    }),
  }),
  latest: Type.Array(LivePinFeature, { description: 'Published pins, newest first' }),
  lastEventId: Type.String({
    description: "Connect the event stream with ?lastEventId= this; '0' when none",
  }),
});
export type WallBody = Static<typeof WallBody>;

/** The data of each event on the stream (`event:` names the kind). */
export const LiveEventData = {
  pin: LivePinFeature,
  hidden: Type.Object({ id: Type.String({ format: 'uuid' }) }),
  support: Type.Object({ id: Type.String({ format: 'uuid' }), support: Count }),
  response: Type.Object({
    id: Type.String({ format: 'uuid' }),
    response: Type.Union([LivePinResponse, Type.Null()]),
  }),
};
