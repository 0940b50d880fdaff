// The engagement rug: a programme's areas × engagement KPIs, built by the same rug model as the
// deprivation rug (@thrive/indicators buildRug), each cell compared with the programme's own
// average: by significance where the figure has an interval (Wilson, Byar), by quintile within
// the programme's areas where it has none (median days, representation score). Only published
// figures go in, so a suppressed count never reaches a cell.
import { buildRug, type IndicatorDefinition, type RugValueInput } from '@thrive/indicators';
import { BadRequestError } from '../../errors.ts';
import { register } from '../open-data/datasets.ts';
import { getProgramme, programmeEngagement } from '../programmes/service.ts';
import type { RugBody } from '../rug/schemas.ts';
import type { EngagementBody, EngagementRugQuery } from './schemas.ts';
import { ENGAGEMENT_METHODS, type EngagementContext } from './service.ts';

const base = {
  theme: 'community_needs',
  aggregation: 'sum_of_counts',
  minimumCount: null,
  minimumDenominator: null,
  licence: 'Computed by Thrive from residents’ participation',
  attribution: 'Thrive, from residents’ participation; population IoD2019 File 6',
  source: {
    dataset: 'Thrive participation',
    publisher: 'Thrive',
    url: '',
    geography: 'lsoa11',
    value: null,
    scale: 1,
    areaCodeColumn: 'area_code',
  },
} as const;

/** The engagement rug's columns, as indicator definitions the rug model reads. */
export const ENGAGEMENT_COLUMNS: readonly IndicatorDefinition[] = [
  {
    ...base,
    id: 'participants_per_1000',
    title: 'Participants per 1,000 residents',
    shortLabel: 'Participants /1,000',
    unit: 'per 1,000',
    valueType: 'rate',
    polarity: 'high_is_good',
    multiplier: 1000,
    decimals: 1,
    interval: 'byar',
    definition: ENGAGEMENT_METHODS.participantsPer1000 ?? '',
  },
  {
    ...base,
    id: 'pins_per_1000',
    title: 'Pins per 1,000 residents',
    shortLabel: 'Pins /1,000',
    unit: 'per 1,000',
    valueType: 'rate',
    polarity: 'high_is_good',
    multiplier: 1000,
    decimals: 1,
    interval: 'byar',
    definition: 'Pins made per 1,000 residents of the area’s LSOAs; Byar, exact Poisson below 10.',
  },
  {
    ...base,
    id: 'reply_share',
    title: 'Pins with a "you said, we did" reply',
    shortLabel: 'Replied',
    unit: '%',
    valueType: 'proportion',
    polarity: 'high_is_good',
    multiplier: 100,
    decimals: 0,
    interval: 'wilson',
    definition: ENGAGEMENT_METHODS.responseShare ?? '',
  },
  {
    ...base,
    id: 'planned_done_share',
    title: 'Planned work done by its date',
    shortLabel: 'Done on time',
    unit: '%',
    valueType: 'proportion',
    polarity: 'high_is_good',
    multiplier: 100,
    decimals: 0,
    interval: 'wilson',
    definition: ENGAGEMENT_METHODS.plannedDoneOnTime ?? '',
  },
  {
    ...base,
    id: 'median_days_to_reply',
    title: 'Median days to a reply',
    shortLabel: 'Days to reply',
    unit: 'days',
    valueType: 'mean',
    polarity: 'low_is_good',
    multiplier: 1,
    decimals: 1,
    interval: null,
    aggregation: 'none',
    definition: ENGAGEMENT_METHODS.medianDaysToReply ?? '',
  },
  {
    ...base,
    id: 'representation_score',
    title: 'Representation score (lowest age group rate ÷ highest)',
    shortLabel: 'Representation',
    unit: 'score',
    valueType: 'score',
    polarity: 'high_is_good',
    multiplier: 1,
    decimals: 2,
    interval: null,
    aggregation: 'none',
    definition: ENGAGEMENT_METHODS.representation ?? '',
  },
];

const PROGRAMME_ROW = 'programme';

/** The rug's values of one area from its published engagement figures. */
export function rugValues(code: string, e: EngagementBody): RugValueInput[] {
  const population = e.population?.total ?? null;
  const rate = (indicatorId: string, count: number | null, field: string): RugValueInput =>
    e.suppressed.includes(field)
      ? { indicatorId, areaCode: code, suppressed: true }
      : count === null || population === null
        ? { indicatorId, areaCode: code }
        : { indicatorId, areaCode: code, numerator: count, denominator: population };
  const share = (indicatorId: string, s: EngagementBody['responseShare']): RugValueInput =>
    s.suppressed
      ? { indicatorId, areaCode: code, suppressed: true }
      : s.value === null || s.n === null
        ? { indicatorId, areaCode: code }
        : { indicatorId, areaCode: code, numerator: Math.round(s.value * s.n), denominator: s.n };
  return [
    rate('participants_per_1000', e.participants, 'participants'),
    rate('pins_per_1000', e.pins, 'pins'),
    share('reply_share', e.responseShare),
    share('planned_done_share', e.plannedDoneOnTime),
    {
      indicatorId: 'median_days_to_reply',
      areaCode: code,
      value: e.medianDaysToReply,
      ...(e.suppressed.includes('medianDaysToReply') ? { suppressed: true } : {}),
    },
    { indicatorId: 'representation_score', areaCode: code, value: e.representation.score },
  ];
}

/** GET /api/engagement/rug: the programme's areas compared with the programme's own average. */
export async function engagementRug(
  ctx: EngagementContext,
  query: EngagementRugQuery,
): Promise<RugBody> {
  const programme = await getProgramme(ctx.db, query.programme.toLowerCase());
  if (programme.areas.length === 0)
    throw new BadRequestError('querystring.programme: this programme has no areas yet.');
  const engagement = await programmeEngagement(ctx, programme.areas, programme.name, query.period);
  const average = { code: PROGRAMME_ROW, name: `${programme.name} average` };
  const confidence = query.confidence === '99.8' ? 0.998 : 0.95;
  const rug = buildRug({
    areas: programme.areas.map((a) => ({ code: a.code, name: a.name, parentCode: PROGRAMME_ROW })),
    indicators: ENGAGEMENT_COLUMNS,
    values: [
      ...engagement.areas.flatMap((e) => rugValues(e.area.code, e)),
      ...rugValues(PROGRAMME_ROW, engagement.total),
    ],
    benchmarks: { parents: [average], england: null },
    level: 'estate',
    benchmark: 'parent',
    confidence,
    sort: { by: 'input' },
  });
  const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  const cell = (c: (typeof rug.rows)[number]['cells'][number]) => {
    const { indicatorId, ...rest } = plain(c);
    return { indicator: indicatorId, ...rest };
  };
  const row = (r: (typeof rug.rows)[number]) => ({
    code: r.code,
    name: r.name,
    kind: r.kind,
    cells: r.cells.map(cell),
  });
  return {
    parent: { code: programme.id, name: programme.name },
    level: 'estate',
    period: engagement.total.period?.label ?? 'all time',
    benchmark: 'parent',
    confidence: rug.confidence,
    columns: rug.columns.map((c) => ({ ...c })),
    rows: rug.rows.map(row),
    benchmarks: rug.benchmarkRows.map(row),
    legend: {
      summary: rug.legend.summary,
      columns: rug.legend.columns.map((c) => ({ ...c, tokens: [...c.tokens] })),
      tokens: rug.legend.tokens.map((t) => ({ ...t })),
    },
    attribution: `Engagement computed by Thrive from residents' participation; counts under 5 suppressed. Population: ${register.attribution}`,
    datasets: [],
  };
}
