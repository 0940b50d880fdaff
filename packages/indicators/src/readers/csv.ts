// CSV text to a table of string cells, with columns found by header name and typed cell
// readers that reject bad values with the line and column. The tokenizer is our own
// (csv-cursor.ts): see docs/decisions/0023-our-own-csv-tokenizer.md for why not csv-parse.
import { CsvCursor } from './csv-cursor.ts';
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
  let header: readonly string[] = [];
  const rows = readCsvRows(text, source, (table) => {
    header = table.header;
    return (row) => row;
  });
  return { source, header, rows };
}

/**
 * Reads CSV text as `parseCsvTable` does, one row at a time: `prepare` gets the file's header
 * (a table with no rows, for `requireColumns`) and returns how to read a row, which is applied
 * to each row as it is split, so its cells are garbage at once instead of all living together.
 * Header problems are reported before any row's; rows are checked in file order.
 * @throws CsvFormatError as parseCsvTable, and whatever `prepare` or the row reader throws.
 */
export function readCsvRows<T>(
  text: string,
  source: string,
  prepare: (table: CsvTable) => (row: CsvRow) => T,
): T[] {
  return readCsvRecords(text, source, (table) => {
    const read = prepare(table);
    return (at) => read({ line: at.line, cells: at.cells() });
  });
}

/**
 * Reads CSV text as `readCsvRows` does, but hands each row on as a cursor on its fields rather
 * than as strings, for `textField` and `integerField`: a reader of a large file then makes
 * strings only of the cells it keeps, and parses numbers straight from the text.
 * @throws CsvFormatError as readCsvRows.
 */
export function readCsvRecords<T>(
  text: string,
  source: string,
  prepare: (table: CsvTable) => (at: CsvCursor) => T,
): T[] {
  const cursor = new CsvCursor(text, source);
  if (!cursor.next()) {
    throw new CsvFormatError({
      source,
      line: 1,
      column: null,
      reason: 'the file is empty: no header row',
    });
  }
  const header = cursor.cells().map((name) => name.trim());
  const width = header.length;
  const read = prepare({ source, header, rows: [] });
  const out: T[] = [];
  while (cursor.next()) {
    if (cursor.count !== width) {
      const hint = cursor.count < width ? ' (truncated row?)' : '';
      throw new CsvFormatError({
        source,
        line: cursor.line,
        column: null,
        reason: `expected ${width} fields as in the header, found ${cursor.count}${hint}`,
      });
    }
    out.push(read(cursor));
  }
  return out;
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

/** The cell `textCell` reads, from the current record of a cursor; `same`, when the cell reads exactly as it, is returned instead of a new string. @throws CsvFormatError for an empty cell. */
export function textField(
  table: CsvTable,
  at: CsvCursor,
  column: CsvColumn,
  same?: string,
): string {
  // A file lists an authority's LSOAs together: returning the previous row's string for the
  // run keeps one copy of its name, and later grouping compares references, not text.
  if (same !== undefined && same !== '' && at.holds(column.index, same)) return same;
  const text = at.field(column.index).trim();
  if (text === '') throw cellError(table, rowAt(at), column, 'value is empty');
  return text;
}

/** The cell `integerCell` reads, from the current record of a cursor, parsed from the text when it is plain digits. @throws CsvFormatError as integerCell. */
export function integerField(
  table: CsvTable,
  at: CsvCursor,
  column: CsvColumn,
  min: number,
  max: number = Number.MAX_SAFE_INTEGER,
): number {
  const value = at.digits(column.index);
  if (value >= min && value <= max) return value;
  // NaN (not plain digits) or out of range: the cell's text says which, and why.
  return integerCell(table, rowAt(at), column, min, max);
}

function rowAt(at: CsvCursor): CsvRow {
  return { line: at.line, cells: at.cells() };
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
