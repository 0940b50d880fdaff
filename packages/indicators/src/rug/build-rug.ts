// Builds the rug model from areas, indicator definitions and indicator values. Values are
// indexed once into typed arrays (cell-values.ts), quintile columns banded (column-bands.ts), and
// every cell judged once into small codes (cell-sheet.ts) with its text shared among the cells
// that show the same figure (cell-texts.ts); cells are small views onto all of these that share
// their row and column contexts, so the build allocates little per cell.
import { comparisonMethodOf } from '../catalogue/indicator-definition.ts';
import { comparisonSymbols } from '../palette/palette.ts';
import { comparisons } from '../stats/compare.ts';
import { formatConfidence, isConfidenceLevel } from '../stats/interval.ts';
import {
  type CellColumnContext,
  type CellRowContext,
  judgeRow,
  judgementCodes,
  newCellSheet,
} from './cell-sheet.ts';
import { NOT_BANDED_TEXT } from './cell-texts.ts';
import { type CellValues, indexCellValues } from './cell-values.ts';
import { columnBands } from './column-bands.ts';
import { unitSuffix } from './format-value.ts';
import { RugCellRecord } from './rug-cell.ts';
import { describeBenchmark, rugColumn, rugLegend } from './rug-legend.ts';
import { compareRugValues, rugNameCollator } from './row-order.ts';
import type {
  BuildRugInput,
  Rug,
  RugArea,
  RugCell,
  RugRow,
  RugRowKind,
  RugSort,
} from './rug-model.ts';

/**
 * Builds the rug: rows (areas, in the requested order), columns (indicators), cells compared with
 * the parent and with England, judged against the chosen benchmark at 95% or 99.8%, quintile bands
 * for indicators without an interval, benchmark rows (parents, then England), and a legend that
 * says which method each column used. Cells read their numbers, codes and texts from the rug's
 * arrays and write their accessible label on first read; `JSON.stringify` gives plain data.
 * @see docs/methods.md §1–2; APHO/PHE Technical Guide "Confidence Intervals"
 */
