// File 2 of IoD2019: each LSOA's local authority and its IMD and domain ranks and deciles.
import { IOD_DOMAIN_LABELS, byDomain, type IodDomain } from '../imd/domains.ts';
import {
  integerCell,
  readCsvRows,
  requireColumns,
  textCell,
  type CsvColumn,
  type CsvTable,
} from './csv.ts';
import { IOD2019_PUBLISHED, requireRelease } from './release.ts';

/** One LSOA of File 2: codes, names, and the rank (1 = most deprived) and decile (1 = most deprived 10%) of the IMD and each domain. */
export interface IodDomainsRecord {
  readonly lsoaCode: string;
  readonly lsoaName: string;
  readonly ladCode: string;
  readonly ladName: string;
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
  return readCsvRows(text, source, (table) => {
    requireRelease(table, IOD2019_PUBLISHED);
    const columns = requireColumns(table, {
      lsoaCode: 'LSOA code (2011)',
      lsoaName: 'LSOA name (2011)',
      ladCode: 'Local Authority District code (2019)',
      ladName: 'Local Authority District name (2019)',
    });
    const rankColumns = domainColumns(table, iodRankHeader);
    const decileColumns = domainColumns(table, iodDecileHeader);
    return (row) => ({
      lsoaCode: textCell(table, row, columns.lsoaCode),
      lsoaName: textCell(table, row, columns.lsoaName),
      ladCode: textCell(table, row, columns.ladCode),
      ladName: textCell(table, row, columns.ladName),
      ranks: byDomain((domain) => integerCell(table, row, rankColumns[domain], 1)),
      deciles: byDomain((domain) => integerCell(table, row, decileColumns[domain], 1, 10)),
    });
  });
}

function domainColumns(
  table: CsvTable,
  header: (domain: IodDomain) => string,
): Record<IodDomain, CsvColumn> {
  return requireColumns(table, byDomain(header));
}
