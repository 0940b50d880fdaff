// Wire types of engagement KPIs (issue 13). Shares are fractions 0–1; every count of people or
// pins from 1 to 4 is published as null (suppressed), and a share whose parts would give one
// away is held back whole.
import {
  ENGAGEMENT_PERIOD_PATTERN,
  POPULATION_AGE_GROUPS,
  SMALL_COUNT_THRESHOLD,
} from '@thrive/participation';
import { Type, type Static } from 'typebox';
import { AreaCode } from '../areas/schemas.ts';

const Num = Type.Union([Type.Number(), Type.Null()]);
const Count = Type.Union([Type.Integer(), Type.Null()], {
  description: `Null when 1–${SMALL_COUNT_THRESHOLD - 1} (suppressed)`,
});

export const EngagementPeriodParam = Type.String({
  pattern: ENGAGEMENT_PERIOD_PATTERN,
  description: 'A year (2026), a quarter (2026-Q3) or a month (2026-07); none = all time',
});

export const EngagementQuery = Type.Object(
  { area: AreaCode, period: Type.Optional(EngagementPeriodParam) },
  { additionalProperties: false },
);
export type EngagementQuery = Static<typeof EngagementQuery>;

export const ShareBody = Type.Object({
  value: Num,
  lower: Num,
  upper: Num,
  n: Count,
  suppressed: Type.Boolean(),
});

export const RepresentationBody = Type.Object({
  score: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
    description: 'Lowest age group participation rate ÷ highest (METHODS.md §7)',
  }),
  scoreNote: Type.String(),
  bands: Type.Array(
    Type.Object({
      band: Type.Enum(POPULATION_AGE_GROUPS, { description: 'An IoD2019 File 6 age group' }),
      participants: Count,
      suppressed: Type.Boolean(),
      ratePer1000: Num,
      participantShare: Num,
      populationShare: Num,
      population: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
  missing: Type.Array(Type.Enum(POPULATION_AGE_GROUPS), {
    description: 'Age groups living here with no participant at all',
  }),
});

export const EngagementBody = Type.Object({
  area: Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() }),
  period: Type.Union([
    Type.Object({ label: Type.String(), from: Type.String(), to: Type.String() }),
    Type.Null(),
  ]),
  workshops: Type.Integer({ description: 'Workshops on the area and the areas inside it' }),
  participants: Count,
  participantsPer1000: Type.Object({
    value: Num,
    lower: Num,
    upper: Num,
    method: Type.Union([Type.String(), Type.Null()]),
    suppressed: Type.Boolean(),
  }),
  returningParticipants: Count,
  pins: Count,
  support: Count,
  surveyResponses: Count,
  responseShare: ShareBody,
  medianDaysToReply: Num,
  plannedDoneOnTime: ShareBody,
  changesMade: Count,
  representation: RepresentationBody,
  population: Type.Union([
    Type.Object({
      total: Type.Integer(),
      lsoas: Type.Array(Type.String()),
      period: Type.Literal('mid-2015'),
      source: Type.String(),
    }),
    Type.Null(),
  ]),
  suppressed: Type.Array(Type.String(), { description: 'Figures held back as small counts' }),
  suppressedBelow: Type.Literal(SMALL_COUNT_THRESHOLD),
  methods: Type.Record(Type.String(), Type.String(), {
    description: 'How each figure is computed, by field name',
  }),
});
export type EngagementBody = Static<typeof EngagementBody>;

export const EngagementRugQuery = Type.Object(
  {
    programme: Type.String({ format: 'uuid' }),
    period: Type.Optional(EngagementPeriodParam),
    confidence: Type.Enum(['95', '99.8'] as const, { default: '95' }),
  },
  { additionalProperties: false },
);
export type EngagementRugQuery = Static<typeof EngagementRugQuery>;
