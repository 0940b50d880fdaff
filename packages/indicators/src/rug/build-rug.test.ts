import { describe, expect, it } from 'vitest';
import { indicatorById } from '../catalogue/catalogue.ts';
import type { IndicatorDefinition } from '../catalogue/indicator-definition.ts';
import { QUINTILE_LEGEND } from '../stats/quintiles.ts';
import { wilson } from '../stats/wilson.ts';
import { buildRug } from './build-rug.ts';
import type { BuildRugInput, RugArea, RugCell, RugValueInput } from './rug-model.ts';

// Hand-made fixture: six Dacorum wards (real names, invented figures), Dacorum and England.
// Income deprivation for Adeyfield West is 81/263, whose 95% Wilson interval Newcombe (1998,
// Table II) gives as 25.53%–36.62%.

function catalogueEntry(id: string): IndicatorDefinition {
  const d = indicatorById(id);
  if (d === undefined) throw new Error(`missing catalogue entry ${id}`);
  return d;
}

const income = catalogueEntry('income_deprivation_rate');
const distance = catalogueEntry('distance_gp');
// A survey share, high is good, published only from 30 respondents (docs/methods.md §6).
const satisfied: IndicatorDefinition = {
  ...income,
  id: 'satisfied_with_area',
  title: 'Satisfied with the area',
  shortLabel: 'Satisfied',
  polarity: 'high_is_good',
  minimumCount: null,
  minimumDenominator: 30,
};
// A share with no better or worse direction.
const olderPeople: IndicatorDefinition = {
  ...income,
  id: 'aged_65_plus',
  title: 'Aged 65 and over',
  shortLabel: 'Aged 65+',
  polarity: 'no_judgement',
  minimumCount: null,
};

const dacorum: RugArea = { code: 'E07000096', name: 'Dacorum' };
const england: RugArea = { code: 'E92000001', name: 'England' };
const wards: RugArea[] = [
  { code: 'E05004691', name: 'Adeyfield West', parentCode: dacorum.code },
  { code: 'E05004692', name: 'Apsley and Corner Hall', parentCode: dacorum.code },
  { code: 'E05004694', name: 'Bennetts End', parentCode: dacorum.code },
  { code: 'E05004695', name: 'Berkhamsted Castle', parentCode: dacorum.code },
  { code: 'E05004697', name: 'Boxmoor', parentCode: dacorum.code },
  { code: 'E05004699', name: 'Chaulden and Warners End', parentCode: dacorum.code },
];
const [adeyfield, apsley, bennetts, berkhamsted, boxmoor, chaulden] = wards.map((w) => w.code);

function counts(
  indicatorId: string,
  areaCode: string | undefined,
  numerator: number | null,
  denominator: number,
  extra: Partial<RugValueInput> = {},
): RugValueInput {
  return { indicatorId, areaCode: areaCode ?? '', numerator, denominator, ...extra };
}
function valueOf(indicatorId: string, areaCode: string | undefined, value: number): RugValueInput {
  return { indicatorId, areaCode: areaCode ?? '', value };
}

const values: RugValueInput[] = [
  counts(income.id, adeyfield, 81, 263),
  counts(income.id, apsley, 150, 1000),
  counts(income.id, bennetts, 4, 300),
  counts(income.id, berkhamsted, null, 400, { suppressed: true }),
  counts(income.id, boxmoor, 120, 1000, { status: 'partial', note: '3 of 4 LSOAs' }),
  // Chaulden has no income value at all.
  counts(income.id, dacorum.code, 3000, 15_000),
  counts(income.id, england.code, 7_700_000, 55_000_000),
  valueOf(distance.id, adeyfield, 0.9),
  valueOf(distance.id, apsley, 1.2),
  valueOf(distance.id, bennetts, 0.4),
  valueOf(distance.id, berkhamsted, 2.5),
  valueOf(distance.id, boxmoor, 0.7),
  valueOf(distance.id, chaulden, 1.6),
  valueOf(distance.id, dacorum.code, 1.3),
  counts(satisfied.id, adeyfield, 80, 100),
  counts(satisfied.id, apsley, 20, 29),
  counts(satisfied.id, dacorum.code, 600, 1000),
  counts(olderPeople.id, adeyfield, 30, 100),
  counts(olderPeople.id, dacorum.code, 180, 1000),
];

