// Wire types of community-defined KPIs (issue 12). Values of proportions are fractions 0–1.
import {
  KPI_DIRECTIONS,
  KPI_METHODS,
  KPI_ORIGINS,
  KPI_RIPPLES,
  KPI_STATES,
  KPI_STATUSES,
  KPI_TIERS,
  PIN_KINDS,
  PIN_METRIC_MEASURES,
  SURVEY_SCALES,
} from '@thrive/participation';
import { Type, type Static } from 'typebox';
import { AreaLevel } from '../areas/schemas.ts';
import { PinResponseBody } from '../pins/schemas.ts';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);
const Period = Type.String({
  minLength: 1,
  maxLength: 40,
  description: 'e.g. "2025", "2025-Q3", "2030-03-31"',
});

export const KpiMethodSchema = Type.Enum(KPI_METHODS);
export const KpiTierSchema = Type.Enum(KPI_TIERS);
export const KpiRippleSchema = Type.Enum(KPI_RIPPLES);
export const KpiDirectionSchema = Type.Enum(KPI_DIRECTIONS);
export const KpiStatusSchema = Type.Enum(KPI_STATUSES);
export const KpiStateSchema = Type.Enum(KPI_STATES);
export const KpiOriginSchema = Type.Enum(KPI_ORIGINS);

export const PinMetricSchema = Type.Object(
  {
    measure: Type.Enum(PIN_METRIC_MEASURES),
    kind: Type.Optional(Type.Enum(PIN_KINDS)),
    theme: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  },
  { additionalProperties: false },
);

export const Baseline = Type.Object(
  { value: Type.Number(), period: Period },
  { additionalProperties: false },
);
export const Target = Type.Object(
  { value: Type.Number(), by: Period },
  { additionalProperties: false },
);

const kpiFields = {
  title: Type.String({ minLength: 1, maxLength: 120 }),
  statement: Type.String({ minLength: 1, maxLength: 500, description: "In residents' own words" }),
  method: KpiMethodSchema,
  tier: KpiTierSchema,
  ripple: KpiRippleSchema,
  direction: KpiDirectionSchema,
  baseline: Type.Optional(Nullable(Baseline)),
  target: Target,
  surveyQuestionId: Type.Optional(Uuid),
  indicatorId: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  pinMetric: Type.Optional(PinMetricSchema),
  minimumN: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 100000,
      description: 'Below this n a period is not yet measurable',
    }),
  ),
};

export const NewKpiBody = Type.Object(
  {
    areaCode: Type.String({ minLength: 1, maxLength: 32 }),
    ...kpiFields,
    origin: Type.Optional(KpiOriginSchema),
    originRef: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 120,
        description: 'The workshop id or template id it came from',
      }),
    ),
  },
  { additionalProperties: false },
);
export type NewKpiBody = Static<typeof NewKpiBody>;

export const KpiPatchBody = Type.Object(
  {
    title: Type.Optional(kpiFields.title),
    statement: Type.Optional(kpiFields.statement),
    method: Type.Optional(KpiMethodSchema),
    tier: Type.Optional(KpiTierSchema),
    ripple: Type.Optional(KpiRippleSchema),
    direction: Type.Optional(KpiDirectionSchema),
    baseline: kpiFields.baseline,
    target: Type.Optional(Target),
    surveyQuestionId: Type.Optional(Nullable(Uuid)),
    indicatorId: Type.Optional(Nullable(kpiFields.indicatorId)),
    pinMetric: Type.Optional(Nullable(PinMetricSchema)),
    minimumN: kpiFields.minimumN,
    changeNote: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 500,
        description: 'Why it changed (kept with the new version)',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type KpiPatchBody = Static<typeof KpiPatchBody>;

export const KpiParams = Type.Object({ id: Uuid });
export const KpiListQuery = Type.Object(
  {
    area: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 32,
        description: "An area's code; a ward also lists its estates' KPIs",
      }),
    ),
  },
  { additionalProperties: false },
);