export function buildRug(input: BuildRugInput): Rug {
  const { areas, indicators, benchmarks, level, benchmark, confidence } = input;
  if (!isConfidenceLevel(confidence)) {
    throw new RangeError(`confidence must be 0.95 or 0.998, got ${String(confidence)}`);
  }
  const sort: RugSort = input.sort ?? { by: 'input' };
  const parents = benchmarks.parents ?? [];
  const england = benchmarks.england ?? null;
  const englandName = england?.name ?? 'England';

  // One value row per distinct area code (an area may also be a benchmark).
  const valueRowOf = new Map<string, number>();
  const rowFor = (code: string): number => {
    let row = valueRowOf.get(code);
    if (row === undefined) {
      row = valueRowOf.size;
      valueRowOf.set(code, row);
    }
    return row;
  };
  const areaRows = new Int32Array(areas.length);
  for (let i = 0; i < areas.length; i++) areaRows[i] = rowFor((areas[i] as RugArea).code);
  const parentRows = parents.map((p) => rowFor(p.code));
  const englandRow = england === null ? -1 : rowFor(england.code);
  const parentNames = new Map(parents.map((p) => [p.code, p.name]));

  const values = indexCellValues(input.values, indicators, valueRowOf, confidence);
  const { bands, notBanded } = columnBands(indicators, values, areaRows);

  const ciPrefix = ` (${formatConfidence(confidence)} CI `;
  const columns: CellColumnContext[] = indicators.map((definition, c) => {
    const percent = definition.unit === '%' ? '%' : '';
    const below = input.suppressedBelow?.get(definition.id);
    const flat = notBanded[c] ?? null;
    return {
      definition,
      significance: comparisonMethodOf(definition) === 'significance',
      ciPrefix,
      decimals: definition.decimals,
      unitText: unitSuffix(definition.unit),
      text: {
        decimals: definition.decimals,
        suffixes: comparisons.map((k) =>
          k === 'not_compared' ? percent : `${percent} ${comparisonSymbols[k]}`,
        ),
        notBanded: flat === null ? '' : NOT_BANDED_TEXT[flat],
      },
      judgementCodes: judgementCodes(definition.polarity),
      bands: bands[c] ?? null,
      notBanded: flat,
      missing: input.missing?.get(definition.id),
      suppressedExplanation: `Suppressed by the publisher${below ? `: ${below}` : ''}.`,
    };
  });

  const order = sortOrder(input, sort, values, areaRows);
  const sheet = newCellSheet(values, columns, order.length + parents.length + (england ? 1 : 0));
  const useParent = benchmark === 'parent';
  const rows = new Array<RugRow>(order.length);
  for (let position = 0; position < order.length; position++) {
    const i = order[position] ?? 0;
    const area = areas[i] as RugArea;
    const parentCode = area.parentCode ?? null;
    const parentRow = parentCode === null ? -1 : (valueRowOf.get(parentCode) ?? -1);
    const parentName = parentCode === null ? undefined : parentNames.get(parentCode);
    const row: CellRowContext = {
      sheet,
      areaName: area.name,
      kind: 'area',
      benchmarkName: useParent ? (parentName ?? 'the parent area') : englandName,
      hasBenchmarkArea: useParent ? parentRow >= 0 : englandRow >= 0,
      isBenchmark: false,
      judgedBy: useParent ? 'parent' : 'england',
      valueRow: areaRows[i] ?? 0,
      sheetRow: position,
    };
    judgeRow(row, i, parentRow, englandRow);
    rows[position] = {
      code: area.code,
      name: area.name,
      kind: 'area',
      parentCode,
      cells: cellsOf(row),
    };
  }

  // Parent rows are judged against England when England is the benchmark; when the parent is
  // the benchmark its row is the yardstick, like England's own row, and is not compared.
  const benchmarkRow = (
    area: RugArea,
    kind: RugRowKind,
    valueRow: number,
    isBenchmark: boolean,
    sheetRow: number,
  ): RugRow => {
    const row: CellRowContext = {
      sheet,
      areaName: area.name,
      kind,
      benchmarkName: englandName,
      hasBenchmarkArea: englandRow >= 0,
      isBenchmark,
      judgedBy: isBenchmark ? null : 'england',
      valueRow,
      sheetRow,
    };
    judgeRow(row, -1, -1, englandRow);
    return { code: area.code, name: area.name, kind, parentCode: null, cells: cellsOf(row) };
  };
  const benchmarkRows = parents.map((parent, p) =>
    benchmarkRow(parent, 'parent', parentRows[p] ?? 0, useParent, order.length + p),
  );
  if (england !== null) {
    benchmarkRows.push(
      benchmarkRow(england, 'england', englandRow, true, order.length + parents.length),
    );
  }

  const benchmarkLabel = describeBenchmark(benchmark, parents, areas, englandName);
  return {
    level,
    benchmark,
    confidence,
    sort,
    columns: indicators.map((d, c) =>
      rugColumn(d, benchmarkLabel, confidence, notBanded[c] ?? null),
    ),
    rows,
    benchmarkRows,
    legend: rugLegend(indicators, benchmarkLabel, confidence, notBanded),
  };
}

function cellsOf(row: CellRowContext): RugCell[] {
  const cells = new Array<RugCell>(row.sheet.columns.length);
  for (let c = 0; c < cells.length; c++) cells[c] = new RugCellRecord(row, c);
  return cells;
}

function sortOrder(
  input: BuildRugInput,
  sort: RugSort,
  values: CellValues,
  areaRows: Int32Array,
): Int32Array {
  const { areas } = input;
  const order = new Int32Array(areas.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  if (sort.by === 'input') return order;
  // Ascending unless asked otherwise.
  const direction = sort.direction ?? 'asc';
  const sign = direction === 'desc' ? -1 : 1;
  const byName = (a: number, b: number): number =>
    rugNameCollator.compare((areas[a] as RugArea).name, (areas[b] as RugArea).name);
  if (sort.by === 'name') return order.sort((a, b) => sign * byName(a, b));

  const c = input.indicators.findIndex((d) => d.id === sort.indicatorId);
  if (c < 0) throw new RangeError(`cannot sort by ${sort.indicatorId}: not a column of this rug`);
  const keys = new Float64Array(areas.length);
  for (let i = 0; i < areas.length; i++) {
    keys[i] = values.value[(areaRows[i] ?? 0) * values.columnCount + c] ?? Number.NaN;
  }
  // One tie-break function for the whole sort, told which pair it breaks, rather than a new
  // closure for each of the ~100,000 comparisons.
  let tieA = 0;
  let tieB = 0;
  const tieByName = (): number => byName(tieA, tieB);
  return order.sort((a, b) => {
    tieA = a;
    tieB = b;
    return compareRugValues(keys[a] ?? Number.NaN, keys[b] ?? Number.NaN, direction, tieByName);
  });
}
