// Wire types of joining a workshop and of a participant's own view.
import { AGE_BANDS, PREFER_NOT_TO_SAY, TENURES, YEARS_BANDS } from '@thrive/participation';
import { Type, type Static } from 'typebox';
import { PinBody } from '../pins/schemas.ts';
import { ResidentWorkshopBody } from '../workshops/schemas.ts';

const PreferNotToSay = Type.Literal(PREFER_NOT_TO_SAY);

export const JoinBody = Type.Object({
  participantId: Type.String({
    description: 'This participant (not a secret; the cookie holds the token)',
  }),
  workshop: ResidentWorkshopBody,
});
export type JoinBody = Static<typeof JoinBody>;

export const MeBody = Type.Object({
  participantId: Type.String(),
  /** True once any "about you" answer is stored; a resident who skips is remembered by the page. */
  aboutYouAsked: Type.Boolean(),
  /** The participant's own pins, newest first, in every moderation state. */
  pins: Type.Array(PinBody),
  /** Ids of the pins this participant said "me too" to. */
  supported: Type.Array(Type.String()),
});
export type MeBody = Static<typeof MeBody>;

export const AboutYouBody = Type.Object(
  {
    ageBand: Type.Optional(Type.Union([Type.Enum(AGE_BANDS), PreferNotToSay])),
    yearsBand: Type.Optional(Type.Union([Type.Enum(YEARS_BANDS), PreferNotToSay])),
    tenure: Type.Optional(Type.Union([Type.Enum(TENURES), PreferNotToSay])),
  },
  { additionalProperties: false },
);
export type AboutYouBody = Static<typeof AboutYouBody>;
