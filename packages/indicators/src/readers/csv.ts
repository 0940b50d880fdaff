// CSV text to a table of string cells, with columns found by header name and typed cell
// readers that reject bad values with the line and column. The tokenizer is our own (RFC 4180:
// quoted commas, doubled quotes, newlines in quotes, CRLF or LF, BOM): see
// docs/decisions/0023-our-own-csv-tokenizer.md for why not csv-parse.
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
  const out: T[] = [];
  let read: ((row: CsvRow) => T) | undefined;
  let width = 0;
  tokenize(text, source, (cells, line) => {
    if (read === undefined) {
      const header = cells.map((name) => name.trim());
      width = header.length;
      read = prepare({ source, header, rows: [] });
      return;
    }
    if (cells.length !== width) {
      const hint = cells.length < width ? ' (truncated row?)' : '';
      throw new CsvFormatError({
        source,
        line,
        column: null,
        reason: `expected ${width} fields as in the header, found ${cells.length}${hint}`,
      });
    }
    out.push(read({ line, cells }));
  });
  if (read === undefined) {
    throw new CsvFormatError({
      source,
      line: 1,
      column: null,
      reason: 'the file is empty: no header row',
    });
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

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Splits CSV text into records of cells, handing each on with the 1-based line it ends on; empty
 * lines are skipped. A line without a quote is split on its commas in one native call, which is most
 * of every file we read; a line with one goes through the quote-aware scanner below.
 */
function tokenize(
  text: string,
  source: string,
  onRecord: (cells: string[], line: number) => void,
): void {
  const length = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  // Where the next quote is at or after pos (length when there is none): found again only once
  // passed, so a file without quotes is searched for them once, not once per line.
  let nextQuote = -1;
  while (pos < length) {
    line += 1;
    let end = text.indexOf('\n', pos);
    if (end === -1) end = length;
    const contentEnd = end > pos && text.charCodeAt(end - 1) === CR ? end - 1 : end;
    if (contentEnd === pos) {
      pos = end + 1;
      continue;
    }
    if (nextQuote < pos) {
      nextQuote = text.indexOf('"', pos);
      if (nextQuote === -1) nextQuote = length;
    }
    if (nextQuote >= contentEnd) {
      // Advance first: onRecord may throw, and nothing here is read after it.
      const cells = text.slice(pos, contentEnd).split(',');
      pos = end + 1;
      onRecord(cells, line);
      continue;
    }
    const record = quotedRecord(text, pos, line, source);
    line = record.line;
    pos = record.next;
    onRecord(record.cells, record.line);
  }
}

/** One record that has a quote in it, starting at `start` on line `line`; `next` is where the following record starts. */
function quotedRecord(
  text: string,
  start: number,
  line: number,
  source: string,
): { cells: string[]; line: number; next: number } {
  const length = text.length;
  const cells: string[] = [];
  let i = start;
  for (;;) {
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      // A quoted field: up to the quote not doubled; may hold commas, quotes and newlines.
      value = '';
      i += 1;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close === -1) {
          throw malformed(
            source,
            line + newlinesIn(text, i, length),
            'a quoted field is never closed (truncated file?)',
          );
        }
        line += newlinesIn(text, i, close);
        value += text.slice(i, close);
        if (text.charCodeAt(close + 1) === QUOTE) {
          value += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      const after = text.charCodeAt(i);
      const endsLine = after === LF || (after === CR && text.charCodeAt(i + 1) === LF);
      if (i < length && after !== COMMA && !endsLine) {
        throw malformed(
          source,
          line,
          'a quoted field is followed by more text before the next comma (a stray quote?)',
        );
      }
    } else {
      // An unquoted field: up to the next comma or end of line, with no quote in it.
      const fieldStart = i;
      while (i < length) {
        const c = text.charCodeAt(i);
        if (c === COMMA || c === LF || (c === CR && text.charCodeAt(i + 1) === LF)) break;
        if (c === QUOTE) {
          throw malformed(
            source,
            line,
            'a quote inside an unquoted field (quote the whole field and double the quote)',
          );
        }
        i += 1;
      }
      value = text.slice(fieldStart, i);
    }
    cells.push(value);
    if (i >= length) return { cells, line, next: length };
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i += 1;
      continue;
    }
    // End of line: LF, or CR LF.
    return { cells, line, next: i + (c === CR ? 2 : 1) };
  }
}

function newlinesIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1))
    count += 1;
  return count;
}

function malformed(source: string, line: number, reason: string): CsvFormatError {
  return new CsvFormatError({ source, line, column: null, reason });
}
