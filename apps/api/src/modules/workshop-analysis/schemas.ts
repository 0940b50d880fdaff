// Wire types of a workshop's analysis for officers. Every count of people or pins under
// SMALL_COUNT_THRESHOLD is published as null with `suppressed: true`.
import {
  AGE_BANDS,
  PIN_KINDS,
  POPULATION_AGE_GROUPS,
  SMALL_COUNT_THRESHOLD,
} from '@thrive/participation';
import { Type, type Static } from 'typebox';

export const AnalysisParams = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 64 }) });
export type AnalysisParams = Static<typeof AnalysisParams>;

const Count = {
  count: Type.Union([Type.Integer(), Type.Null()], {
    description: `Null when 1–${SMALL_COUNT_THRESHOLD - 1}, or when it would give such a count away`,
  }),
  suppressed: Type.Boolean(),
};
const Share = Type.Union([Type.Number(), Type.Null()]);

const AreaCount = Type.Object({ code: Type.String(), name: Type.String(), ...Count });

export const AnalysisBody = Type.Object(
  {
    workshop: Type.Object({
      code: Type.String(),
      title: Type.String(),
      areaCode: Type.String(),
      areaName: Type.String(),
    }),
    pins: Type.Object(Count, { description: 'Pins not hidden (pending ones count)' }),
    byKindTheme: Type.Array(
      Type.Object({ kind: Type.Enum(PIN_KINDS), theme: Type.String(), ...Count }),
      { description: "Every kind × every theme of the workshop's (and any theme on its pins)" },
    ),
    byWard: Type.Array(AreaCount),
    byLsoa: Type.Array(AreaCount),
    participants: Type.Object(Count, {
      description: 'People who took part: a pin, a "me too" or an "about you" answer',
    }),
    whoTookPart: Type.Object({
      bands: Type.Array(
        Type.Object({
          band: Type.Enum(POPULATION_AGE_GROUPS, { description: 'An IoD2019 File 6 age group' }),
          participants: Type.Union([Type.Integer(), Type.Null()]),
          suppressed: Type.Boolean(),
          share: Share,
          population: Type.Union([Type.Integer(), Type.Null()]),
          populationShare: Share,
        }),
        {
          description:
            'Participants who gave their age, by population age group, beside the population of the same LSOAs',
        },
      ),
      ageBands: Type.Array(
        Type.Object({
          band: Type.Enum(AGE_BANDS),
          group: Type.Enum(POPULATION_AGE_GROUPS),
          participants: Type.Union([Type.Integer(), Type.Null()]),
          suppressed: Type.Boolean(),
        }),
        {
          description:
            'The bands residents chose from (no population: File 6 has only the three groups)',
        },
      ),
      answered: Type.Object(Count, { description: 'Gave an age band: the base of `share`' }),
      preferNotToSay: Type.Object(Count),
      notAnswered: Type.Object(Count),
      population: Type.Union([
        Type.Object({
          total: Type.Integer(),
          lsoas: Type.Array(Type.String()),
          period: Type.Literal('mid-2015'),
          source: Type.String(),
        }),
        Type.Null(),
      ]),
    }),
    suppressedBelow: Type.Literal(SMALL_COUNT_THRESHOLD),
    note: Type.String(),
  },
  { $id: 'WorkshopAnalysis' },
);
export type AnalysisBody = Static<typeof AnalysisBody>;
