import { describe, expect, it } from 'vitest';
import { kpiCells, kpiColumns, kpiTargetText, type RugKpiInput } from './kpi-cells.ts';

// A hand-made KPI of an estate inside a ward: 45 of 60 residents agreeing (75.0%, Wilson 95%
// 62.8%–84.2%, the worked example of issue 12) against the residents' target of 70% by 2027.
const safe: RugKpiInput = {
  id: 'k1',
  title: 'Safe after dark',
  statement: 'I feel safe walking through the estate after dark.',
  areaCode: 'EST-1',
  areaName: 'Fairfield',
  areaParentCode: 'W1',
  unit: 'proportion',
  direction: 'up',
  target: { value: 0.7, by: '2027' },
  latest: { period: '2025', value: 0.75, lower: 0.628, upper: 0.842, n: 60, status: 'on_track' },
};

describe('community-defined KPI cells', () => {
  it('marks each column as community-defined, with the residents’ target in words', () => {
    expect(kpiColumns([safe])).toEqual([
      expect.objectContaining({
        id: 'k1',
        communityDefined: true,
        areaName: 'Fairfield',
        targetText: "Residents' target: 70% or more by 2027",
      }),
    ]);
    expect(
      kpiTargetText({
        ...safe,
        direction: 'down',
        unit: 'mean_0_10',
        target: { value: 4, by: '2030' },
      }),
    ).toBe('4.0 out of 10 or less by 2030');
  });

  it('colours the estate’s own cell by its status against the target, with a symbol and words too', () => {
    const [cell] = kpiCells([safe], { code: 'EST-1', name: 'Fairfield' });
    expect(cell).toMatchObject({
      applies: true,
      status: 'on_track',
      token: 'kpi_on_track',
      text: '✓ On track',
      n: 60,
      value: 0.75,
      valueText: '75% (95% CI 63% to 84%)',
    });
    expect(cell?.label).toBe(
      "Fairfield, community-defined KPI “Safe after dark”, 2025: 75% (95% CI 63% to 84%), n = 60; on track against the residents' own target of 70% or more by 2027",
    );
  });

  it('shows the estate’s KPI on the ward holding it, naming the estate', () => {
    const [cell] = kpiCells([safe], { code: 'W1', name: 'Ward One' });
    expect(cell?.applies).toBe(true);
    expect(cell?.label).toContain(
      'Ward One, community-defined KPI “Safe after dark” of Fairfield, 2025',
    );
  });

  it('leaves other areas’ cells blank and says whose KPI it is', () => {
    const [cell] = kpiCells([safe], { code: 'EST-2', name: 'Other' });
    expect(cell).toMatchObject({
      applies: false,
      status: null,
      text: '',
      token: 'kpi_not_applicable',
    });
    expect(cell?.label).toContain('a KPI of Fairfield, not of this area');
  });

  it('calls a KPI never measured not yet measurable', () => {
    const [cell] = kpiCells([{ ...safe, latest: null }], { code: 'EST-1', name: 'Fairfield' });
    expect(cell).toMatchObject({
      status: 'not_yet_measurable',
      text: '… Not yet measurable',
      token: 'kpi_not_yet_measurable',
    });
    expect(cell?.label).toContain('no reading yet');
  });

  it('never passes on a count under 5, even if given one', () => {
    const [cell] = kpiCells(
      [
        {
          ...safe,
          latest: {
            period: '2025',
            value: null,
            lower: null,
            upper: null,
            n: 4,
            status: 'off_track',
          },
        },
      ],
      {
        code: 'EST-1',
        name: 'Fairfield',
      },
    );
    expect(cell).toMatchObject({ n: null, status: 'off_track', text: '✗ Off track' });
    expect(cell?.label).not.toMatch(/n = 4/);
  });
});
