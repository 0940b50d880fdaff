// Fixtures here are hand-made, a few lines each, to show one behaviour apiece.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  booleanCell,
  integerCell,
  integerField,
  numberCell,
  optionalNumberCell,
  parseCsvTable,
  readCsvRecords,
  requireColumns,
  textCell,
  textField,
  type CsvRow,
} from './csv.ts';
import type { CsvFormatProblem } from './csv-format-error.ts';

/** Matches a thrown CsvFormatError with these fields. */
const formatError = (fields: Partial<CsvFormatProblem & { message: string }>) =>
  expect.objectContaining({ name: 'CsvFormatError', ...fields });

function twoRows(rows: readonly CsvRow[]): [CsvRow, CsvRow] {
  const [first, second] = rows;
  if (first === undefined || second === undefined || rows.length !== 2)
    throw new Error('fixture should have two data rows');
  return [first, second];
}

describe('parseCsvTable', () => {
  it('drops a leading byte-order mark so the first header is found by name', () => {
    const table = parseCsvTable('\uFEFFcode,name\nE01,Alpha\n', 'bom.csv');
    expect(table.header).toEqual(['code', 'name']);
    expect(requireColumns(table, { code: 'code' }).code.index).toBe(0);
  });

  it('keeps a quoted field with commas in it as one cell', () => {
    const table = parseCsvTable('code,name\nE06000023,"Bristol, City of"\n', 'quoted.csv');
    expect(table.rows[0]?.cells).toEqual(['E06000023', 'Bristol, City of']);
  });

  it('counts lines from the header (line 1) and skips blank lines, CRLF or LF', () => {
    const table = parseCsvTable('code,n\r\n\r\nA,1\r\nB,2', 'lines.csv');
    expect(table.rows.map((row) => row.line)).toEqual([3, 4]);
  });

  it('rejects a row with fewer fields than the header, naming its line, as a truncated row', () => {
    expect(() => parseCsvTable('a,b,c\n1,2,3\n4,5\n', 'short.csv')).toThrow(
      formatError({
        line: 3,
        column: null,
        message: 'short.csv: line 3: expected 3 fields as in the header, found 2 (truncated row?)',
      }),
    );
  });

  it('rejects a row with more fields than the header', () => {
    expect(() => parseCsvTable('a,b\n1,2,3\n', 'long.csv')).toThrow(
      formatError({ line: 2, reason: 'expected 2 fields as in the header, found 3' }),
    );
  });

  it('rejects a file cut off inside a quoted field', () => {
    expect(() => parseCsvTable('code,name\nE01,"Bristol, Ci', 'cut.csv')).toThrow(
      formatError({ line: 2, reason: 'a quoted field is never closed (truncated file?)' }),
    );
  });

  it('reads doubled quotes as one and a newline inside quotes as part of the cell, counting the line it ends on', () => {
    const table = parseCsvTable('code,note\nA,"say ""hi"""\nB,"two\r\nlines"\nC,plain\n', 'q.csv');
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['A', 'say "hi"'],
      ['B', 'two\r\nlines'],
      ['C', 'plain'],
    ]);
    expect(table.rows.map((row) => row.line)).toEqual([2, 4, 5]);
  });

  it('rejects a stray quote inside an unquoted field, or text after a closing quote, naming the line', () => {
    expect(() => parseCsvTable('a,b\n1,2\n3,x"y\n', 'stray.csv')).toThrow(
      formatError({
        line: 3,
        column: null,
        reason: expect.stringContaining('a quote inside an unquoted field') as string,
      }),
    );
    expect(() => parseCsvTable('a,b\n"1"2,3\n', 'after.csv')).toThrow(
      formatError({
        line: 2,
        reason: expect.stringContaining('a quoted field is followed by more text') as string,
      }),
    );
  });

  it('reads a quoted last field at the very end of the file, without a newline', () => {
    expect(parseCsvTable('a,b\n1,"x,y"', 'end.csv').rows[0]?.cells).toEqual(['1', 'x,y']);
  });

  it('rejects an empty file', () => {
    expect(() => parseCsvTable('', 'empty.csv')).toThrow(
      formatError({ line: 1, reason: 'the file is empty: no header row' }),
    );
  });
});

