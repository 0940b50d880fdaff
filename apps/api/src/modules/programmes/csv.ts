// Every table of the board report as CSV, each with the report's attribution and, per row, the
// method of its figure. Cells go through the one CSV writer (csv-line.ts), which neutralises
// text a spreadsheet would run as a formula: officers' and residents' words are never trusted.
import { csvComment, csvLine } from '../../csv-line.ts';
import type { EngagementBody } from '../engagement/schemas.ts';
import type { ReportBody, ReportTable } from './schemas.ts';

type Cell = string | number | null | undefined;

const ENGAGEMENT_ROWS: [
  keyof EngagementBody['methods'] | string,
  string,
  (e: EngagementBody) => Cell[],
][] = [
  ['participants', 'Participants', (e) => [e.participants, null, null, null]],
  [
    'participantsPer1000',
    'Participants per 1,000 residents',
    (e) => [
      e.participantsPer1000.value,
      e.participantsPer1000.lower,
      e.participantsPer1000.upper,
      e.population?.total,
    ],
  ],
  [
    'returningParticipants',
    'Returning participants',
    (e) => [e.returningParticipants, null, null, null],
  ],
  ['pins', 'Pins', (e) => [e.pins, null, null, null]],
  ['support', '"Me too" support', (e) => [e.support, null, null, null]],
  ['surveyResponses', 'Survey responses', (e) => [e.surveyResponses, null, null, null]],
  [
    'responseShare',
    'Share of pins with a reply',
    (e) => [e.responseShare.value, e.responseShare.lower, e.responseShare.upper, e.responseShare.n],
  ],
  ['medianDaysToReply', 'Median days to a reply', (e) => [e.medianDaysToReply, null, null, null]],
  [
    'plannedDoneOnTime',
    'Planned work done by its date',
    (e) => [
      e.plannedDoneOnTime.value,
      e.plannedDoneOnTime.lower,
      e.plannedDoneOnTime.upper,
      e.plannedDoneOnTime.n,
    ],
  ],
  ['changesMade', 'Changes made because residents asked', (e) => [e.changesMade, null, null, null]],
  ['representation', 'Representation score', (e) => [e.representation.score, null, null, null]],
];

function rows(body: ReportBody, table: ReportTable): { header: string[]; lines: Cell[][] } {
  switch (table) {
    case 'objectives':
      return {
        header: ['strand', 'objective', 'latest_update_on', 'latest_update', 'method'],
        lines: body.strands.flatMap((s) =>
          s.objectives.map((o) => [
            s.name,
            o.text,
            o.latestUpdate?.onDate,
            o.latestUpdate?.text,
            'Written by officers (not a measure)',
          ]),
        ),
      };
    case 'kpis':
      return {
        header: [
          'kpi',
          'statement',
          'area_code',
          'area_name',
          'unit',
          'period',
          'value',
          'lower_ci',
          'upper_ci',
          'n',
          'target',
          'target_by',
          'direction',
          'status',
          'trend',
          'trend_basis',
          'method',
        ],
        lines: body.kpis.map((k) => [
          k.title,
          k.statement,
          k.areaCode,
          k.areaName,
          k.unit,
          k.period,
          k.value,
          k.lower,
          k.upper,
          k.n,
          k.target.value,
          k.target.by,
          k.direction,
          k.status,
          k.trend,
          k.trendBasis,
          k.method ?? 'not yet measured',
        ]),
      };
    case 'engagement':
      return {
        header: [
          'area_code',
          'area_name',
          'figure',
          'value',
          'lower_ci',
          'upper_ci',
          'n_or_population',
          'suppressed',
          'method',
        ],
        lines: [body.engagement.total, ...body.engagement.areas].flatMap((e) =>
          ENGAGEMENT_ROWS.map(([id, title, pick]) => [
            e.area.code,
            e.area.name,
            title,
            ...pick(e),
            e.suppressed.includes(id) ? 'yes' : 'no',
            e.methods[id],
          ]),
        ),
      };
    case 'representation':
      return {
        header: [
          'area_code',
          'area_name',
          'age_group',
          'participants',
          'rate_per_1000',
          'participant_share',
          'population',
          'population_share',
          'suppressed',
          'score',
          'method',
        ],
        lines: [body.engagement.total, ...body.engagement.areas].flatMap((e) =>
          e.representation.bands.map((b) => [
            e.area.code,
            e.area.name,
            b.band,
            b.participants,
            b.ratePer1000,
            b.participantShare,
            b.population,
            b.populationShare,
            b.suppressed ? 'yes' : 'no',
            e.representation.score,
            e.methods.representation,
          ]),
        ),
      };
    case 'replies':
      return {
        header: [
          'area_code',
          'area_name',
          'workshop',
          'kind',
          'theme',
          'you_said',
          'status',
          'we_did',
          'replied_on',
          'method',
        ],
        lines: body.youSaidWeDid.map((r) => [
          r.areaCode,
          r.areaName,
          r.workshop,
          r.kind,
          r.theme,
          r.youSaid,
          r.status,
          r.weDid,
          r.repliedOn,
          'Latest "done" or "planned" replies on published pins',
        ]),
      };
    case 'outputs':
      return {
        header: ['strand', 'output', 'count', 'on_date', 'source', 'method'],
        lines: body.outputs.map((o) => [
          o.strand,
          o.label,
          o.count,
          o.onDate,
          o.source,
          'Recorded, not measured (typed in by an officer)',
        ]),
      };
  }
}

/** One table of the report as CSV text, with the programme, period and attribution on top. */
export function reportCsv(body: ReportBody, table: ReportTable): string {
  const { header, lines } = rows(body, table);
  return `${[
    csvComment(
      `${body.programme.name}: board report, ${table}; period ${body.period?.label ?? 'all time'}`,
    ),
    csvComment(body.attribution),
    ...(table === 'outputs' ? [csvComment(body.outputsNote)] : []),
    csvLine(header),
    ...lines.map((l) => csvLine(l)),
  ].join('\r\n')}\r\n`;
}
