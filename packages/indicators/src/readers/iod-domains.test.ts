// The fixture is hand-made: File 2's real headers, in a shuffled order, over two invented rows.
import { describe, expect, it } from 'vitest';
import { readIodDomains } from './iod-domains.ts';
import type { CsvFormatProblem } from './csv-format-error.ts';

const formatError = (fields: Partial<CsvFormatProblem>) =>
  expect.objectContaining({ name: 'CsvFormatError', ...fields });

const HEADERS = [
  'Local Authority District name (2019)',
  'LSOA code (2011)',
  'Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)',
  'Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)',
  'Local Authority District code (2019)',
  'LSOA name (2011)',
  'Income Rank (where 1 is most deprived)',
  'Income Decile (where 1 is most deprived 10% of LSOAs)',
  'Employment Rank (where 1 is most deprived)',
  'Employment Decile (where 1 is most deprived 10% of LSOAs)',
  'Education, Skills and Training Rank (where 1 is most deprived)',
  'Education, Skills and Training Decile (where 1 is most deprived 10% of LSOAs)',
  'Health Deprivation and Disability Rank (where 1 is most deprived)',
  'Health Deprivation and Disability Decile (where 1 is most deprived 10% of LSOAs)',
  'Crime Rank (where 1 is most deprived)',
  'Crime Decile (where 1 is most deprived 10% of LSOAs)',
  'Barriers to Housing and Services Rank (where 1 is most deprived)',
  'Barriers to Housing and Services Decile (where 1 is most deprived 10% of LSOAs)',
  'Living Environment Rank (where 1 is most deprived)',
  'Living Environment Decile (where 1 is most deprived 10% of LSOAs)',
];
const csvLine = (fields: readonly string[]) =>
  fields.map((f) => (f.includes(',') ? `"${f}"` : f)).join(',');
const headerLine = csvLine(HEADERS);
const ROWS = [
  '"Bristol, City of",E01014485,3001,1,E06000023,Bristol 001A,10,1,20,1,30,1,40,1,50,1,60,1,70,1',
  'Dacorum,E01023666,32844,10,E07000096,Dacorum 001A,1,1,2,1,3284,1,3285,2,9000,3,15000,5,20000,7',
];
const file2 = (rows: string[] = ROWS, header = headerLine) =>
  `\uFEFF${header}\r\n${rows.join('\r\n')}\r\n`;

describe('readIodDomains', () => {
  it('reads codes, names and every domain rank and decile by header name, whatever the column order', () => {
    const [bristol, dacorum] = readIodDomains(file2());
    expect(bristol).toEqual({
      lsoaCode: 'E01014485',
      lsoaName: 'Bristol 001A',
      ladCode: 'E06000023',
      ladName: 'Bristol, City of',
      ranks: {
        imd: 3001,
        income: 10,
        employment: 20,
        education: 30,
        health: 40,
        crime: 50,
        housing: 60,
        environment: 70,
      },
      deciles: {
        imd: 1,
        income: 1,
        employment: 1,
        education: 1,
        health: 1,
        crime: 1,
        housing: 1,
        environment: 1,
      },
    });
    expect(dacorum?.ranks.imd).toBe(32844);
    expect(dacorum?.deciles).toEqual({
      imd: 10,
      income: 1,
      employment: 1,
      education: 1,
      health: 2,
      crime: 3,
      housing: 5,
      environment: 7,
    });
  });

  it('names a missing domain column', () => {
    const withoutCrimeRank = csvLine(
      HEADERS.map((h) => (h.startsWith('Crime Rank') ? 'Something else' : h)),
    );
    expect(() => readIodDomains(file2(ROWS, withoutCrimeRank), 'f2.csv')).toThrow(
      formatError({
        line: 1,
        column: 'Crime Rank (where 1 is most deprived)',
        reason: 'missing required column',
      }),
    );
  });

  it('rejects a rank that is not a whole number, naming the line and column', () => {
    const bad = [ROWS[0] ?? '', (ROWS[1] ?? '').replace(',9000,', ',9x00,')];
    expect(() => readIodDomains(file2(bad), 'f2.csv')).toThrow(
      formatError({
        line: 3,
        column: 'Crime Rank (where 1 is most deprived)',
        reason: '"9x00" is not a number',
      }),
    );
  });

  it('rejects a decile outside 1–10', () => {
    const bad = [(ROWS[0] ?? '').replace('3001,1,', '3001,11,')];
    expect(() => readIodDomains(file2(bad), 'f2.csv')).toThrow(
      formatError({ line: 2, reason: '11 is out of range (expected from 1 to 10)' }),
    );
  });

  it('rejects a truncated last row', () => {
    const cut = [ROWS[0] ?? '', 'Dacorum,E01023666,32844,10,E07000096'];
    expect(() => readIodDomains(file2(cut), 'f2.csv')).toThrow(
      formatError({ line: 3, column: null }),
    );
  });

  it("refuses IoD2025's file on LSOA 2021, naming the release it expected and the one it found", () => {
    const iod2025 = headerLine
      .replace('LSOA code (2011)', 'LSOA code (2021)')
      .replace('LSOA name (2011)', 'LSOA name (2021)')
      .replaceAll('(2019)', '(2024)');
    expect(() => readIodDomains(file2([], iod2025), 'File_2_IoD2025.csv')).toThrow(
      'File_2_IoD2025.csv: line 1: another release\'s file: expected IoD2019 on LSOA 2011 (column "LSOA code (2011)"), found IoD2025 on LSOA 2021 (column "LSOA code (2021)")',
    );
  });

  it("refuses IoD2015's file (LSOA 2011, but 2013 authorities)", () => {
    const iod2015 = headerLine.replaceAll('(2019)', '(2013)');
    expect(() => readIodDomains(file2([], iod2015), 'f2.csv')).toThrow(
      formatError({
        column: null,
        reason:
          'another release\'s file: expected IoD2019 on LSOA 2011 (column "Local Authority District code (2019)"), found IoD2015 on LSOA 2011 (column "Local Authority District code (2013)")',
      }),
    );
  });
});