function input(overrides: Partial<BuildRugInput> = {}): BuildRugInput {
  return {
    areas: wards,
    indicators: [income, distance, satisfied, olderPeople],
    values,
    benchmarks: { parents: [dacorum], england },
    level: 'ward',
    benchmark: 'parent',
    confidence: 0.95,
    ...overrides,
  };
}

function cell(rug: ReturnType<typeof buildRug>, areaName: string, indicatorId: string): RugCell {
  const row = [...rug.rows, ...rug.benchmarkRows].find((r) => r.name === areaName);
  const found = row?.cells.find((c) => c.indicatorId === indicatorId);
  if (found === undefined) throw new Error(`no cell ${areaName} / ${indicatorId}`);
  return found;
}

describe('buildRug', () => {
  it('keeps the areas in the order given and puts Dacorum, then England, beneath them', () => {
    const rug = buildRug(input());
    expect(rug.rows.map((r) => r.name)).toEqual(wards.map((w) => w.name));
    expect(rug.benchmarkRows.map((r) => [r.name, r.kind])).toEqual([
      ['Dacorum', 'parent'],
      ['England', 'england'],
    ]);
    expect(rug.columns.map((c) => c.id)).toEqual([
      income.id,
      distance.id,
      satisfied.id,
      olderPeople.id,
    ]);
  });

  it('computes the Wilson interval from the counts and judges 81/263 worse than Dacorum (20%)', () => {
    const c = cell(buildRug(input()), 'Adeyfield West', income.id);
    expect(c.value).toBeCloseTo((81 / 263) * 100, 12);
    expect(c.lower).toBeCloseTo(25.53, 2);
    expect(c.upper).toBeCloseTo(36.62, 2);
    expect(c).toMatchObject({
      count: 81,
      denominator: 263,
      comparison: { parent: 'higher', england: 'higher' },
      judgement: 'worse',
      reason: null,
      token: 'worse',
      text: '30.8% ▲',
      label: 'Adeyfield West, Income deprivation 30.8% (95% CI 25.5–36.6), worse than Dacorum',
    });
  });

  it('recomputes intervals at 99.8%, where 81/263 is no longer different from a 24% benchmark', () => {
    const at24 = values.map((v) =>
      v.indicatorId === income.id && v.areaCode === dacorum.code ? { ...v, numerator: 3600 } : v,
    );
    const at95 = cell(buildRug(input({ values: at24 })), 'Adeyfield West', income.id);
    const at998 = cell(
      buildRug(input({ values: at24, confidence: 0.998 })),
      'Adeyfield West',
      income.id,
    );
    expect(at95.judgement).toBe('worse');
    expect(at998.judgement).toBe('similar');
    expect(at998.lower).toBeCloseTo(
      wilson(81, 263, { confidence: 0.998, multiplier: 100 }).lower,
      12,
    );
    expect(at998.text).toBe('30.8% ●');
    expect(at998.label).toContain('(99.8% CI 22.8–40.1), similar to Dacorum');
  });

  it('judges against England when asked, and still reports the comparison with the parent', () => {
    const c = cell(buildRug(input({ benchmark: 'england' })), 'Apsley and Corner Hall', income.id);
    // 150/1000: 95% CI about 12.9%–17.4%, containing England's 14.0% and below Dacorum's 20%.
    expect(c.comparison).toEqual({ parent: 'lower', england: 'similar' });
    expect(c.judgement).toBe('similar');
    expect(c.label).toMatch(/similar to England$/);
  });

  it('does not compare fewer than the minimum number of events, but still shows the value', () => {
    const c = cell(buildRug(input()), 'Bennetts End', income.id);
    expect(c).toMatchObject({
      judgement: 'not_compared',
      reason: 'below_minimum_count',
      token: 'not_compared',
      text: '1.3%',
    });
    expect(c.comparison).toEqual({ parent: 'not_compared', england: 'not_compared' });
    expect(c.label).toBe(
      'Bennetts End, Income deprivation 1.3% (95% CI 0.5–3.4), not compared: fewer than 5 events',
    );
  });

  it('shows suppressed and missing values as a dash and says which', () => {
    const rug = buildRug(input());
    const suppressed = cell(rug, 'Berkhamsted Castle', income.id);
    expect(suppressed).toMatchObject({
      value: null,
      text: '– suppressed',
      reason: 'suppressed',
      token: 'not_compared',
    });
    expect(suppressed.label).toBe(
      'Berkhamsted Castle, Income deprivation: value suppressed. Suppressed by the publisher.',
    );
    const missing = cell(rug, 'Chaulden and Warners End', income.id);
    expect(missing).toMatchObject({ value: null, text: '–', reason: 'no_value' });
    expect(missing.label).toBe('Chaulden and Warners End, Income deprivation: no value');
  });

  it('says when a value is a partial aggregate, with its note', () => {
    const c = cell(buildRug(input()), 'Boxmoor', income.id);
    expect(c.label).toMatch(/lower than Dacorum|better than Dacorum/);
    expect(c.label).toMatch(/; partial data \(3 of 4 LSOAs\)$/);
  });

  it('bands values without an interval into quintiles of the areas shown, without a significance test', () => {
    const rug = buildRug(input());
    // Six distances 0.9, 1.2, 0.4, 2.5, 0.7, 1.6 have ranks 3, 4, 1, 6, 2, 5; bands
    // 6 − ⌈(7 − r)·5/6⌉ (OHID "Assigning Deprivation Categories") = 2, 3, 1, 5, 1, 4.
    const bands = rug.rows.map((r) => r.cells[1]?.band);
    expect(bands).toEqual([2, 3, 1, 5, 1, 4]);
    const c = cell(rug, 'Bennetts End', distance.id);
    expect(c).toMatchObject({
      token: 'quintile_1',
      judgement: 'not_compared',
      reason: null,
      text: '0.40',
    });
    expect(c.comparison).toEqual({ parent: 'not_compared', england: 'not_compared' });
    expect(c.label).toBe(
      'Bennetts End, Road distance to a GP surgery 0.40 km, quintile 1 of 5 within the areas shown (no significance test)',
    );
    expect(cell(rug, 'Dacorum', distance.id)).toMatchObject({ token: 'benchmark', band: 0 });
  });

  it('reads high-is-good indicators the other way round', () => {
    const c = cell(buildRug(input()), 'Adeyfield West', satisfied.id);
    // 80/100 against Dacorum's 60%: higher, so better.
    expect(c).toMatchObject({ judgement: 'better', token: 'better', text: '80.0% ▲' });
  });

  it('does not compare a survey with fewer than 30 respondents', () => {
    const c = cell(buildRug(input()), 'Apsley and Corner Hall', satisfied.id);
    expect(c.reason).toBe('below_minimum_denominator');
    expect(c.label).toMatch(/not compared: denominator below 30$/);
  });

  it('reports higher and lower without judgement for no-judgement indicators', () => {
    const c = cell(buildRug(input()), 'Adeyfield West', olderPeople.id);
    expect(c).toMatchObject({ judgement: 'higher', token: 'higher', text: '30.0% ▲' });
    expect(c.label).toMatch(/higher than Dacorum$/);
  });

  it('treats the authority as the benchmark when the areas are compared with it, still reporting it against England', () => {
    const parent = cell(buildRug(input()), 'Dacorum', income.id);
    expect(parent).toMatchObject({
      token: 'benchmark',
      judgement: 'not_compared',
      comparison: { parent: 'not_compared', england: 'higher' },
      text: '20.0%',
    });
    expect(parent.label).toMatch(/, benchmark$/);
  });

  it('judges the parent row against England when England is the benchmark, and leaves England uncompared', () => {
    const rug = buildRug(input({ benchmark: 'england' }));
    const parent = cell(rug, 'Dacorum', income.id);
    expect(parent).toMatchObject({
      judgement: 'worse',
      comparison: { parent: 'not_compared', england: 'higher' },
    });
    expect(parent.label).toMatch(/worse than England$/);
    const eng = cell(rug, 'England', income.id);
    expect(eng).toMatchObject({
      token: 'benchmark',
      judgement: 'not_compared',
      reason: null,
      text: '14.0%',
    });
    expect(eng.label).toMatch(
      /^England, Income deprivation 14\.0% \(95% CI 14\.0–14\.0\), benchmark$/,
    );
  });

  it('uses given lower and upper limits only at the confidence level they were made for', () => {
    const given: RugValueInput[] = [
      { indicatorId: distance.id, areaCode: adeyfield ?? '', value: 5, lower: 4, upper: 6 },
      { indicatorId: distance.id, areaCode: dacorum.code, value: 3 },
    ];
    const meanIndicator: IndicatorDefinition = { ...distance, id: distance.id, interval: 'mean' };
    const at95 = cell(
      buildRug(input({ indicators: [meanIndicator], values: given })),
      'Adeyfield West',
      distance.id,
    );
    expect(at95).toMatchObject({ lower: 4, upper: 6, comparison: { parent: 'higher' } });
    const at998 = cell(
      buildRug(input({ indicators: [meanIndicator], values: given, confidence: 0.998 })),
      'Adeyfield West',
      distance.id,
    );
    expect(at998).toMatchObject({ lower: null, reason: 'no_interval', judgement: 'not_compared' });
  });

  it('compares each area with its own parent and says when an area has none', () => {
    const watford: RugArea = { code: 'E07000103', name: 'Watford' };
    const areas: RugArea[] = [
      { code: 'W1', name: 'Central', parentCode: watford.code },
      { code: 'D1', name: 'Adeyfield West', parentCode: dacorum.code },
      { code: 'X1', name: 'Nowhere' },
    ];
    const rows: RugValueInput[] = [
      counts(income.id, 'W1', 81, 263),
      counts(income.id, 'D1', 81, 263),
      counts(income.id, 'X1', 81, 263),
      counts(income.id, watford.code, 400, 1000),
      counts(income.id, dacorum.code, 200, 1000),
    ];
    const rug = buildRug(
      input({
        areas,
        values: rows,
        indicators: [income],
        benchmarks: { parents: [watford, dacorum] },
      }),
    );
    expect(rug.rows.map((r) => r.cells[0]?.judgement)).toEqual(['better', 'worse', 'not_compared']);
    expect(rug.rows[2]?.cells[0]?.reason).toBe('no_benchmark');
    expect(rug.rows[2]?.cells[0]?.label).toMatch(/not compared: no benchmark area$/);
    expect(rug.legend.columns[0]?.text).toContain("each area's parent area");
  });

  describe('sorting', () => {
    it('sorts by name, numbers within names in numeric order', () => {
      const areas: RugArea[] = [
        { code: 'a', name: 'Ward 10' },
        { code: 'b', name: 'ward 2' },
        { code: 'c', name: 'Ward 1' },
      ];
      const asc = buildRug(input({ areas, values: [], sort: { by: 'name' } }));
      expect(asc.rows.map((r) => r.name)).toEqual(['Ward 1', 'ward 2', 'Ward 10']);
      const desc = buildRug(input({ areas, values: [], sort: { by: 'name', direction: 'desc' } }));
      expect(desc.rows.map((r) => r.name)).toEqual(['Ward 10', 'ward 2', 'Ward 1']);
    });

    it('sorts by an indicator either way with missing values last', () => {
      const asc = buildRug(input({ sort: { by: 'indicator', indicatorId: income.id } }));
      expect(asc.rows.map((r) => r.name)).toEqual([
        'Bennetts End',
        'Boxmoor',
        'Apsley and Corner Hall',
        'Adeyfield West',
        'Berkhamsted Castle',
        'Chaulden and Warners End',
      ]);
      const desc = buildRug(
        input({ sort: { by: 'indicator', indicatorId: income.id, direction: 'desc' } }),
      );
      expect(desc.rows.map((r) => r.name)).toEqual([
        'Adeyfield West',
        'Apsley and Corner Hall',
        'Boxmoor',
        'Bennetts End',
        'Berkhamsted Castle',
        'Chaulden and Warners End',
      ]);
    });

    it('refuses to sort by an indicator that is not a column', () => {
      expect(() => buildRug(input({ sort: { by: 'indicator', indicatorId: 'nope' } }))).toThrow(
        RangeError,
      );
    });
  });

  describe('legend', () => {
    it('says exactly how each column was compared', () => {
      const rug = buildRug(input());
      const [incomeLegend, distanceLegend] = rug.legend.columns;
      expect(incomeLegend).toMatchObject({
        comparisonMethod: 'significance',
        tokens: ['better', 'similar', 'worse', 'not_compared'],
      });
      expect(incomeLegend?.text).toContain(
        'Compared with Dacorum using 95% confidence intervals (Wilson score)',
      );
      expect(incomeLegend?.text).toContain('lower is better');
      expect(incomeLegend?.text).toContain('fewer than 5 events');
      expect(distanceLegend).toMatchObject({
        comparisonMethod: 'quintile',
        text: `${QUINTILE_LEGEND}.`,
      });
      expect(rug.legend.columns[3]?.tokens).toEqual(['higher', 'similar', 'lower', 'not_compared']);
      expect(rug.columns[0]?.methodNote).toBe('Wilson score 95% CI, compared with Dacorum');
      expect(rug.columns[1]?.methodNote).toBe(
        'Quintiles within the areas shown (equal values share a quintile), no significance test',
      );
      expect(rug.legend.summary).toContain('no significance test');
    });

    it('names the confidence level in use', () => {
      const rug = buildRug(input({ confidence: 0.998, benchmark: 'england' }));
      expect(rug.legend.columns[0]?.text).toContain(
        'Compared with England using 99.8% confidence intervals',
      );
      expect(rug.columns[0]?.methodNote).toBe('Wilson score 99.8% CI, compared with England');
    });

    it('lists the colour tokens the rug can use', () => {
      const ids = buildRug(input()).legend.tokens.map((t) => t.id);
      expect(ids).toEqual(
        expect.arrayContaining([
          'better',
          'worse',
          'similar',
          'higher',
          'lower',
          'not_compared',
          'quintile_1',
          'quintile_5',
          'benchmark',
        ]),
      );
    });
  });

  it('serialises to plain data with full-precision numbers and labels', () => {
    const json: unknown = JSON.parse(JSON.stringify(buildRug(input())));
    const first = (json as { rows: { cells: Record<string, unknown>[] }[] }).rows[0]?.cells[0];
    expect(first).toMatchObject({
      indicatorId: income.id,
      value: (81 / 263) * 100,
      judgement: 'worse',
      label: 'Adeyfield West, Income deprivation 30.8% (95% CI 25.5–36.6), worse than Dacorum',
    });
  });

  it('rejects a confidence level other than 95% or 99.8%', () => {
    expect(() => buildRug(input({ confidence: 0.9 as 0.95 }))).toThrow(RangeError);
  });
});
