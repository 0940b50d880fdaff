// The IoD2019 underlying indicators per LSOA: domain numerators (counts of deprived people) and
// the indicators behind Education, Health, Barriers and Living Environment. Empty = missing.
import {
  integerCell,
  optionalNumberCell,
  readCsvRows,
  requireColumns,
  textCell,
  type CsvColumn,
  type CsvRow,
  type CsvTable,
} from './csv.ts';
import { IOD2019_INDICATORS, requireRelease } from './release.ts';

/** The numerators, by short name, and the columns holding them (counts rounded to 5; empty where suppressed). */
export const IOD_NUMERATOR_COLUMNS = {
  income: 'income_domain_numerator',
  idaci: 'income_deprivation_affecting_children_index_idaci_numerator',
  idaopi: 'income_deprivation_affecting_older_people_index_idaopi_numerator',
  employment: 'employment_domain_numerator',
} as const;

/** A numerator's short name. @see IOD_NUMERATOR_COLUMNS */
export type IodNumerator = keyof typeof IOD_NUMERATOR_COLUMNS;

/** The underlying indicator columns, named as in the file. @see https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019 (File 8: underlying indicators; IoD2019 Technical Report, ch. 3) */
export const IOD_INDICATOR_COLUMNS = [
  'staying_on_in_education_post_16_indicator',
  'entry_to_higher_education_indicator',
  'adult_skills_and_english_language_proficiency_indicator',
  'years_of_potential_life_lost_indicator',
  'comparative_illness_and_disability_ratio_indicator',
  'acute_morbidity_indicator',
  'mood_and_anxiety_disorders_indicator',
  'road_distance_to_a_post_office_indicator_km',
  'road_distance_to_a_primary_school_indicator_km',
  'road_distance_to_general_store_or_supermarket_indicator_km',
  'road_distance_to_a_gp_surgery_indicator_km',
  'household_overcrowding_indicator',
  'homelessness_indicator_rate_per_1000_households',
  'owner_occupation_affordability_component_of_housing_affordability_indicator',
  'private_rental_affordability_component_of_housing_affordability_indicator',
  'housing_affordability_indicator',
  'housing_in_poor_condition_indicator',
  'houses_without_central_heating_indicator',
  'road_traffic_accidents_indicator',
  'nitrogen_dioxide_component_of_air_quality_indicator',
  'benzene_component_of_air_quality_indicator',
  'sulphur_dioxide_component_of_air_quality_indicator',
  'particulates_component_of_air_quality_indicator',
  'air_quality_indicator',
] as const;

/** An underlying indicator's column name. @see IOD_INDICATOR_COLUMNS */
export type IodIndicator = (typeof IOD_INDICATOR_COLUMNS)[number];

/** One LSOA's numerators and indicators; null where the file leaves the cell empty (missing, never zero). */
export interface IodIndicatorsRecord {
  readonly lsoaCode: string;
  readonly numerators: Readonly<Record<IodNumerator, number | null>>;
  readonly indicators: Readonly<Record<IodIndicator, number | null>>;
}

/**
 * Reads the underlying-indicators CSV (columns found by name). Numerators must be whole
 * numbers ≥ 0 when present; indicators any number (some are z-scores, so negative).
 * @throws CsvFormatError naming the line and column of a missing column or a non-numeric value.
 * @see https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019 (File 8: underlying indicators)
 */
export function readIodIndicators(
  text: string,
  source = 'imd2019_england_lsoa11_indicators.csv',
): IodIndicatorsRecord[] {
  return readCsvRows(text, source, (table) => {
    requireRelease(table, IOD2019_INDICATORS);
    const { lsoaCode } = requireColumns(table, { lsoaCode: 'lsoa11_code' });
    const numeratorColumns = requireColumns(table, IOD_NUMERATOR_COLUMNS);
    const indicatorColumns = requireColumns(
      table,
      recordOf(IOD_INDICATOR_COLUMNS, (name) => name),
    );
    return (row) => ({
      lsoaCode: textCell(table, row, lsoaCode),
      numerators: recordOf(NUMERATORS, (key) => optionalCount(table, row, numeratorColumns[key])),
      indicators: recordOf(IOD_INDICATOR_COLUMNS, (name) =>
        optionalNumberCell(table, row, indicatorColumns[name]),
      ),
    });
  });
}

const NUMERATORS: readonly IodNumerator[] = ['income', 'idaci', 'idaopi', 'employment'];

/** A count (whole number ≥ 0) or null for an empty cell. */
function optionalCount(table: CsvTable, row: CsvRow, column: CsvColumn): number | null {
  return optionalNumberCell(table, row, column) === null
    ? null
    : integerCell(table, row, column, 0);
}

/** An object with a value for each key, in key order; filled key by key, hence the one cast. */
function recordOf<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  const out = {} as Record<K, V>;
  for (const key of keys) out[key] = value(key);
  return out;
}
