import { polarities, valueTypes } from '@thrive/indicators';
import { Type, type Static } from 'typebox';
import { AreaCode, AreaLevel } from '../areas/schemas.ts';

export const IndicatorId = Type.String({ pattern: '^[a-z0-9_]{1,80}$', description: 'Indicator id, e.g. income_deprivation_rate' });

export const IndicatorBody = Type.Object({
  id: Type.String(),
  title: Type.String(),
  shortLabel: Type.String(),
  unit: Type.String(),
  valueType: Type.Enum(valueTypes),
  polarity: Type.Enum(polarities),
  multiplier: Type.Number(),
  decimals: Type.Integer(),
  theme: Type.Union([Type.String(), Type.Null()]),
  source: Type.String(),
  licence: Type.String(),
  definition: Type.String(),
});
export type IndicatorBody = Static<typeof IndicatorBody>;

export const IndicatorListBody = Type.Object({ indicators: Type.Array(IndicatorBody) });
export type IndicatorListBody = Static<typeof IndicatorListBody>;

export const IndicatorParams = Type.Object({ id: IndicatorId });

export const ValuesQuery = Type.Object(
  {
    level: AreaLevel,
    parent: Type.Optional(AreaCode),
    period: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z/_-]{1,20}$' })),
  },
  { additionalProperties: false },
);
export type ValuesQuery = Static<typeof ValuesQuery>;

const Nullable = <T extends ReturnType<typeof Type.Number>>(t: T) => Type.Union([t, Type.Null()]);

export const ValueBody = Type.Object({
  areaCode: Type.String(),
  areaName: Type.String(),
  period: Type.String(),
  value: Nullable(Type.Number()),
  numerator: Nullable(Type.Number()),
  denominator: Nullable(Type.Number()),
  lower: Nullable(Type.Number()),
  upper: Nullable(Type.Number()),
  note: Type.Union([Type.String(), Type.Null()]),
});

export const ValuesBody = Type.Object({ indicator: IndicatorBody, values: Type.Array(ValueBody) });
export type ValuesBody = Static<typeof ValuesBody>;
