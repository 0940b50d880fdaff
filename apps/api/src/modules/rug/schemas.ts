import {
  colourTokenIds,
  comparisonMethods,
  kpiTokenIds,
  polarities,
  rugBenchmarks,
  rugConfidences,
  rugGaps,
  rugServedLevels,
  valueTypes,
} from '@thrive/indicators';
import { KPI_STATUSES } from '@thrive/participation';
import { Type, type Static } from 'typebox';
import { AreaCode } from '../areas/schemas.ts';
import { DatasetVintageBody } from '../open-data/schemas.ts';

export const RugQuery = Type.Object(
  {
    parent: AreaCode,
    level: Type.Enum(rugServedLevels, { default: 'ward' }),
    indicators: Type.Optional(
      Type.String({ pattern: '^[a-z0-9_]{1,80}(,[a-z0-9_]{1,80}){0,59}$', description: 'Comma-separated indicator ids (default: the standard rug)' }),
    ),
    benchmark: Type.Enum(rugBenchmarks, { default: 'parent' }),
    confidence: Type.Enum(rugConfidences, { default: '95', description: 'Confidence level of the significance test, %' }),
    sort: Type.Optional(Type.String({ pattern: '^(name|[a-z0-9_]{1,80})(:(asc|desc))?$', description: 'name or an indicator id, with :asc or :desc' })),
    period: Type.String({ pattern: '^[0-9A-Za-z/_-]{1,20}$', default: '2019' }),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'CSV only: keep the area rows whose name contains this (case and accents ignored) or whose code it is, as the page filters them' })),
  },
  { additionalProperties: false },
);
export type RugQuery = Static<typeof RugQuery>;

const Num = Type.Union([Type.Number(), Type.Null()]);
const ComparisonValue = Type.Enum(['higher', 'lower', 'similar', 'not_compared'] as const);

export const RugColumnBody = Type.Object({
  id: Type.String(),
  title: Type.String(),
  shortLabel: Type.String(),
  theme: Type.String(),
  polarity: Type.Enum(polarities),
  unit: Type.String(),
  valueType: Type.Enum(valueTypes),
  decimals: Type.Integer({ minimum: 0, description: 'Decimal places the values are shown with' }),
  comparisonMethod: Type.Enum(comparisonMethods),
  methodNote: Type.String(),
  notBanded: Type.Optional(
    Type.Union([Type.Enum(['authority_wide', 'constant'] as const), Type.Null()], {
      description: 'Why a quintile column is not banded: one figure for the whole authority, or one value (as displayed) in every area shown',
    }),
  ),
});

export const RugCellBody = Type.Object({
  indicator: Type.String(),
  value: Num,
  lower: Num,
  upper: Num,
  count: Num,
  denominator: Num,
  comparison: Type.Object({ parent: ComparisonValue, england: ComparisonValue }),
  judgement: Type.Enum(['better', 'worse', 'similar', 'higher', 'lower', 'not_compared'] as const),
  reason: Type.Union([Type.String(), Type.Null()]),
  band: Type.Integer(),
  text: Type.String(),
  token: Type.Enum(colourTokenIds),
  label: Type.String(),
  gap: Type.Optional(Type.Union([Type.Enum(rugGaps), Type.Null()], { description: 'Why the cell has no value or no colour' })),
  explanation: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'That reason in a sentence' })),
});

// Community-defined KPI columns (kpi-columns.ts): judged against the residents' own target.
export const RugKpiColumnBody = Type.Object({
  id: Type.String(),
  title: Type.String(),
  statement: Type.String(),
  areaCode: Type.String(),
  areaName: Type.String(),
  communityDefined: Type.Literal(true),
  targetText: Type.String(),
});

export const RugKpiCellBody = Type.Object({
  kpiId: Type.String(),
  applies: Type.Boolean({ description: "False where the KPI is another area's" }),
  status: Type.Union([Type.Enum(KPI_STATUSES), Type.Null()]),
  period: Type.Union([Type.String(), Type.Null()]),
  value: Num,
  lower: Num,
  upper: Num,
  n: Type.Union([Type.Integer(), Type.Null()], { description: 'Null when under 5 (never shown)' }),
  valueText: Type.Union([Type.String(), Type.Null()], { description: 'The reading in its unit, with its interval' }),
  text: Type.String(),
  token: Type.Enum(kpiTokenIds),
  label: Type.String(),
});

export const RugRowBody = Type.Object({
  code: Type.String(),
  name: Type.String(),
  kind: Type.Enum(['area', 'parent', 'england'] as const),
  cells: Type.Array(RugCellBody),
  kpiCells: Type.Optional(Type.Array(RugKpiCellBody, { description: 'One per kpiColumns entry (area rows only)' })),
});

export const RugBody = Type.Object({
  parent: Type.Object({ code: Type.String(), name: Type.String() }),
  level: Type.Enum(rugServedLevels),
  period: Type.String(),
  benchmark: Type.Enum(['parent', 'england'] as const),
  confidence: Type.Number(),
  columns: Type.Array(RugColumnBody),
  rows: Type.Array(RugRowBody),
  benchmarks: Type.Array(RugRowBody),
  legend: Type.Object({
    summary: Type.String(),
    columns: Type.Array(Type.Object({ indicatorId: Type.String(), comparisonMethod: Type.String(), text: Type.String(), tokens: Type.Array(Type.String()) })),
    tokens: Type.Array(
      Type.Object({ id: Type.String(), background: Type.String(), text: Type.String(), symbol: Type.String(), label: Type.String(), pattern: Type.String() }, { additionalProperties: true }),
    ),
  }),
  attribution: Type.String(),
  datasets: Type.Array(DatasetVintageBody, { description: 'The datasets behind the numbers, with their release and geography (areas first)' }),
  levels: Type.Optional(Type.Array(Type.Enum(rugServedLevels), { description: 'Levels a rug of this parent can show (estate when it has estates)' })),
  kpiColumns: Type.Optional(Type.Array(RugKpiColumnBody, { description: "Community-defined KPIs of the areas shown, after the indicator columns" })),
  kpiLegend: Type.Optional(
    Type.Object({
      text: Type.String(),
      tokens: Type.Array(Type.Object({ id: Type.String(), background: Type.String(), text: Type.String(), symbol: Type.String(), label: Type.String(), pattern: Type.String() })),
    }),
  ),
  composition: Type.Optional(
    Type.Object(
      {
        note: Type.String(),
        estates: Type.Array(
          Type.Object({
            code: Type.String(),
            lsoas: Type.Array(Type.Object({ code: Type.String(), rule: Type.String(), shareOfEstate: Num, shareOfLsoa: Num })),
            gap: Type.Union([Type.String(), Type.Null()]),
          }),
        ),
      },
      { description: 'Which LSOAs make up each estate (estate rugs)' },
    ),
  ),
});
export type RugBody = Static<typeof RugBody>;
