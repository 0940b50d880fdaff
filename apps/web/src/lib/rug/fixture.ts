// Test support: small hand-made rugs shaped like GET /api/rug answers, so the helpers are
// tested on the API's real field names without a server.
import type { RugBody } from '#lib/api.ts';
import type { RugCell, RugColumn, RugRow } from './types.ts';

export function column(id: string, overrides: Partial<RugColumn> = {}): RugColumn {
  return {
    id,
    title: `Title of ${id}`,
    shortLabel: `Label ${id}`,
    theme: 'deprivation',
    polarity: 'low_is_good',
    unit: '%',
    valueType: 'proportion',
    decimals: 1,
    comparisonMethod: 'significance',
    methodNote: 'Wilson score 95% CI, compared with Dacorum',
    ...overrides,
  };
}

export function cell(
  indicator: string,
  value: number | null,
  overrides: Partial<RugCell> = {},
): RugCell {
  return {
    indicator,
    value,
    lower: null,
    upper: null,
    count: null,
    denominator: null,
    comparison: { parent: 'not_compared', england: 'not_compared' },
    judgement: 'not_compared',
    reason: value === null ? 'no_value' : null,
    band: 0,
    text: value === null ? '–' : `${value.toFixed(1)}%`,
    token: 'not_compared',
    label: `${indicator} ${value ?? 'no value'}`,
    ...overrides,
  };
}

export function row(
  code: string,
  name: string,
  cells: RugCell[],
  kind: RugRow['kind'] = 'area',
): RugRow {
  return { code, name, kind, cells };
}

export function rugBody(overrides: Partial<RugBody> = {}): RugBody {
  const columns = [column('a'), column('b', { theme: 'health', comparisonMethod: 'quintile' })];
  return {
    parent: { code: 'E07000096', name: 'Dacorum' },
    level: 'ward',
    period: '2019',
    benchmark: 'parent',
    confidence: 0.95,
    columns,
    rows: [
      row('E1', 'Boxmoor', [
        cell('a', 12.5, { token: 'worse', text: '12.5% ▲' }),
        cell('b', 3, { token: 'quintile_2', band: 2 }),
      ]),
      row('E2', 'Adeyfield <East> & "West"', [
        cell('a', null),
        cell('b', 1, { token: 'quintile_1', band: 1 }),
      ]),
    ],
    benchmarks: [
      row(
        'E07000096',
        'Dacorum',
        [cell('a', 10, { token: 'benchmark' }), cell('b', 2, { token: 'benchmark' })],
        'parent',
      ),
      row(
        'E92000001',
        'England',
        [cell('a', 11, { token: 'benchmark' }), cell('b', 2.5, { token: 'benchmark' })],
        'england',
      ),
    ],
    legend: {
      summary: 'Columns with counts compare each area with Dacorum at 95% confidence.',
      columns: [
        {
          indicatorId: 'a',
          comparisonMethod: 'significance',
          text: 'Compared with Dacorum.',
          tokens: ['better', 'similar', 'worse', 'not_compared'],
        },
        {
          indicatorId: 'b',
          comparisonMethod: 'quintile',
          text: 'Quintiles within the areas shown.',
          tokens: ['quintile_1', 'quintile_5'],
        },
      ],
      tokens: [
        {
          id: 'worse',
          background: '#E69F00',
          text: '#1A1A1A',
          symbol: '✗',
          pattern: 'none',
          label: 'Worse',
        },
        {
          id: 'not_compared',
          background: '#F0F0F0',
          text: '#333333',
          symbol: '○',
          pattern: 'hatch',
          label: 'Not compared',
        },
      ],
    },
    attribution: 'Contains OS data © Crown copyright.',
    datasets: [],
    ...overrides,
  };
}
