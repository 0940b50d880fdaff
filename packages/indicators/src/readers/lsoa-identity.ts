// The four columns that open every IoD2019 LSOA file (File 2, File 6): the LSOA's code and
// name and its local authority's, read the same way by each file's reader.
import { requireColumns, textField, type CsvTable } from './csv.ts';
import type { CsvCursor } from './csv-cursor.ts';

/** An LSOA and its local authority, as IoD2019's files name them. */
export interface LsoaIdentity {
  readonly lsoaCode: string;
  readonly lsoaName: string;
  readonly ladCode: string;
  readonly ladName: string;
}

/**
 * A reader of the identity columns of each record of an IoD2019 LSOA file.
 * @throws CsvFormatError when a column is missing (at once) or a cell is empty (when read).
 */
export function lsoaIdentityReader(table: CsvTable): (at: CsvCursor) => LsoaIdentity {
  const columns = requireColumns(table, {
    lsoaCode: 'LSOA code (2011)',
    lsoaName: 'LSOA name (2011)',
    ladCode: 'Local Authority District code (2019)',
    ladName: 'Local Authority District name (2019)',
  });
  // The previous row's authority: its LSOAs come in a run, which then shares one code string
  // and one name string instead of a copy of each per LSOA.
  let ladCode: string | undefined;
  let ladName: string | undefined;
  return (at) => {
    const lsoaCode = textField(table, at, columns.lsoaCode);
    const lsoaName = textField(table, at, columns.lsoaName);
    ladCode = textField(table, at, columns.ladCode, ladCode);
    ladName = textField(table, at, columns.ladName, ladName);
    return { lsoaCode, lsoaName, ladCode, ladName };
  };
}
