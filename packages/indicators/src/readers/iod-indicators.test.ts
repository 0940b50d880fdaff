// The fixture is hand-made: the real underlying-indicator headers (quoted, as in the file),
// columns reordered, over two rows modelled on City of London 001A/001B.
import { describe, expect, it } from 'vitest';
import { IOD_INDICATOR_COLUMNS, readIodIndicators } from './iod-indicators.ts';
import type { CsvFormatProblem } from './csv-format-error.ts';

const formatError = (fields: Partial<CsvFormatProblem>) =>
  expect.objectContaining({ name: 'CsvFormatError', ...fields });

const NUMERATORS = [
  'employment_domain_numerator',
  'income_domain_numerator',
  'income_deprivation_affecting_children_index_idaci_numerator',
  'income_deprivation_affecting_older_people_index_idaopi_numerator',
];
const header = ['lsoa11_code', ...NUMERATORS, ...IOD_INDICATOR_COLUMNS]
  .map((h) => `"${h}"`)
  .join(',');
// 24 indicator values: the first three as in E01000001, then −3 to 17 (z-scores can be negative).
const indicatorValues = [
  '0.13',
  '0.731',
  '0.032',
  ...Array.from({ length: 21 }, (_, i) => String(i - 3)),
];
const rowWith = (code: string, numerators: string[], indicators = indicatorValues) =>
  [`"${code}"`, ...numerators, ...indicators].join(',');

describe('readIodIndicators', () => {
  it('reads numerators and indicators by name, and empty cells as missing (null), never zero', () => {
    const text = `${header}\n${rowWith('E01000001', ['', '', '', ''])}\n${rowWith('E01000002', ['15', '40', '', '10'])}\n`;
    const [suppressed, counted] = readIodIndicators(text);
    expect(suppressed?.numerators).toEqual({
      income: null,
      idaci: null,
      idaopi: null,
      employment: null,
    });
    expect(counted?.lsoaCode).toBe('E01000002');
    expect(counted?.numerators).toEqual({ income: 40, idaci: null, idaopi: 10, employment: 15 });
    expect(counted?.indicators.staying_on_in_education_post_16_indicator).toBe(0.13);
    expect(counted?.indicators.years_of_potential_life_lost_indicator).toBe(-3);
    expect(counted?.indicators.air_quality_indicator).toBe(17);
  });

  it('keeps an empty indicator as null', () => {
    const indicators = ['', ...indicatorValues.slice(1)];
    const [record] = readIodIndicators(
      `${header}\n${rowWith('E01000003', ['5', '5', '5', '5'], indicators)}\n`,
    );
    expect(record?.indicators.staying_on_in_education_post_16_indicator).toBeNull();
  });

  it('rejects a numerator that is not a whole count', () => {
    const text = `${header}\n${rowWith('E01000001', ['15', '40.5', '', '10'])}\n`;
    expect(() => readIodIndicators(text, 'ind.csv')).toThrow(
      formatError({
        line: 2,
        column: 'income_domain_numerator',
        reason: '"40.5" is not a whole number',
      }),
    );
  });

  it('rejects a non-numeric indicator, naming the line and column', () => {
    const indicators = [...indicatorValues.slice(0, 23), 'n/a'];
    const text = `${header}\n${rowWith('E01000001', ['', '', '', ''])}\n${rowWith('E01000002', ['', '', '', ''], indicators)}\n`;
    expect(() => readIodIndicators(text, 'ind.csv')).toThrow(
      formatError({ line: 3, column: 'air_quality_indicator', reason: '"n/a" is not a number' }),
    );
  });

  it('names a missing numerator column', () => {
    const text = `${header.replace('"employment_domain_numerator"', '"employment"')}\n`;
    expect(() => readIodIndicators(text, 'ind.csv')).toThrow(
      formatError({
        line: 1,
        column: 'employment_domain_numerator',
        reason: 'missing required column',
      }),
    );
  });

  it('refuses indicators on LSOA 2021, naming the vintage it found', () => {
    const text = `${header.replace('"lsoa11_code"', '"lsoa21_code"')}\n`;
    expect(() => readIodIndicators(text, 'ind.csv')).toThrow(
      formatError({
        line: 1,
        column: null,
        reason:
          'another release\'s file: expected IoD2019 on LSOA 2011 (column "lsoa11_code"), found LSOA 2021 (column "lsoa21_code")',
      }),
    );
  });
});
