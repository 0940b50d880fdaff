// Wire types of surveys: officers build short plain-language surveys in waves; residents join and
// answer on the phone-first page (values as numbers: agree5 1–5, yesno 1/0, 0–10).
import { SURVEY_SCALES } from '@thrive/participation';
import { Type, type Static } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });

export const SurveyScaleSchema = Type.Enum(SURVEY_SCALES);

export const SurveyParams = Type.Object({ id: Uuid });

export const NewSurveyQuestion = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 300, description: 'In plain language' }),
    scale: SurveyScaleSchema,
  },
  { additionalProperties: false },
);

export const NewSurveyBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    areaCode: Type.String({ minLength: 1, maxLength: 32 }),
    questions: Type.Array(NewSurveyQuestion, { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type NewSurveyBody = Static<typeof NewSurveyBody>;

export const SurveyQuestionBody = Type.Object({
  id: Uuid,
  position: Type.Integer(),
  text: Type.String(),
  scale: SurveyScaleSchema,
});
export type SurveyQuestionBody = Static<typeof SurveyQuestionBody>;

export const SurveyWaveBody = Type.Object({
  id: Uuid,
  period: Type.String(),
  openedAt: Type.String({ format: 'date-time' }),
  closedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type SurveyWaveBody = Static<typeof SurveyWaveBody>;

export const SurveyBody = Type.Object({
  id: Uuid,
  title: Type.String(),
  areaCode: Type.String(),
  areaName: Type.String(),
  questions: Type.Array(SurveyQuestionBody),
  /** The wave taking answers now, if any. */
  openWave: Type.Union([SurveyWaveBody, Type.Null()]),
  waves: Type.Array(SurveyWaveBody, { description: 'Oldest first' }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type SurveyBody = Static<typeof SurveyBody>;

export const SurveyListQuery = Type.Object(
  { area: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })) },
  { additionalProperties: false },
);
export const SurveyListBody = Type.Object({ surveys: Type.Array(SurveyBody) });
export type SurveyListBody = Static<typeof SurveyListBody>;

export const NewWaveBody = Type.Object(
  {
    period: Type.String({
      minLength: 1,
      maxLength: 40,
      description: 'The period this wave measures, e.g. "2025" or "2025-Q3"',
    }),
  },
  { additionalProperties: false },
);
export type NewWaveBody = Static<typeof NewWaveBody>;

export const SurveyJoinBody = Type.Object({ participantId: Uuid, survey: SurveyBody });
export type SurveyJoinBody = Static<typeof SurveyJoinBody>;

export const SurveyAnswer = Type.Object(
  {
    questionId: Uuid,
    value: Type.Number({
      description: 'agree5 1–5 (5 = strongly agree), yesno 1/0, 0-10 whole numbers',
    }),
  },
  { additionalProperties: false },
);
export type SurveyAnswer = Static<typeof SurveyAnswer>;

export const NewSurveyResponseBody = Type.Object(
  {
    id: Type.String({
      format: 'uuid',
      description: 'Made on the device: the same id is the same response, however often it is sent',
    }),
    answers: Type.Array(SurveyAnswer, { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type NewSurveyResponseBody = Static<typeof NewSurveyResponseBody>;

export const SurveyResponseBody = Type.Object({
  id: Uuid,
  waveId: Uuid,
  period: Type.String(),
  answers: Type.Array(Type.Object({ questionId: Uuid, value: Type.Number() })),
  createdAt: Type.String({ format: 'date-time' }),
});
export type SurveyResponseBody = Static<typeof SurveyResponseBody>;

export const SurveyMeBody = Type.Object({
  participantId: Uuid,
  /** Whether this participant has answered the open wave. */
  answered: Type.Boolean(),
  openWave: Type.Union([SurveyWaveBody, Type.Null()]),
});
export type SurveyMeBody = Static<typeof SurveyMeBody>;
