import { describe, expect, it } from 'vitest';
import { indicatorById } from '../catalogue/catalogue.ts';
import type { IndicatorDefinition } from '../catalogue/indicator-definition.ts';
import { estateValues, type EstateLsoaFigures } from './estate-values.ts';

const definitions = (...ids: string[]): IndicatorDefinition[] =>
  ids.map((id) => {
    const d = indicatorById(id);
    if (!d) throw new Error(`no ${id} in the catalogue`);
    return d;
  });

// A hand-made estate of two LSOAs (made-up figures, chosen to work out on paper).
const a: EstateLsoaFigures = {
  code: 'A',
  ranks: { imd: 1000 },
  population: { total: 1500, workingAge: 900 },
  values: new Map([
    ['income_deprivation_rate', { value: 20, numerator: 300, denominator: 1500 }],
    ['air_quality', { value: 1.0, numerator: null, denominator: null }],
  ]),
};
const b: EstateLsoaFigures = {
  code: 'B',
  ranks: { imd: 20000 },
  population: { total: 1000, workingAge: 600 },
  values: new Map([
    ['income_deprivation_rate', { value: 10, numerator: 100, denominator: 1000 }],
    ['air_quality', { value: 2.0, numerator: null, denominator: null }],
  ]),
};

describe("an estate's values from its LSOAs", () => {
  const [average, extent, proportion, income, air, cni] = estateValues(
    'EST-1',
    definitions(
      'imd_average_rank',
      'imd_extent',
      'imd_proportion',
      'income_deprivation_rate',
      'air_quality',
      'cni_score',
    ),
    [a, b],
  );

  it('weights the IMD summary ranks (N + 1 − rank) by total population: (31,845 × 1,500 + 12,845 × 1,000) / 2,500 = 24,245', () => {
    // IoD2019 Research Report, Appendix A: summary rank = 32,844 + 1 − rank.
    expect(average?.value).toBe(24245);
    expect(average?.note).toBeNull();
  });

  it('counts the people in LSOAs among the most deprived 10% for extent (1,500 of 2,500 = 60%) and the LSOAs for proportion (1 of 2 = 50%)', () => {
    // A is in the 4th national percentile (weight 1), B in the 61st (weight 0).
    expect(extent?.value).toBeCloseTo(60, 10);
    expect(proportion?.value).toBeCloseTo(50, 10);
  });

  it('sums numerators and denominators for rates (400 of 2,500), never averaging the LSOA rates', () => {
    expect(income).toMatchObject({ numerator: 400, denominator: 2500, status: 'complete' });
  });

  it('takes a population-weighted mean of the other measures: (1.0 × 1,500 + 2.0 × 1,000) / 2,500 = 1.4', () => {
    expect(air?.value).toBeCloseTo(1.4, 10);
  });

  it('leaves a ward-only measure empty and says why', () => {
    expect(cni).toMatchObject({ value: null, note: 'published for wards only, not for estates' });
  });

  it('says when an LSOA had no rank loaded, and uses the rest', () => {
    const [partial] = estateValues('EST-1', definitions('imd_average_rank'), [
      a,
      { ...b, ranks: {} },
    ]);
    expect(partial).toMatchObject({ value: 31845, status: 'partial', note: 'from 1 of 2 LSOAs' });
  });

  it('gives an estate with no LSOA under it no values, with the reason', () => {
    const [none] = estateValues('EST-1', definitions('income_deprivation_rate'), []);
    expect(none).toMatchObject({ value: null, note: 'no LSOA lies under this estate' });
  });
});
