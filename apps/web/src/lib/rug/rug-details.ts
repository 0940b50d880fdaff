// What the popover over a cell says: the value with its interval, the counts behind it, how it
// compares with each benchmark, the benchmark values themselves, and the method and source, so
// an officer can check a colour without leaving the rug.
import { comparisonSymbols, formatConfidence, formatNumber, unitSuffix } from '@thrive/indicators';
import { cellMark } from './cell-symbols.ts';
import { tokenOf } from './rug-tokens.ts';
import type { RugCell, RugColumn, RugRow } from './types.ts';

export interface CellDetail {
  term: string;
  detail: string;
}

export interface CellDetailsInput {
  cell: RugCell;
  column: RugColumn;
  columnIndex: number;
  /** The authority and England rows. */
  benchmarks: readonly RugRow[];
  /** Confidence level as the API gives it (0.95). */
  confidence: number;
  /** Decimal places the column's values are shown with (the API's column says). */
  decimals: number;
  /** The indicator's source, once the catalogue has been fetched. */
  source?: string | undefined;
}

const COMPARISON_WORDS = {
  higher: 'higher',
  lower: 'lower',
  similar: 'similar',
  not_compared: 'not compared',
} as const;

function valueText(cell: RugCell, unit: string, decimals: number): string {
  if (cell.value === null) {
    if (cell.explanation && cell.gap !== 'no_value') return cell.explanation;
    return cell.reason === 'suppressed' ? 'Suppressed' : 'No value';
  }
  return `${formatNumber(cell.value, decimals)}${unitSuffix(unit)}`;
}

/** The popover's term/detail pairs for one cell, in reading order. */
export function cellDetails({
  cell,
  column,
  columnIndex,
  benchmarks,
  confidence,
  decimals,
  source,
}: CellDetailsInput): CellDetail[] {
  const details: CellDetail[] = [{ term: 'Value', detail: valueText(cell, column.unit, decimals) }];
  if (cell.lower !== null && cell.upper !== null) {
    details.push({
      term: `${formatConfidence(confidence)} CI`,
      detail: `${formatNumber(cell.lower, decimals)}–${formatNumber(cell.upper, decimals)}${unitSuffix(column.unit)}`,
    });
  }
  if (cell.count !== null) {
    const of = cell.denominator === null ? '' : ` of ${formatNumber(cell.denominator, 0)}`;
    details.push({ term: 'Count', detail: `${formatNumber(cell.count, 0)}${of}` });
  }
  const mark = cellMark(cell.token);
  details.push({
    term: 'Shown as',
    detail: `${tokenOf(cell.token).label}${mark && cell.value !== null ? ` (${cell.text})` : ''}`,
  });
  if (cell.value !== null && cell.explanation) {
    details.push({ term: 'Why', detail: cell.explanation });
  }
  if (column.comparisonMethod === 'quintile' && cell.band > 0) {
    details.push({ term: 'Quintile', detail: `${cell.band} of 5 within the areas shown` });
  }
  for (const benchmark of benchmarks) {
    const benchmarkCell = benchmark.cells[columnIndex];
    if (benchmarkCell === undefined) continue;
    const against = benchmark.kind === 'england' ? cell.comparison.england : cell.comparison.parent;
    const versus =
      column.comparisonMethod === 'significance' && against !== 'not_compared'
        ? ` (this area: ${COMPARISON_WORDS[against]} ${comparisonSymbols[against]})`
        : '';
    details.push({
      term: benchmark.name,
      detail: `${valueText(benchmarkCell, column.unit, decimals)}${versus}`,
    });
  }
  details.push({ term: 'Method', detail: column.methodNote });
  if (source) details.push({ term: 'Source', detail: source });
  return details;
}
