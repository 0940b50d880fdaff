import { describe, expect, it } from 'vitest';
import { tokenOf } from '#lib/rug/rug-tokens.ts';
import {
  byTheme,
  comparisonText,
  formatValue,
  intervalText,
  keyMeasures,
  lsoaSummary,
  percent,
  populationOf,
  sourcesOf,
  type ProfileIndicator,
} from './profile.ts';

const IOD = 'English Indices of Deprivation 2019 (MHCLG)';

type Overrides = Partial<Omit<ProfileIndicator, 'cell'>> & {
  cell?: Partial<ProfileIndicator['cell']>;
};

function indicator(overrides: Overrides = {}): ProfileIndicator {
  const { cell, ...rest } = overrides;
  return {
    id: 'income_deprivation_rate',
    title: 'Income deprivation',
    shortLabel: 'Income deprived',
    theme: 'deprivation',
    unit: '%',
    polarity: 'low_is_good',
    comparisonMethod: 'significance',
    methodNote: '',
    parentValue: 8.524,
    englandValue: 12.826,
    parentText: '8.5%',
    englandText: '12.8%',
    spread: { min: 3.2, q1: 5.1, q3: 8.4, max: 14.1, count: 25 },
    decimals: 1,
    definition: 'Income-deprived share',
    source: IOD,
    licence: 'OGL-3.0',
    ...rest,
    cell: {
      indicator: rest.id ?? 'income_deprivation_rate',
      value: 14.091,
      lower: 13.241,
      upper: 14.987,
      count: 860,
      denominator: 6103,
      comparison: { parent: 'higher', england: 'higher' },
      judgement: 'worse',
      reason: null,
      band: 0,
      text: '14.1% ▲',
      token: 'worse',
      label: '',
      ...cell,
    },
  };
}

const quintile = indicator({
  id: 'imd_average_rank',
  title: 'IMD average rank',
  unit: 'rank',
  comparisonMethod: 'quintile',
  parentValue: 10835.2,
  englandValue: 16513.9,
  decimals: 0,
  definition: 'Average rank',
  cell: {
    value: 17213.4,
    lower: null,
    upper: null,
    count: null,
    denominator: null,
    comparison: { parent: 'not_compared', england: 'not_compared' },
    judgement: 'not_compared',
    band: 5,
    token: 'quintile_5',
  },
});

describe('formatting', () => {
  it("formats with the catalogue's decimals and the unit", () => {
    expect(formatValue(14.091, indicator())).toBe('14.1%');
    expect(formatValue(17213.4, quintile)).toBe('17,213');
    expect(formatValue(null, quintile)).toBe('–');
  });

  it('gives the interval with its confidence level, and none for quintile indicators', () => {
    expect(intervalText(indicator(), 0.95)).toBe('13.2–15.0%, 95% CI');
    expect(intervalText(quintile, 0.95)).toBeNull();
    expect(percent(0.998)).toBe('99.8');
  });
});

describe('comparisonText', () => {
  it('reads significance through the polarity, against the authority and England', () => {
    const text = comparisonText(
      indicator({ cell: { comparison: { parent: 'higher', england: 'similar' } } }),
      'Dacorum',
      'England',
    );
    expect(text).toEqual(['Worse than Dacorum', 'Similar to England']);
  });

  it('says why a comparison was not made', () => {
    const text = comparisonText(
      indicator({
        cell: {
          comparison: { parent: 'not_compared', england: 'not_compared' },
          reason: 'below_minimum_count',
        },
      }),
      'Dacorum',
      'England',
    );
    expect(text[0]).toBe('Not compared with Dacorum (too few events to compare)');
  });

  it('says what a quintile is among, and which way is better, for indicators without a test', () => {
    expect(comparisonText(quintile, 'Dacorum', 'England')).toEqual([
      "Among Dacorum's wards; lower is better",
    ]);
    expect(comparisonText({ ...quintile, polarity: 'no_judgement' }, 'Dacorum', 'England')).toEqual(
      ["Among Dacorum's wards"],
    );
  });
});

describe('tokenOf', () => {
  it("is the cell's palette token, with a symbol and label as well as colour", () => {
    expect(tokenOf(indicator().cell.token).label).toBe('Worse');
    expect(tokenOf('nonsense').id).toBe('not_compared');
  });
});

describe('keyMeasures', () => {
  it('writes one sentence per significance-tested indicator', () => {
    expect(keyMeasures([indicator(), quintile], 'Dacorum', 'England')).toEqual([
      'Income deprivation is 14.1%, worse than Dacorum (8.5%) and worse than England (12.8%).',
    ]);
  });
});

describe('populationOf', () => {
  it("is the income-deprivation denominator (IoD2019's total mid-2015 population)", () => {
    expect(populationOf([quintile, indicator()])).toBe(6103);
    expect(populationOf([quintile])).toBeNull();
  });
});

describe('lsoaSummary', () => {
  it('counts LSOAs, their decile range and those in the most deprived 20%', () => {
    const lsoa = (imdDecile: number | null) => ({
      code: 'E01',
      name: 'x',
      imdRank: null,
      imdDecile,
    });
    expect(lsoaSummary([lsoa(7), lsoa(2), lsoa(null), lsoa(1)])).toEqual({
      count: 4,
      mostDeprivedDecile: 1,
      leastDeprivedDecile: 7,
      inMostDeprived20: 2,
    });
    expect(lsoaSummary([])).toEqual({
      count: 0,
      mostDeprivedDecile: null,
      leastDeprivedDecile: null,
      inMostDeprived20: 0,
    });
  });
});

describe('byTheme and sourcesOf', () => {
  it('groups consecutive indicators by theme and lists each source once, in order', () => {
    const health = indicator({
      id: 'h',
      theme: 'health',
      source: 'Fingertips',
      licence: 'OGL-3.0',
    });
    expect(
      byTheme([indicator(), quintile, health]).map((g) => [g.theme, g.indicators.length]),
    ).toEqual([
      ['deprivation', 2],
      ['health', 1],
    ]);
    expect(sourcesOf([indicator(), quintile, health])).toEqual([
      { source: IOD, licence: 'OGL-3.0' },
      { source: 'Fingertips', licence: 'OGL-3.0' },
    ]);
  });
});
