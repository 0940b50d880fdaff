// Wire types of residents' pins, "me too", moderation and "you said, we did" replies.
import {
  OFFICER_MODERATION_ACTIONS,
  PIN_KINDS,
  PIN_MODERATION_STATES,
  RESPONSE_STATUSES,
} from '@thrive/participation';
import { Type, type Static } from 'typebox';

/** The longest pin text, in characters, after trimming. */
export const MAX_PIN_TEXT = 500;
/** The longest reason or reply an officer writes. */
export const MAX_REASON = 500;
export const MAX_REPLY = 2000;

const Uuid = Type.String({ format: 'uuid' });
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const PinKind = Type.Enum(PIN_KINDS);
export const PinModeration = Type.Enum(PIN_MODERATION_STATES);
export const ResponseStatus = Type.Enum(RESPONSE_STATUSES);

export const NewPinBody = Type.Object(
  {
    id: Type.String({
      format: 'uuid',
      description: 'Made on the device: the same id is the same pin, however often it is sent',
    }),
    kind: PinKind,
    theme: Type.String({
      minLength: 1,
      maxLength: 120,
      description: "One of the workshop's themes (case, spaces and dashes forgiven)",
    }),
    // The limit is checked again after trimming (MAX_PIN_TEXT); this one only stops huge bodies.
    text: Type.String({ maxLength: MAX_PIN_TEXT + 100 }),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    placeId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type NewPinBody = Static<typeof NewPinBody>;

/** The latest "you said, we did" reply on a pin. */
export const PinResponseBody = Type.Object({
  status: ResponseStatus,
  reply: Type.String(),
  expectedBy: Type.Union([Type.String(), Type.Null()]),
  at: Type.String({ format: 'date-time' }),
});
export type PinResponseBody = Static<typeof PinResponseBody>;

/** A pin as its author (and the POST answer) sees it: masked text, its moderation state. */
export const PinBody = Type.Object({
  id: Type.String(),
  kind: PinKind,
  theme: Type.String(),
  text: Type.String({ description: 'The text others see (contact details and profanity masked)' }),
  masked: Type.Array(Type.String(), {
    description: 'What masking hid, e.g. ["phone"]; empty when nothing',
  }),
  lon: Type.Union([Type.Number(), Type.Null()]),
  lat: Type.Union([Type.Number(), Type.Null()]),
  placeId: Type.Union([Type.String(), Type.Null()]),
  placeName: Type.Union([Type.String(), Type.Null()]),
  moderation: PinModeration,
  support: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  response: Type.Union([PinResponseBody, Type.Null()]),
  hasPhoto: Type.Boolean(),
});
export type PinBody = Static<typeof PinBody>;

/** A pin as officers see it: also what the resident wrote, why it was hidden, where it fell. */
export const OfficerPinBody = Type.Object({
  ...PinBody.properties,
  originalText: Type.String(),
  moderationReason: Type.Union([Type.String(), Type.Null()]),
  wardCode: Type.Union([Type.String(), Type.Null()]),
  lsoaCode: Type.Union([Type.String(), Type.Null()]),
});
export type OfficerPinBody = Static<typeof OfficerPinBody>;

export const OfficerPinListBody = Type.Object({ pins: Type.Array(OfficerPinBody) });
export type OfficerPinListBody = Static<typeof OfficerPinListBody>;

const Point = Type.Object({
  type: Type.Literal('Point'),
  coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }),
});

/** A published pin for maps, lists, the wall and its live events. */
export const PinFeatureBody = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.String({ description: 'The pin UUID' }),
  geometry: Type.Union([Point, Type.Null()], {
    description: 'Null for "somewhere else on the estate"',
  }),
  properties: Type.Object({
    kind: PinKind,
    theme: Type.String(),
    text: Type.String({ description: 'Masked public text' }),
    support: Type.Integer(),
    placeName: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    response: Type.Union([PinResponseBody, Type.Null()]),
    hasPhoto: Type.Boolean(),
  }),
});
export type PinFeatureBody = Static<typeof PinFeatureBody>;

export const PinCollectionBody = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(PinFeatureBody),
});
export type PinCollectionBody = Static<typeof PinCollectionBody>;

export const SupportBody = Type.Object({ pinId: Type.String(), support: Type.Integer() });
export type SupportBody = Static<typeof SupportBody>;

export const ModerationBody = Type.Object(
  {
    moderation: Type.Enum(OFFICER_MODERATION_ACTIONS),
    reason: Type.String({ minLength: 1, maxLength: MAX_REASON }),
  },
  { additionalProperties: false },
);
export type ModerationBody = Static<typeof ModerationBody>;

export const RemovalBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: MAX_REASON }) },
  { additionalProperties: false },
);
export type RemovalBody = Static<typeof RemovalBody>;

export const NewResponseBody = Type.Object(
  {
    status: ResponseStatus,
    reply: Type.String({ minLength: 1, maxLength: MAX_REPLY }),
    expectedBy: Type.Optional(Type.Union([Day, Type.Null()])),
  },
  { additionalProperties: false },
);
export type NewResponseBody = Static<typeof NewResponseBody>;

export const ResponseEntryBody = Type.Object({
  id: Type.String(),
  pinId: Type.String(),
  status: ResponseStatus,
  reply: Type.String(),
  expectedBy: Type.Union([Type.String(), Type.Null()]),
  at: Type.String({ format: 'date-time' }),
});
export type ResponseEntryBody = Static<typeof ResponseEntryBody>;

export const ResponseHistoryBody = Type.Object({
  pinId: Type.String(),
  responses: Type.Array(ResponseEntryBody, { description: 'Oldest first' }),
});
export type ResponseHistoryBody = Static<typeof ResponseHistoryBody>;

export const PinParams = Type.Object({ id: Uuid });
export const WorkshopPinParams = Type.Object({
  ref: Type.String({ minLength: 1, maxLength: 64 }),
  id: Uuid,
});
