// Readers: CSV text in, typed records out. Pure (no file system): the caller reads the file.
export { CsvFormatError, type CsvFormatProblem } from './csv-format-error.ts';
export { parseNumberText } from './number-text.ts';
export {
  booleanCell,
  integerCell,
  numberCell,
  optionalNumberCell,
  parseCsvTable,
  requireColumns,
  textCell,
  type CsvColumn,
  type CsvRow,
  type CsvTable,
} from './csv.ts';
export {
  iodDecileHeader,
  iodRankHeader,
  readIodDomains,
  type IodDomainsRecord,
} from './iod-domains.ts';
export { readPopulationDenominators, type PopulationRecord } from './population.ts';
export {
  IOD_INDICATOR_COLUMNS,
  IOD_NUMERATOR_COLUMNS,
  readIodIndicators,
  type IodIndicator,
  type IodIndicatorsRecord,
  type IodNumerator,
} from './iod-indicators.ts';
export { readCniWards, type CniScore, type CniWardRecord } from './cni-wards.ts';
export { requireRelease, type ExpectedRelease, type OtherRelease } from './release.ts';
