// From a cell's token id to its colours, symbol and label, always through the shared palette
// (@thrive/indicators): the rug, the map and the legends never define colours of their own.
import { palette, type ColourToken, type ColourTokenId } from '@thrive/indicators';
import type { RugCell, RugRow } from './types.ts';

function isTokenId(id: string): id is ColourTokenId {
  return Object.hasOwn(palette, id);
}

/** The palette token for an id; an id this build does not know is drawn as "not compared". */
export function tokenOf(id: string): ColourToken {
  return isTokenId(id) ? palette[id] : palette.not_compared;
}

/** Map fills for one column: area code → the cell's background colour. */
export function columnFills(rows: readonly RugRow[], columnIndex: number): Record<string, string> {
  return Object.fromEntries(
    rows.flatMap((row) => cellEntry(row, columnIndex, (cell) => tokenOf(cell.token).background)),
  );
}

/** Map tooltip texts for one column: area code → the cell's text ("14.1% ▲"). */
export function columnLabels(rows: readonly RugRow[], columnIndex: number): Record<string, string> {
  return Object.fromEntries(
    rows.flatMap((row) => cellEntry(row, columnIndex, (cell) => cell.text)),
  );
}

function cellEntry(
  row: RugRow,
  columnIndex: number,
  pick: (cell: RugCell) => string,
): [string, string][] {
  const cell = row.cells[columnIndex];
  return cell === undefined ? [] : [[row.code, pick(cell)]];
}

// Diagonal lines over "not compared" cells, so they read as "no judgement" in greyscale prints
// and to people who cannot tell the light grey from the pale yellow of "similar".
const HATCH = 'repeating-linear-gradient(135deg, rgb(0 0 0 / 0.14) 0 1.5px, transparent 1.5px 6px)';

/** Inline style drawing a token: background, readable text colour and, where asked, the hatch. */
export function tokenStyle(id: string): string {
  const token = tokenOf(id);
  const style = `background-color: ${token.background}; color: ${token.text}`;
  return token.pattern === 'hatch' ? `${style}; background-image: ${HATCH}` : style;
}
