// File 2 of IoD2019: each LSOA's local authority and its IMD and domain ranks and deciles.
import { IOD_DOMAIN_LABELS, byDomain, type IodDomain } from '../imd/domains.ts';
import {
  integerField,
  readCsvRecords,
  requireColumns,
  type CsvColumn,
  type CsvTable,
} from './csv.ts';
import type { CsvCursor } from './csv-cursor.ts';
import { lsoaIdentityReader, type LsoaIdentity } from './lsoa-identity.ts';
import { IOD2019_PUBLISHED, requireRelease } from './release.ts';

/** One LSOA of File 2: codes, names, and the rank (1 = most deprived) and decile (1 = most deprived 10%) of the IMD and each domain. */
export interface IodDomainsRecord extends LsoaIdentity {
  readonly ranks: Readonly<Record<IodDomain, number>>;
  readonly deciles: Readonly<Record<IodDomain, number>>;
}

/** File 2's header for a domain's rank, e.g. "Income Rank (where 1 is most deprived)". @see https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019 (File 2) */
export function iodRankHeader(domain: IodDomain): string {
  return `${IOD_DOMAIN_LABELS[domain]} Rank (where 1 is most deprived)`;
}

/** File 2's header for a domain's decile, e.g. "Income Decile (where 1 is most deprived 10% of LSOAs)". @see https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019 (File 2) */
export function iodDecileHeader(domain: IodDomain): string {
  return `${IOD_DOMAIN_LABELS[domain]} Decile (where 1 is most deprived 10% of LSOAs)`;
}

/**
 * Reads File 2 ("IoD2019 Domains of Deprivation") from its CSV text, columns found by name.
 * @throws CsvFormatError naming the line and column of a missing column or a bad rank or decile.
 * @see https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019 (File 2: domains of deprivation)
 */
export function readIodDomains(
  text: string,
  source = 'File_2_IoD2019_Domains_of_Deprivation.csv',
): IodDomainsRecord[] {
  return readCsvRecords(text, source, (table) => {
    requireRelease(table, IOD2019_PUBLISHED);
    const identity = lsoaIdentityReader(table);
    const rankColumns = domainColumns(table, iodRankHeader);
    const decileColumns = domainColumns(table, iodDecileHeader);
    return (at) => ({
      ...identity(at),
      ranks: domainIntegers(table, at, rankColumns, 1),
      deciles: domainIntegers(table, at, decileColumns, 1, 10),
    });
  });
}

/**
 * The IMD's and each domain's whole number in the current row, as integerField reads them.
 * Spelt out rather than built with byDomain: a closure per row and a lookup by domain name per
 * cell cost more than the rest of the row while the reader is still cold, on the first read.
 */
function domainIntegers(
  table: CsvTable,
  at: CsvCursor,
  columns: Readonly<Record<IodDomain, CsvColumn>>,
  min: number,
  max?: number,
): Record<IodDomain, number> {
  return {
    imd: integerField(table, at, columns.imd, min, max),
    income: integerField(table, at, columns.income, min, max),
    employment: integerField(table, at, columns.employment, min, max),
    education: integerField(table, at, columns.education, min, max),
    health: integerField(table, at, columns.health, min, max),
    crime: integerField(table, at, columns.crime, min, max),
    housing: integerField(table, at, columns.housing, min, max),
    environment: integerField(table, at, columns.environment, min, max),
  };
}

function domainColumns(
  table: CsvTable,
  header: (domain: IodDomain) => string,
): Record<IodDomain, CsvColumn> {
  return requireColumns(table, byDomain(header));
}
