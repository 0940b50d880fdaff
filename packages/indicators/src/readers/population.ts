// File 6 of IoD2019: the mid-2015 population denominators each LSOA was scored and summarised with.
import { integerField, readCsvRecords, requireColumns } from './csv.ts';
import { lsoaIdentityReader, type LsoaIdentity } from './lsoa-identity.ts';
import { IOD2019_PUBLISHED, requireRelease } from './release.ts';

/** One LSOA of File 6: its codes and names and its population counts (prisoners excluded). */
export interface PopulationRecord extends LsoaIdentity {
  /** Total population, mid-2015. */
  readonly total: number;
  /** Dependent children aged 0–15, mid-2015. */
  readonly children0to15: number;
  /** Population aged 16–59, mid-2015. */
  readonly aged16to59: number;
  /** Older population aged 60 and over, mid-2015. */
  readonly aged60AndOver: number;
  /** Working-age population (women 18–59, men 18–64), the Employment domain's denominator. */
  readonly workingAge: number;
}

/**
 * Reads File 6 ("IoD2019 Population Denominators") from its CSV text; counts may carry
 * thousands separators ("1,296").
 * @throws CsvFormatError naming the line and column of a missing column or a bad count.
 * @see https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019 (File 6: population denominators)
 */
export function readPopulationDenominators(
  text: string,
  source = 'File_6_IoD2019_Population_Denominators.csv',
): PopulationRecord[] {
  return readCsvRecords(text, source, (table) => {
    requireRelease(table, IOD2019_PUBLISHED);
    const identity = lsoaIdentityReader(table);
    const columns = requireColumns(table, {
      total: 'Total population: mid 2015 (excluding prisoners)',
      children0to15: 'Dependent Children aged 0-15: mid 2015 (excluding prisoners)',
      aged16to59: 'Population aged 16-59: mid 2015 (excluding prisoners)',
      aged60AndOver: 'Older population aged 60 and over: mid 2015 (excluding prisoners)',
      workingAge:
        'Working age population 18-59/64: for use with Employment Deprivation Domain (excluding prisoners)',
    });
    return (at) => ({
      ...identity(at),
      total: integerField(table, at, columns.total, 0),
      children0to15: integerField(table, at, columns.children0to15, 0),
      aged16to59: integerField(table, at, columns.aged16to59, 0),
      aged60AndOver: integerField(table, at, columns.aged60AndOver, 0),
      workingAge: integerField(table, at, columns.workingAge, 0),
    });
  });
}