describe('requireColumns', () => {
  const table = parseCsvTable(' Name ,CODE,value\nAlpha,E01,1\n', 'cols.csv');

  it('finds columns by name wherever they are, ignoring spaces around headers and letter case', () => {
    const columns = requireColumns(table, { code: 'code', name: 'Name', value: 'value' });
    expect(columns.code.index).toBe(1);
    expect(columns.name.index).toBe(0);
    expect(columns.value).toEqual({ name: 'value', index: 2 });
  });

  it('names the missing column, on line 1', () => {
    expect(() => requireColumns(table, { code: 'code', rank: 'Crime Rank' })).toThrow(
      formatError({
        line: 1,
        column: 'Crime Rank',
        message: 'cols.csv: line 1, column "Crime Rank": missing required column',
      }),
    );
  });

  it('rejects a column that appears twice', () => {
    const twice = parseCsvTable('code,code\n1,2\n', 'twice.csv');
    expect(() => requireColumns(twice, { code: 'code' })).toThrow(
      formatError({ reason: 'column appears more than once' }),
    );
  });
});

describe('cell readers', () => {
  const table = parseCsvTable(
    'name,count,score,flag\n"Ham, Petersham",,"1,296",TRUE\nX,12a,-0.5,maybe\n',
    'cells.csv',
  );
  const c = requireColumns(table, { name: 'name', count: 'count', score: 'score', flag: 'flag' });
  const [first, second] = twoRows(table.rows);

  it('reads text, a thousands-separated number and TRUE', () => {
    expect(textCell(table, first, c.name)).toBe('Ham, Petersham');
    expect(numberCell(table, first, c.score)).toBe(1296);
    expect(integerCell(table, first, c.score, 0)).toBe(1296);
    expect(booleanCell(table, first, c.flag)).toBe(true);
  });

  it('reads an empty cell as missing (null), never zero', () => {
    expect(optionalNumberCell(table, first, c.count)).toBeNull();
  });

  it('rejects an empty cell where a value is required', () => {
    expect(() => numberCell(table, first, c.count)).toThrow(
      formatError({ message: 'cells.csv: line 2, column "count": value is empty' }),
    );
  });

  it('rejects a non-numeric value, naming its line and column', () => {
    expect(() => optionalNumberCell(table, second, c.count)).toThrow(
      formatError({
        source: 'cells.csv',
        line: 3,
        column: 'count',
        reason: '"12a" is not a number',
      }),
    );
  });

  it('rejects a fraction where a whole number is required, and a value out of range', () => {
    expect(() => integerCell(table, second, c.score, -10)).toThrow(
      formatError({ reason: '"-0.5" is not a whole number' }),
    );
    expect(() => integerCell(table, first, c.score, 1, 10)).toThrow(
      formatError({ reason: '1296 is out of range (expected from 1 to 10)' }),
    );
  });

  it('rejects a flag that is neither TRUE nor FALSE', () => {
    expect(() => booleanCell(table, second, c.flag)).toThrow(
      formatError({ reason: '"maybe" is not TRUE or FALSE' }),
    );
  });
});

describe('field readers', () => {
  /** What a reader gives for the one cell of `text`'s column b: its value, or the error's message. */
  function outcome<T>(read: () => T): { value: T } | { error: string } {
    try {
      return { value: read() };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }
  const csvWith = (cell: string) =>
    `a,b\nx,${/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell}\n`;
  const cell = fc.oneof(
    fc.stringMatching(/^[0-9,. a"+-]{0,12}$/),
    fc.integer({ min: 0, max: 2e9 }).map((n) => n.toLocaleString('en-GB')),
  );

  it('read what the cell readers read, and reject what they reject with the same message', () => {
    fc.assert(
      fc.property(
        cell,
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 2e9 }),
        (text, min, max) => {
          const csv = csvWith(text);
          const table = parseCsvTable(csv, 'f.csv');
          const { b } = requireColumns(table, { b: 'b' });
          const [row] = table.rows;
          if (row === undefined) throw new Error('fixture should have a row');
          const [viaFields] = readCsvRecords(csv, 'f.csv', (header) => {
            const column = requireColumns(header, { b: 'b' }).b;
            return (at) => ({
              integer: outcome(() => integerField(header, at, column, min, max)),
              text: outcome(() => textField(header, at, column)),
              same: outcome(() => textField(header, at, column, text.trim())),
            });
          });
          const read = outcome(() => textCell(table, row, b));
          expect(viaFields).toEqual({
            integer: outcome(() => integerCell(table, row, b, min, max)),
            text: read,
            same: read,
          });
        },
      ),
    );
  });
});
