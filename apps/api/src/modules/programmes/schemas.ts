// Wire types of regeneration programmes and their board report (issue 13). Everything an
// officer types in (updates, recorded outputs) is kept apart from computed figures and, for
// outputs, labelled "recorded, not measured".
import { KPI_DIRECTIONS, KPI_STATUSES, PIN_KINDS } from '@thrive/participation';
import { Type, type Static } from 'typebox';
import { AreaCode } from '../areas/schemas.ts';
import { EngagementBody, EngagementPeriodParam } from '../engagement/schemas.ts';

const Uuid = Type.String({ format: 'uuid' });
const Day = Type.String({ format: 'date', description: 'An ISO day, e.g. 2026-03-31' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const ProgrammeParams = Type.Object({ id: Uuid });

export const NewProgrammeBody = Type.Object(
  {
    name: Text(200),
    summary: Type.Optional(Type.String({ maxLength: 2000 })),
    startsOn: Day,
    endsOn: Type.Optional(Nullable(Day)),
    areaCodes: Type.Array(AreaCode, {
      minItems: 1,
      maxItems: 100,
      description: 'Estates or wards',
    }),
    strands: Type.Optional(
      Type.Array(Text(100), {
        maxItems: 12,
        description: 'Default: People, Prosperity, Place',
      }),
    ),
  },
  { additionalProperties: false },
);
export type NewProgrammeBody = Static<typeof NewProgrammeBody>;

export const ProgrammePatchBody = Type.Object(
  {
    name: Type.Optional(Text(200)),
    summary: Type.Optional(Type.String({ maxLength: 2000 })),
    startsOn: Type.Optional(Day),
    endsOn: Type.Optional(Nullable(Day)),
    areaCodes: Type.Optional(Type.Array(AreaCode, { minItems: 1, maxItems: 100 })),
  },
  { additionalProperties: false },
);
export type ProgrammePatchBody = Static<typeof ProgrammePatchBody>;

export const NewStrandBody = Type.Object({ name: Text(100) }, { additionalProperties: false });
export type NewStrandBody = Static<typeof NewStrandBody>;
export const NewObjectiveBody = Type.Object(
  { strandId: Uuid, text: Text(500) },
  { additionalProperties: false },
);
export type NewObjectiveBody = Static<typeof NewObjectiveBody>;
export const NewUpdateBody = Type.Object(
  { objectiveId: Uuid, onDate: Day, text: Text(2000) },
  { additionalProperties: false },
);
export type NewUpdateBody = Static<typeof NewUpdateBody>;
export const NewOutputBody = Type.Object(
  {
    label: Text(200),
    count: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
    onDate: Day,
    source: Text(500),
    strandId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);
export type NewOutputBody = Static<typeof NewOutputBody>;

const AreaRef = Type.Object({ code: Type.String(), name: Type.String(), level: Type.String() });
const UpdateOut = Type.Object({ id: Uuid, onDate: Type.String(), text: Type.String() });
export const RecordedOutputOut = Type.Object({
  id: Uuid,
  strandId: Nullable(Uuid),
  strand: Nullable(Type.String()),
  label: Type.String(),
  count: Type.Integer(),
  onDate: Type.String(),
  source: Type.String(),
  kind: Type.Literal('recorded', { description: 'Typed in by an officer: recorded, not measured' }),
});

export const ProgrammeBody = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    summary: Type.String(),
    startsOn: Type.String(),
    endsOn: Nullable(Type.String()),
    areas: Type.Array(AreaRef),
    strands: Type.Array(
      Type.Object({
        id: Uuid,
        name: Type.String(),
        objectives: Type.Array(
          Type.Object({
            id: Uuid,
            text: Type.String(),
            updates: Type.Array(UpdateOut, { description: 'Newest first' }),
          }),
        ),
      }),
    ),
    outputs: Type.Array(RecordedOutputOut),
  },
  { $id: 'Programme' },
);
export type ProgrammeBody = Static<typeof ProgrammeBody>;

export const ProgrammeListBody = Type.Object({
  programmes: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      summary: Type.String(),
      startsOn: Type.String(),
      endsOn: Nullable(Type.String()),
      areas: Type.Array(AreaRef),
    }),
  ),
});
export type ProgrammeListBody = Static<typeof ProgrammeListBody>;

export const ReportQuery = Type.Object(
  { period: Type.Optional(EngagementPeriodParam) },
  { additionalProperties: false },
);
export const REPORT_TABLES = [
  'objectives',
  'kpis',
  'engagement',
  'representation',
  'replies',
  'outputs',
] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];
export const ReportCsvQuery = Type.Object(
  { period: Type.Optional(EngagementPeriodParam), table: Type.Enum(REPORT_TABLES) },
  { additionalProperties: false },
);

export const KPI_TRENDS = ['improving', 'worsening', 'no_clear_change', 'not_known'] as const;
export type KpiTrend = (typeof KPI_TRENDS)[number];

export const ReportKpi = Type.Object({
  id: Uuid,
  title: Type.String(),
  statement: Type.String(),
  areaCode: Type.String(),
  areaName: Type.String(),
  unit: Type.String(),
  direction: Type.Enum(KPI_DIRECTIONS),
  target: Type.Object({ value: Type.Number(), by: Type.String() }),
  period: Nullable(Type.String()),
  value: Nullable(Type.Number()),
  lower: Nullable(Type.Number()),
  upper: Nullable(Type.Number()),
  n: Nullable(Type.Integer()),
  suppressed: Type.Boolean({ description: 'A count under 5 was held back' }),
  status: Type.Enum(KPI_STATUSES),
  trend: Type.Enum(KPI_TRENDS),
  trendBasis: Type.String(),
  method: Nullable(Type.String()),
});
export type ReportKpi = Static<typeof ReportKpi>;

export const ReportBody = Type.Object(
  {
    programme: Type.Object({
      id: Uuid,
      name: Type.String(),
      summary: Type.String(),
      startsOn: Type.String(),
      endsOn: Nullable(Type.String()),
      areas: Type.Array(AreaRef),
    }),
    period: Nullable(Type.Object({ label: Type.String(), from: Type.String(), to: Type.String() })),
    strands: Type.Array(
      Type.Object({
        id: Uuid,
        name: Type.String(),
        objectives: Type.Array(
          Type.Object({ id: Uuid, text: Type.String(), latestUpdate: Nullable(UpdateOut) }),
        ),
      }),
    ),
    kpis: Type.Array(ReportKpi, { description: 'Off target and worsening first' }),
    engagement: Type.Object({
      total: EngagementBody,
      areas: Type.Array(EngagementBody),
    }),
    notHeard: Type.Array(
      Type.Object({
        areaCode: Type.String(),
        areaName: Type.String(),
        missing: Type.Array(Type.String()),
        score: Nullable(Type.Number()),
      }),
      { description: 'Areas where an age group took no part, or the score is under 0.5' },
    ),
    youSaidWeDid: Type.Array(
      Type.Object({
        pinId: Uuid,
        areaCode: Type.String(),
        areaName: Type.String(),
        workshop: Type.String(),
        kind: Type.Enum(PIN_KINDS),
        theme: Type.String(),
        youSaid: Type.String(),
        status: Type.String(),
        weDid: Type.String(),
        repliedOn: Nullable(Type.String()),
      }),
    ),
    outputs: Type.Array(RecordedOutputOut),
    outputsNote: Type.String(),
    methods: Type.Record(Type.String(), Type.String()),
    attribution: Type.String(),
  },
  { $id: 'ProgrammeReport' },
);
export type ReportBody = Static<typeof ReportBody>;