export const AdoptionBody = Type.Object(
  {
    forum: Type.String({
      minLength: 1,
      maxLength: 200,
      description: "The residents' forum that adopted it",
    }),
    adoptedOn: Type.String({ format: 'date', description: 'YYYY-MM-DD' }),
    minutesUrl: Type.Optional(Type.String({ format: 'uri', maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type AdoptionBody = Static<typeof AdoptionBody>;

export const RetirementBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export type RetirementBody = Static<typeof RetirementBody>;

export const AdoptionOut = Type.Object({
  forum: Type.String(),
  adoptedOn: Type.String(),
  minutesUrl: Nullable(Type.String()),
});

export const KpiVersionBody = Type.Object({
  version: Type.Integer(),
  title: Type.String(),
  statement: Type.String(),
  method: KpiMethodSchema,
  tier: KpiTierSchema,
  ripple: KpiRippleSchema,
  direction: KpiDirectionSchema,
  baseline: Nullable(Baseline),
  target: Target,
  surveyQuestionId: Nullable(Uuid),
  indicatorId: Nullable(Type.String()),
  pinMetric: Nullable(PinMetricSchema),
  minimumN: Type.Integer(),
  changeNote: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  adoption: Nullable(AdoptionOut),
});
export type KpiVersionBody = Static<typeof KpiVersionBody>;

export const KpiChangeBody = Type.Object({
  value: Type.Number(),
  lower: Type.Number(),
  upper: Type.Number(),
  real: Type.Boolean({ description: 'The interval (Newcombe hybrid score) excludes 0' }),
  improving: Type.Boolean(),
});

export const KpiPeriodBody = Type.Object({
  period: Type.String(),
  value: Nullable(Type.Number()),
  lower: Nullable(Type.Number()),
  upper: Nullable(Type.Number()),
  n: Nullable(Type.Integer({ description: 'Null when under 5 (never shown)' })),
  status: KpiStatusSchema,
  suppressed: Type.Boolean({ description: 'A count under 5 was held back' }),
  method: Nullable(Type.String()),
  change: Nullable(KpiChangeBody),
});
export type KpiPeriodBody = Static<typeof KpiPeriodBody>;

/** What the value means, for axes and labels. */
export const KpiUnit = Type.Union([
  Type.Literal('proportion'),
  Type.Literal('mean_0_10'),
  Type.Literal('per_1000'),
  Type.Literal('indicator'),
]);

// The current version's fields sit at the top of a KPI; createdAt is the KPI's own (set after).
export const KpiBody = Type.Object({
  ...KpiVersionBody.properties,
  id: Uuid,
  areaCode: Type.String(),
  areaName: Type.String(),
  state: KpiStateSchema,
  origin: KpiOriginSchema,
  originRef: Nullable(Type.String()),
  retiredReason: Nullable(Type.String()),
  retiredAt: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
  unit: KpiUnit,
  /** The survey question's text and scale, for survey KPIs. */
  question: Nullable(
    Type.Object({ id: Uuid, surveyId: Uuid, text: Type.String(), scale: Type.Enum(SURVEY_SCALES) }),
  ),
  adoptions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      forum: Type.String(),
      adoptedOn: Type.String(),
      minutesUrl: Nullable(Type.String()),
    }),
  ),
  latest: Nullable(KpiPeriodBody),
});
export type KpiBody = Static<typeof KpiBody>;

export const KpiDetailBody = Type.Object({
  ...KpiBody.properties,
  versions: Type.Array(KpiVersionBody, {
    description: 'Oldest first; adopted versions are never changed',
  }),
  periods: Type.Array(KpiPeriodBody, { description: 'Oldest first' }),
});
export type KpiDetailBody = Static<typeof KpiDetailBody>;

export const KpiListBody = Type.Object({ kpis: Type.Array(KpiBody) });
export type KpiListBody = Static<typeof KpiListBody>;

export const KpiTemplateBody = Type.Object({
  id: Type.String(),
  title: Type.String(),
  statement: Type.String(),
  method: KpiMethodSchema,
  tier: KpiTierSchema,
  ripple: KpiRippleSchema,
  direction: KpiDirectionSchema,
  question: Nullable(Type.Object({ text: Type.String(), scale: Type.Enum(SURVEY_SCALES) })),
  source: Type.Object({
    publisher: Type.String(),
    title: Type.String(),
    year: Nullable(Type.Integer()),
    detail: Type.String(),
  }),
});
export const KpiTemplateListBody = Type.Object({ templates: Type.Array(KpiTemplateBody) });
export type KpiTemplateListBody = Static<typeof KpiTemplateListBody>;

export const WorkshopRefParams = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 64 }) });

export const KpiDraftBody = Type.Object({
  title: Type.String(),
  statement: Type.String({
    description: 'The most-supported pin, quoted verbatim (its public text): residents rewrite it',
  }),
  theme: Type.String(),
  quote: Type.Object({
    pinId: Uuid,
    kind: Type.Enum(PIN_KINDS),
    text: Type.String(),
    support: Type.Integer(),
  }),
  method: KpiMethodSchema,
  tier: KpiTierSchema,
  ripple: KpiRippleSchema,
  direction: KpiDirectionSchema,
  question: Type.Object({ text: Type.String(), scale: Type.Enum(SURVEY_SCALES) }),
  origin: KpiOriginSchema,
  originRef: Type.String(),
});

export const KpiDraftsBody = Type.Object({
  workshop: Type.Object({
    id: Uuid,
    code: Type.String(),
    title: Type.String(),
    areaCode: Type.String(),
  }),
  themes: Type.Array(
    Type.Object({ theme: Type.String(), pins: Type.Integer(), support: Type.Integer() }),
    { description: 'Most supported first' },
  ),
  pins: Type.Array(
    Type.Object({
      id: Uuid,
      kind: Type.Enum(PIN_KINDS),
      theme: Type.String(),
      text: Type.String(),
      support: Type.Integer(),
    }),
    { description: 'Most supported published pins, quoted verbatim' },
  ),
  drafts: Type.Array(KpiDraftBody),
});
export type KpiDraftsBody = Static<typeof KpiDraftsBody>;

export const KpiAreaListBody = Type.Object({
  areas: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      level: AreaLevel,
      kpis: Type.Integer({ description: 'How many adopted KPIs the area has' }),
    }),
    { description: 'Areas with adopted KPIs, by name' },
  ),
});

export type KpiAreaListBody = Static<typeof KpiAreaListBody>;

export const KpiAreaParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 32 }) });

/** One published pin with a reply: "you said, we did", the resident's words as they were published. */
export const SaidDidBody = Type.Object({
  pinId: Uuid,
  workshop: Type.String({ description: "The workshop's title" }),
  kind: Type.Enum(PIN_KINDS),
  theme: Type.String(),
  text: Type.String({ description: 'The published (masked) text, as the resident wrote it' }),
  support: Nullable(Type.Integer({ description: '"Me too"s; null when under 5 (never shown)' })),
  response: PinResponseBody,
});

export const KpiAreaPageBody = Type.Object({
  area: Type.Object({ code: Type.String(), name: Type.String(), level: AreaLevel }),
  kpis: Type.Array(KpiDetailBody, { description: 'Adopted KPIs of the area and its estates' }),
  saidDid: Type.Array(SaidDidBody, { description: 'Latest reply first' }),
});
export type KpiAreaPageBody = Static<typeof KpiAreaPageBody>;
