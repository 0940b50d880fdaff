// The fixture is hand-made: File 6's real headers over three rows, the first two as the real
// file writes City of London's ("1,296" quoted, with a thousands separator).
import { describe, expect, it } from 'vitest';
import { readPopulationDenominators } from './population.ts';
import type { CsvFormatProblem } from './csv-format-error.ts';

const formatError = (fields: Partial<CsvFormatProblem>) =>
  expect.objectContaining({ name: 'CsvFormatError', ...fields });

const HEADER =
  'LSOA code (2011),LSOA name (2011),Local Authority District code (2019),Local Authority District name (2019),' +
  'Total population: mid 2015 (excluding prisoners),Dependent Children aged 0-15: mid 2015 (excluding prisoners),' +
  'Population aged 16-59: mid 2015 (excluding prisoners),Older population aged 60 and over: mid 2015 (excluding prisoners),' +
  'Working age population 18-59/64: for use with Employment Deprivation Domain (excluding prisoners)';
const ROWS = [
  'E01000001,City of London 001A,E09000001,City of London,"1,296",175,656,465,715',
  'E01000002,City of London 001B,E09000001,City of London,"1,156",182,580,394,620',
  'E01014485,Bristol 001A,E06000023,"Bristol, City of","12,345",2000,"8,000","2,345","7,001"',
];
const file6 = (rows = ROWS, header = HEADER) => `${header}\n${rows.join('\n')}\n`;

describe('readPopulationDenominators', () => {
  it('reads every denominator, thousands separators and all', () => {
    const [first, , bristol] = readPopulationDenominators(file6());
    expect(first).toEqual({
      lsoaCode: 'E01000001',
      lsoaName: 'City of London 001A',
      ladCode: 'E09000001',
      ladName: 'City of London',
      total: 1296,
      children0to15: 175,
      aged16to59: 656,
      aged60AndOver: 465,
      workingAge: 715,
    });
    expect(bristol).toMatchObject({
      ladName: 'Bristol, City of',
      total: 12345,
      aged16to59: 8000,
      workingAge: 7001,
    });
  });

  it('names the missing working-age column', () => {
    const header = HEADER.replace('Working age population 18-59/64', 'Working population');
    expect(() => readPopulationDenominators(file6(ROWS, header), 'f6.csv')).toThrow(
      formatError({
        line: 1,
        column:
          'Working age population 18-59/64: for use with Employment Deprivation Domain (excluding prisoners)',
        reason: 'missing required column',
      }),
    );
  });

  it('rejects an empty population: a denominator cannot be missing', () => {
    const rows = [
      ROWS[0] ?? '',
      'E01000002,City of London 001B,E09000001,City of London,,182,580,394,620',
    ];
    expect(() => readPopulationDenominators(file6(rows), 'f6.csv')).toThrow(
      formatError({
        line: 3,
        column: 'Total population: mid 2015 (excluding prisoners)',
        reason: 'value is empty',
      }),
    );
  });

  it('rejects a decimal comma ("1,2") as not a number', () => {
    const rows = ['E01000001,City of London 001A,E09000001,City of London,"1,2",175,656,465,715'];
    expect(() => readPopulationDenominators(file6(rows), 'f6.csv')).toThrow(
      formatError({ line: 2, reason: '"1,2" is not a number' }),
    );
  });

  it('rejects a truncated row', () => {
    const rows = [ROWS[0] ?? '', 'E01000002,City of London 001B,E09000001,City of London,"1,156"'];
    expect(() => readPopulationDenominators(file6(rows), 'f6.csv')).toThrow(
      formatError({
        line: 3,
        reason: 'expected 9 fields as in the header, found 5 (truncated row?)',
      }),
    );
  });

  it("refuses IoD2025's denominators on LSOA 2021, naming both releases", () => {
    const iod2025 = HEADER.replace('LSOA code (2011)', 'LSOA code (2021)');
    expect(() => readPopulationDenominators(file6([], iod2025), 'f6.csv')).toThrow(
      formatError({
        line: 1,
        reason:
          'another release\'s file: expected IoD2019 on LSOA 2011 (column "LSOA code (2011)"), found IoD2025 on LSOA 2021 (column "LSOA code (2021)")',
      }),
    );
  });
});
