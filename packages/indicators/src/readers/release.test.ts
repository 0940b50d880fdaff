// The fixtures are hand-made header rows; only the header matters to which release a file is.
import { describe, expect, it } from 'vitest';
import { parseCsvTable } from './csv.ts';
import { IOD2019_PUBLISHED, requireRelease, type ExpectedRelease } from './release.ts';

const table = (header: string) => parseCsvTable(`${header}\n`, 'file.csv');

describe('requireRelease', () => {
  it('accepts a file with every header of its release, in any letter case', () => {
    expect(() =>
      requireRelease(
        table('lsoa code (2011),LSOA name (2011),Local Authority District code (2019)'),
        IOD2019_PUBLISHED,
      ),
    ).not.toThrow();
  });

  it('names a release it knows by one of its headers', () => {
    expect(() =>
      requireRelease(
        table('LSOA code (2021),Local Authority District code (2024)'),
        IOD2019_PUBLISHED,
      ),
    ).toThrow(
      'file.csv: line 1: another release\'s file: expected IoD2019 on LSOA 2011 (column "LSOA code (2011)"), found IoD2025 on LSOA 2021 (column "LSOA code (2021)")',
    );
  });

  it('names the vintage of a geography code column it does not know as a release', () => {
    const wards: ExpectedRelease = {
      name: 'wards December 2013',
      geography: 'wards 2013',
      headers: ['WD13CD'],
      others: [],
    };
    expect(() => requireRelease(table('wd17cd,wd17nm'), wards)).toThrow(
      /expected wards December 2013 \(column "WD13CD"\), found wards 2017 \(column "wd17cd"\)$/,
    );
  });

  it('leaves a missing column to the reader when the file shows no other release', () => {
    expect(() =>
      requireRelease(
        table('LSOA name (2011),Local Authority District code (2019)'),
        IOD2019_PUBLISHED,
      ),
    ).not.toThrow();
  });

  it('does not take its own geography for another release', () => {
    const indicators: ExpectedRelease = {
      name: 'IoD2019 on LSOA 2011',
      geography: 'LSOA 2011',
      headers: ['lsoa11_code'],
      others: [],
    };
    expect(() =>
      requireRelease(table('LSOA code (2011),Income Domain numerator'), indicators),
    ).not.toThrow();
  });
});
