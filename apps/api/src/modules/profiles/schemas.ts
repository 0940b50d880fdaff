import { comparisonMethods, polarities, rugConfidences } from '@thrive/indicators';
import { Type, type Static } from 'typebox';
import { AreaCode, AreaLevel } from '../areas/schemas.ts';
import { DatasetVintageBody } from '../open-data/schemas.ts';
import { RugCellBody } from '../rug/schemas.ts';

export const ProfileParams = Type.Object({ code: AreaCode });
export const ProfileQuery = Type.Object(
  {
    confidence: Type.Enum(rugConfidences, { default: '95' }),
    period: Type.String({ pattern: '^[0-9A-Za-z/_-]{1,20}$', default: '2019' }),
  },
  { additionalProperties: false },
);
export type ProfileQuery = Static<typeof ProfileQuery>;

const Ref = Type.Object({ code: Type.String(), name: Type.String() });
const Num = Type.Union([Type.Number(), Type.Null()]);

// The spread (@thrive/indicators spreadOf) of an indicator's values among the parent's areas.
export const SpreadBody = Type.Object({
  min: Type.Number(),
  q1: Type.Number({ description: 'Lower quartile (Hyndman & Fan type 7)' }),
  q3: Type.Number({ description: 'Upper quartile (Hyndman & Fan type 7)' }),
  max: Type.Number(),
  count: Type.Integer({ minimum: 1, description: 'How many areas have a value' }),
});

export const ProfileIndicator = Type.Object({
  id: Type.String(),
  title: Type.String(),
  shortLabel: Type.String(),
  theme: Type.String(),
  unit: Type.String(),
  polarity: Type.Enum(polarities),
  comparisonMethod: Type.Enum(comparisonMethods),
  methodNote: Type.String(),
  cell: RugCellBody,
  parentValue: Num,
  englandValue: Num,
  parentText: Type.String(),
  englandText: Type.String(),
  spread: Type.Union([SpreadBody, Type.Null()], {
    description: "Spread of the values among the parent's areas of this level (a ward's among its authority's wards), suppressed values left out; null when none has a value",
  }),
  decimals: Type.Integer({ minimum: 0, description: 'Decimal places the values are shown with, as GET /api/indicators gives them' }),
  definition: Type.String({ description: 'As GET /api/indicators gives it' }),
  source: Type.String({ description: 'As GET /api/indicators gives it' }),
  licence: Type.String({ description: 'As GET /api/indicators gives it' }),
});

export const ProfileBody = Type.Object({
  area: Type.Object({ code: Type.String(), name: Type.String(), level: AreaLevel }),
  parent: Type.Union([Ref, Type.Null()]),
  england: Type.Union([Ref, Type.Null()]),
  period: Type.String(),
  confidence: Type.Number(),
  indicators: Type.Array(ProfileIndicator),
  lsoas: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), imdRank: Num, imdDecile: Num })),
  legend: Type.String(),
  attribution: Type.String(),
  datasets: Type.Array(DatasetVintageBody, { description: 'The datasets behind the numbers, with their release and geography (areas first)' }),
  missing: Type.Optional(
    Type.Array(
      Type.Object({ id: Type.String(), title: Type.String(), theme: Type.String(), gap: Type.Union([Type.String(), Type.Null()]), explanation: Type.String() }),
      { description: 'Indicators without a value for this area, each with why (e.g. a different ward vintage)' },
    ),
  ),
});
export type ProfileBody = Static<typeof ProfileBody>;
