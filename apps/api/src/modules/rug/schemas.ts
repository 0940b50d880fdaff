import { Type, type Static } from 'typebox';
import { AreaCode } from '../areas/schemas.ts';
import { DatasetVintageBody } from '../open-data/schemas.ts';

const RUG_LEVELS = ['ward', 'lsoa'] as const;

export const RugQuery = Type.Object(
  {
    parent: AreaCode,
    level: Type.Enum(RUG_LEVELS, { default: 'ward' }),
    indicators: Type.Optional(
      Type.String({ pattern: '^[a-z0-9_]{1,80}(,[a-z0-9_]{1,80}){0,59}$', description: 'Comma-separated indicator ids (default: the standard rug)' }),
    ),
    benchmark: Type.Enum(['parent', 'england'] as const, { default: 'parent' }),
    confidence: Type.Enum(['95', '99.8'] as const, { default: '95', description: 'Confidence level of the significance test, %' }),
    sort: Type.Optional(Type.String({ pattern: '^(name|[a-z0-9_]{1,80})(:(asc|desc))?$', description: 'name or an indicator id, with :asc or :desc' })),
    period: Type.String({ pattern: '^[0-9A-Za-z/_-]{1,20}$', default: '2019' }),
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
  polarity: Type.String(),
  unit: Type.String(),
  valueType: Type.String(),
  comparisonMethod: Type.Enum(['significance', 'quintile'] as const),
  methodNote: Type.String(),
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
  token: Type.String(),
  label: Type.String(),
});

export const RugRowBody = Type.Object({
  code: Type.String(),
  name: Type.String(),
  kind: Type.Enum(['area', 'parent', 'england'] as const),
  cells: Type.Array(RugCellBody),
});

export const RugBody = Type.Object({
  parent: Type.Object({ code: Type.String(), name: Type.String() }),
  level: Type.String(),
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
});
export type RugBody = Static<typeof RugBody>;
