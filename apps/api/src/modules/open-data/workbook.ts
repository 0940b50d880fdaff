// Reads an Excel workbook (.xlsx) the way the publishers lay theirs out: one table per sheet, a
// header row naming the columns, one row per area. Streamed with exceljs (decision 0014), since
// IoD2019 File 8 is six sheets of 32,844 rows.
import ExcelJS from 'exceljs';

/** A sheet's table: its header row (trimmed) and the text of each row below it. */
export interface SheetTable {
  /** 1-based position of the sheet in the workbook. */
  sheet: number;
  header: string[];
  rows: string[][];
}

/** The text a CSV would hold for a cell: numbers in JavaScript's shortest form, empty for blank. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return '';
  return value.result === undefined ? '' : cellText(value.result);
}

/** A workbook's tables, and the first non-empty row of every sheet (to say what a file holds). */
export interface WorkbookTables {
  tables: SheetTable[];
  firstRows: string[][];
}

/**
 * The sheets that have a header row holding `key` (found in the first ten rows, ignoring case,
 * spaces and punctuation), with their rows; other sheets (notes, contents) are skipped.
 */
export async function readSheetTables(path: string, key: string): Promise<WorkbookTables> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  const wanted = headerKey(key);
  const tables: SheetTable[] = [];
  const firstRows: string[][] = [];
  let sheet = 0;
  for await (const worksheet of reader) {
    sheet++;
    let table: SheetTable | null = null;
    let seen = 0;
    let first = true;
    // Every row is read even in a sheet without the key: the zip streams sheet after sheet,
    // so leaving one unread would stall the next.
    for await (const row of worksheet) {
      const values = Array.isArray(row.values) ? row.values : [];
      // exceljs puts column A at index 1; index 0 is always empty.
      const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) =>
        cellText(values[i + 1]).trim(),
      );
      if (first && cells.some((c) => c !== '')) {
        firstRows.push(cells.filter((c) => c !== ''));
        first = false;
      }
      if (table) {
        if (cells.some((c) => c !== '')) table.rows.push(cells);
      } else if (++seen <= 10 && cells.some((c) => headerKey(c) === wanted)) {
        table = { sheet, header: cells, rows: [] };
        tables.push(table);
      }
    }
  }
  return { tables, firstRows };
}

/** A header as compared: lower case, every run of spaces and punctuation one space. */
export function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
