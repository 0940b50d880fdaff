// CSV text to a table of string cells, with columns found by header name and typed cell
// readers that reject bad values with the line and column. Parsing is csv-parse's (RFC 4180:
// quoted commas, doubled quotes, CRLF, BOM); this module adds the checks and the messages.
import { CsvError, parse } from 'csv-parse/sync';
import { CsvFormatError } from './csv-format-error.ts';
import { parseNumberText } from './number-text.ts';

/** One data row: its 1-based line in the file and its cells. */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** A parsed CSV file: where it came from, the header (trimmed) and the data rows. */
export interface CsvTable {
  readonly source: string;
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

/** A column found by name: its header as written and its position. */
export interface CsvColumn {
  readonly name: string;
  readonly index: number;
}

/**
 * Parses CSV text (a leading BOM, quoted fields with commas or newlines, CRLF or LF, blank lines
 * skipped). Every data row must have as many fields as the header.
 * @throws CsvFormatError for an empty input, an unclosed quote or a row with the wrong number of fields.
 * @see https://www.rfc-editor.org/rfc/rfc4180
 */
export function parseCsvTable(text: string, source: string): CsvTable {
  const lines: number[] = [];
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[], context) => {
        lines.push(context.lines);
        return record;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) throw fromCsvParseError(error, source);
    throw error;
  }
  const [headerRecord, ...dataRecords] = records;
  if (headerRecord === undefined) {
    throw new CsvFormatError({
      source,
      line: 1,
      column: null,
      reason: 'the file is empty: no header row',
    });
  }
  const header = headerRecord.map((name) => name.trim());
  const rows = dataRecords.map((cells, k): CsvRow => {
    const line = lines[k + 1] ?? 0;
    if (cells.length !== header.length) {
      const hint = cells.length < header.length ? ' (truncated row?)' : '';
      throw new CsvFormatError({
        source,
        line,
        column: null,
        reason: `expected ${header.length} fields as in the header, found ${cells.length}${hint}`,
      });
    }
    return { line, cells };
  });
  return { source, header, rows };
}

/**
 * Finds columns by header name (ignoring surrounding spaces and letter case), wherever they are.
 * @throws CsvFormatError naming the first required column that is missing or appears twice.
 */
export function requireColumns<K extends string>(
  table: CsvTable,
  names: Readonly<Record<K, string>>,
): Record<K, CsvColumn> {
  const keys = Object.keys(names) as K[];
  const found = {} as Record<K, CsvColumn>;
  for (const key of keys) {
    const wanted = names[key].trim().toLowerCase();
    const matches = table.header.flatMap((name, index) =>
      name.toLowerCase() === wanted ? [index] : [],
    );
    const [index, duplicate] = matches;
    if (index === undefined) {
      throw new CsvFormatError({
        source: table.source,
        line: 1,
        column: names[key],
        reason: 'missing required column',
      });
    }
    if (duplicate !== undefined) {
      throw new CsvFormatError({
        source: table.source,
        line: 1,
        column: names[key],
        reason: 'column appears more than once',
      });
    }
    found[key] = { name: table.header[index] ?? names[key], index };
  }
  return found;
}

/** The trimmed text of a cell, which must not be empty. @throws CsvFormatError for an empty cell. */
export function textCell(table: CsvTable, row: CsvRow, column: CsvColumn): string {
  const text = cell(row, column).trim();
  if (text === '') throw cellError(table, row, column, 'value is empty');
  return text;
}

/** The number in a cell ("1,296" reads as 1296). @throws CsvFormatError for an empty or non-numeric cell. */
export function numberCell(table: CsvTable, row: CsvRow, column: CsvColumn): number {
  const value = optionalNumberCell(table, row, column);
  if (value === null) throw cellError(table, row, column, 'value is empty');
  return value;
}

/** The number in a cell, or null when the cell is empty (missing, never zero). @throws CsvFormatError for non-numeric text. */
export function optionalNumberCell(table: CsvTable, row: CsvRow, column: CsvColumn): number | null {
  const text = cell(row, column);
  if (text.trim() === '') return null;
  const value = parseNumberText(text);
  if (value === undefined || !Number.isFinite(value))
    throw cellError(table, row, column, `"${text}" is not a number`);
  return value;
}

/** An integer cell within [min, max]. @throws CsvFormatError for an empty, non-integer or out-of-range cell. */
export function integerCell(
  table: CsvTable,
  row: CsvRow,
  column: CsvColumn,
  min: number,
  max: number = Number.MAX_SAFE_INTEGER,
): number {
  const value = numberCell(table, row, column);
  if (!Number.isInteger(value))
    throw cellError(table, row, column, `"${cell(row, column)}" is not a whole number`);
  if (value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`;
    throw cellError(table, row, column, `${value} is out of range (expected ${range})`);
  }
  return value;
}

/** A TRUE/FALSE cell (any letter case). @throws CsvFormatError for anything else. */
export function booleanCell(table: CsvTable, row: CsvRow, column: CsvColumn): boolean {
  const text = cell(row, column).trim().toUpperCase();
  if (text === 'TRUE') return true;
  if (text === 'FALSE') return false;
  throw cellError(table, row, column, `"${cell(row, column)}" is not TRUE or FALSE`);
}

function cell(row: CsvRow, column: CsvColumn): string {
  return row.cells[column.index] ?? '';
}

function cellError(
  table: CsvTable,
  row: CsvRow,
  column: CsvColumn,
  reason: string,
): CsvFormatError {
  return new CsvFormatError({ source: table.source, line: row.line, column: column.name, reason });
}

function fromCsvParseError(error: CsvError, source: string): CsvFormatError {
  const line = typeof error['lines'] === 'number' ? error['lines'] : 1;
  const reason =
    error.code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quoted field is never closed (truncated file?)'
      : `malformed CSV (${error.code}): ${error.message}`;
  return new CsvFormatError({ source, line, column: null, reason });
}
