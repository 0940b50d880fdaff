// Honest colours: equal values (as displayed) share a band, an indicator measured for the whole
// authority is never compared between its wards, a column with one value throughout is never
// banded, and every empty cell says why.
import { describe, expect, it } from 'vitest';
import { indicatorById } from '../catalogue/catalogue.ts';
import type { IndicatorDefinition } from '../catalogue/indicator-definition.ts';
import { buildRug } from './build-rug.ts';
import { roundAsDisplayed } from './format-value.ts';
import type { BuildRugInput, RugArea, RugValueInput } from './rug-model.ts';

function entry(id: string): IndicatorDefinition {
  const d = indicatorById(id);
  if (d === undefined) throw new Error(`missing catalogue entry ${id}`);
  return d;
}
const distance = entry('distance_gp'); // 2 decimals, quintiles
const homelessness = entry('homelessness_rate');
const cni = entry('cni_score');

const parent: RugArea = { code: 'E06000042', name: 'Milton Keynes' };
const england: RugArea = { code: 'E92000001', name: 'England' };
const wards: RugArea[] = Array.from({ length: 10 }, (_, i) => ({
  code: `E0500${2397 + i}`,
  name: `Ward ${String(i + 1).padStart(2, '0')}`,
  parentCode: parent.code,
}));

function rugOf(values: RugValueInput[], overrides: Partial<BuildRugInput> = {}) {
  return buildRug({
    areas: wards,
    indicators: [distance, homelessness, cni],
    values,
    benchmarks: { parents: [parent], england },
    level: 'ward',
    benchmark: 'parent',
    confidence: 0.95,
    ...overrides,
  });
}
const at = (id: string, i: number, value: number): RugValueInput => ({
  indicatorId: id,
  areaCode: wards[i]?.code ?? '',
  value,
});

describe('equal values, equal colours', () => {
  // Hand-made ties: ten wards, where 6.955 and 6.9649 both read 6.96 and a naive rank split
  // would put them in different fifths (ranks 4 and 5 of 10 fall in quintiles 2 and 3).
  const distances = [1.1, 2.2, 3.3, 6.955, 6.9649, 7.5, 8.1, 9.0, 9.9, 12.0];
  const rug = rugOf(distances.map((v, i) => at(distance.id, i, v)));
  const cells = rug.rows.map((r) => r.cells[0]);

  it('gives values that read the same the same band and the same colour', () => {
    expect(cells[3]?.text).toBe('6.96');
    expect(cells[4]?.text).toBe('6.96');
    expect(cells[3]?.band).toBe(cells[4]?.band);
    expect(cells[3]?.token).toBe(cells[4]?.token);
  });

  it('puts a tie in the band of its lowest rank (OHID / phe_quantile): ranks 4 and 5 of 10 both band 2', () => {
    expect(cells.map((c) => c?.band)).toEqual([1, 1, 2, 2, 2, 3, 4, 4, 5, 5]);
  });

  it('states the tie rule in the legend and the column note', () => {
    expect(rug.legend.summary).toContain(
      'values equal as displayed share the quintile of the lowest of them',
    );
    expect(rug.columns[0]?.methodNote).toContain('equal values share a quintile');
    expect(rug.columns[0]?.notBanded).toBeNull();
  });

  it('rounds as the cell shows the value', () => {
    expect(roundAsDisplayed(6.955, 2)).toBe(6.96);
    expect(roundAsDisplayed(6.9649, 2)).toBe(6.96);
    expect(roundAsDisplayed(12345.678, 1)).toBe(12345.7);
    expect(roundAsDisplayed(Number.NaN, 2)).toBeNaN();
  });
});

describe('values the same in every area shown', () => {
  // Real shape of Dacorum's wards: an authority figure averaged over LSOAs reads 2.74 or 2.75.
  const rug = rugOf([
    ...wards.map((_, i) => at(distance.id, i, 1.5 + (i % 2) * 1e-9)),
    ...wards.map((_, i) => at(homelessness.id, i, i < 4 ? 2.7449999 : 2.7450001)),
  ]);

  it('never bands a column whose values all read the same, and says so in the cell', () => {
    const cell = rug.rows[0]?.cells[0];
    expect(
      rug.rows.every((r) => r.cells[0]?.band === 0 && r.cells[0]?.token === 'not_compared'),
    ).toBe(true);
    expect(cell).toMatchObject({ gap: 'constant', text: '1.50 (same in every area shown)' });
    expect(cell?.label).toContain('not compared. Same in every area shown');
    expect(rug.columns[0]?.notBanded).toBe('constant');
    expect(rug.legend.summary).toContain('same in every area shown');
  });

  it('does not compare wards on an indicator IoD2019 measures for the whole authority, even when they differ by rounding', () => {
    expect(homelessness.measuredFor).toBe('local_authority');
    const texts = rug.rows.map((r) => r.cells[1]?.text);
    expect(new Set(rug.rows.map((r) => r.cells[1]?.token))).toEqual(new Set(['not_compared']));
    expect(
      rug.rows.every((r) => r.cells[1]?.band === 0 && r.cells[1]?.gap === 'authority_wide'),
    ).toBe(true);
    expect(texts[0]).toBe('2.74 (same for the whole authority)');
    expect(texts[9]).toBe('2.75 (same for the whole authority)');
    expect(rug.columns[1]?.notBanded).toBe('authority_wide');
    expect(rug.legend.columns[1]?.text).toContain('Same for the whole authority');
    expect(rug.legend.columns[1]?.tokens).toEqual(['not_compared']);
  });
});

describe('every gap explained', () => {
  const vintage =
    "Milton Keynes's wards changed in 2014: the Community Needs Index is published for 2017 wards, which do not join these wards of December 2013.";
  const rug = rugOf(
    [
      ...wards.map((_, i) => at(distance.id, i, i + 1)),
      { indicatorId: distance.id, areaCode: wards[0]?.code ?? '', value: null, suppressed: true },
    ],
    {
      missing: new Map([[cni.id, { gap: 'ward_vintage', explanation: vintage }]]),
      suppressedBelow: new Map([[distance.id, 'counts below 10 are not published']]),
    },
  );

  it('says a different ward vintage in the text, the explanation and the label', () => {
    const cell = rug.rows[1]?.cells[2];
    expect(cell).toMatchObject({
      value: null,
      gap: 'ward_vintage',
      text: '– other ward vintage',
      explanation: vintage,
    });
    expect(cell?.label).toContain(vintage);
  });

  it('says a suppressed value is suppressed, and below what', () => {
    const cell = rug.rows[0]?.cells[0];
    expect(cell).toMatchObject({ gap: 'suppressed', text: '– suppressed' });
    expect(cell?.explanation).toBe(
      'Suppressed by the publisher: counts below 10 are not published.',
    );
  });

  it('says plainly when the source has no value and nothing more is known', () => {
    expect(rug.rows[1]?.cells[1]).toMatchObject({ gap: 'no_value', text: '–' });
  });
});
