import { palette } from '@thrive/indicators';
import { describe, expect, it } from 'vitest';
import { cell, column, rugBody } from './fixture.ts';
import { cellDetails } from './rug-details.ts';
import { methodGroups } from './rug-legend.ts';
import { levelNoun, readRugChoice, rugParams } from './rug-params.ts';
import { themeGroups, themeName } from './rug-themes.ts';
import { columnFills, columnLabels, tokenOf, tokenStyle } from './rug-tokens.ts';

describe('themeGroups', () => {
  it('groups consecutive columns of one theme, in column order', () => {
    const columns = [
      column('a'),
      column('b'),
      column('c', { theme: 'health' }),
      column('d', { theme: 'community_needs' }),
      column('e'),
    ];
    expect(themeGroups(columns)).toEqual([
      { theme: 'deprivation', name: 'Deprivation', span: 2 },
      { theme: 'health', name: 'Health', span: 1 },
      { theme: 'community_needs', name: 'Community needs', span: 1 },
      { theme: 'deprivation', name: 'Deprivation', span: 1 },
    ]);
  });

  it('names an unknown theme from its id', () => {
    expect(themeName('green_spaces')).toBe('Green spaces');
  });
});

describe('tokens', () => {
  it('comes from the shared palette, with unknown ids drawn as not compared', () => {
    expect(tokenOf('worse')).toBe(palette.worse);
    expect(tokenOf('no_such_token')).toBe(palette.not_compared);
  });

  it('styles a cell with its background and text colour, hatching only "not compared"', () => {
    expect(tokenStyle('better')).toBe(
      `background-color: ${palette.better.background}; color: ${palette.better.text}`,
    );
    expect(tokenStyle('not_compared')).toContain('background-image: repeating-linear-gradient');
  });

  it('gives the map one fill and one label per area for a column', () => {
    const rug = rugBody();
    expect(columnFills(rug.rows, 0)).toEqual({
      E1: palette.worse.background,
      E2: palette.not_compared.background,
    });
    expect(columnLabels(rug.rows, 0)).toEqual({ E1: '12.5% ▲', E2: '–' });
    expect(columnFills(rug.rows, 9)).toEqual({});
  });
});

describe('cellDetails', () => {
  const rug = rugBody();

  it('gives value, interval, counts, both benchmarks with the comparisons, method and source', () => {
    const significant = cell('a', 14.091, {
      lower: 13.241,
      upper: 14.987,
      count: 860,
      denominator: 6103,
      comparison: { parent: 'higher', england: 'similar' },
      token: 'worse',
    });
    const details = cellDetails({
      cell: significant,
      column: rug.columns[0]!,
      columnIndex: 0,
      benchmarks: rug.benchmarks,
      confidence: 0.95,
      decimals: 1,
      source: 'English Indices of Deprivation 2019',
    });
    expect(details).toEqual([
      { term: 'Value', detail: '14.1%' },
      { term: '95% CI', detail: '13.2–15.0%' },
      { term: 'Count', detail: '860 of 6,103' },
      { term: 'Shown as', detail: 'Worse (14.1%)' },
      { term: 'Dacorum', detail: '10.0% (this area: higher ▲)' },
      { term: 'England', detail: '11.0% (this area: similar ●)' },
      { term: 'Method', detail: 'Wilson score 95% CI, compared with Dacorum' },
      { term: 'Source', detail: 'English Indices of Deprivation 2019' },
    ]);
  });

  it('says a value is suppressed, gives the quintile, and goes without a source until it is known', () => {
    const quintile = cellDetails({
      cell: cell('b', 3, { band: 4, token: 'quintile_4' }),
      column: rug.columns[1]!,
      columnIndex: 1,
      benchmarks: [],
      confidence: 0.998,
      decimals: 0,
    });
    expect(quintile).toContainEqual({ term: 'Quintile', detail: '4 of 5 within the areas shown' });
    expect(quintile.some((d) => d.term === 'Source')).toBe(false);
    const suppressed = cellDetails({
      cell: cell('a', null, { reason: 'suppressed' }),
      column: rug.columns[0]!,
      columnIndex: 0,
      benchmarks: [],
      confidence: 0.95,
      decimals: 1,
    });
    expect(suppressed[0]).toEqual({ term: 'Value', detail: 'Suppressed' });
  });
});

describe('methodGroups', () => {
  it('lists each method once with the columns using it', () => {
    const rug = rugBody();
    const legend = {
      ...rug.legend,
      columns: [...rug.legend.columns, { ...rug.legend.columns[0]!, indicatorId: 'c' }],
    };
    const columns = [...rug.columns, column('c', { shortLabel: 'Label c' })];
    expect(methodGroups(legend, columns)).toEqual([
      { text: 'Compared with Dacorum.', columns: ['Label a', 'Label c'] },
      { text: 'Quintiles within the areas shown.', columns: ['Label b'] },
    ]);
  });
});

describe('rug parameters from the URL', () => {
  it('reads the choice, with the API defaults for missing or unknown values', () => {
    expect(
      readRugChoice(
        new URLSearchParams('parent=E07000096&level=ward&benchmark=england&confidence=99.8'),
      ),
    ).toEqual({
      parent: 'E07000096',
      level: 'ward',
      benchmark: 'england',
      confidence: '99.8',
    });
    expect(
      readRugChoice(new URLSearchParams('parent=E07000096&benchmark=mars&confidence=50')),
    ).toEqual({
      parent: 'E07000096',
      level: 'ward',
      benchmark: 'parent',
      confidence: '95',
    });
    expect(readRugChoice(new URLSearchParams('level=ward'))).toBeNull();
  });

  it('passes custom indicators through and adds the sort for the CSV', () => {
    const choice = readRugChoice(new URLSearchParams('parent=X&indicators=a,b'))!;
    expect(rugParams(choice, 'a:desc')).toEqual({
      parent: 'X',
      level: 'ward',
      benchmark: 'parent',
      confidence: '95',
      indicators: 'a,b',
      sort: 'a:desc',
    });
    expect(rugParams(choice, null)).not.toHaveProperty('sort');
    expect(levelNoun('lsoa')).toBe('LSOAs');
  });
});
