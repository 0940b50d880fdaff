// Builds the rug model from areas, indicator definitions and indicator values. Values are
// indexed once into typed arrays (cell-values.ts); cells are small views onto them that share
// their comparison pairs and row/column contexts, so the build allocates little per cell.
import { comparisonMethodOf } from '../catalogue/indicator-definition.ts';
import { type ColourTokenId, comparisonSymbols, tokenForQuintile } from '../palette/palette.ts';
import {
  type Comparison,
  type Judgement,
  type NotComparedReason,
  compareInterval,
  comparisons,
  judge,
} from '../stats/compare.ts';
import { formatConfidence, isConfidenceLevel } from '../stats/interval.ts';
import { quintileBands } from '../stats/quintiles.ts';
import {
  type CellValues,
  LOWER,
  NO_VALUE,
  REASON_CODES,
  SUPPRESSED,
  STRIDE,
  UPPER,
  VALUE,
  indexCellValues,
} from './cell-values.ts';
import { formatNumber, roundAsDisplayed } from './format-value.ts';
import { type CellColumnContext, type CellRowContext, RugCellRecord } from './rug-cell.ts';
import { describeBenchmark, rugColumn, rugLegend } from './rug-legend.ts';
import { compareRugValues, rugNameCollator } from './row-order.ts';
import type {
  BuildRugInput,
  Rug,
  RugColumn,
  RugArea,
  RugCell,
  RugRow,
  RugGap,
  RugRowKind,
  RugSort,
} from './rug-model.ts';

// Comparisons as small integers (the order of `comparisons`) for table lookups.
function comparisonIndex(c: Comparison): number {
  return c === 'higher' ? 0 : c === 'lower' ? 1 : c === 'similar' ? 2 : 3;
}

// Every (parent, england) pair once, frozen and shared by all cells.
const COMPARISON_PAIRS: readonly RugCell['comparison'][] = comparisons.flatMap((parent) =>
  comparisons.map((england) => Object.freeze({ parent, england })),
);
function pairOf(parent: Comparison, england: Comparison): RugCell['comparison'] {
  return (
    COMPARISON_PAIRS[comparisonIndex(parent) * 4 + comparisonIndex(england)] ??
    Object.freeze({ parent, england })
  );
}

/**
 * Builds the rug: rows (areas, in the requested order), columns (indicators), cells compared with
 * the parent and with England, judged against the chosen benchmark at 95% or 99.8%, quintile bands
 * for indicators without an interval, benchmark rows (parents, then England), and a legend that
 * says which method each column used. Cells read their numbers from typed arrays and write their
 * accessible label on first read; `JSON.stringify` gives plain data with labels.
 * @see docs/methods.md §1–2; APHO/PHE Technical Guide "Confidence Intervals"
 */
export function buildRug(input: BuildRugInput): Rug {
  const { areas, indicators, benchmarks, level, benchmark, confidence } = input;
  if (!isConfidenceLevel(confidence)) {
    throw new RangeError(`confidence must be 0.95 or 0.998, got ${String(confidence)}`);
  }
  const sort: RugSort = input.sort ?? { by: 'input' };
  const columnCount = indicators.length;
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

  // Quintile bands within the areas shown (never the benchmark rows), per quintile column, of
  // the values as displayed: two wards that read 6.96 share a band, whatever their 10th digit.
  // An authority-wide indicator, or one whose displayed values are all the same, is not banded.
  const scratch = new Float64Array(areas.length);
  const notBanded: RugColumn['notBanded'][] = indicators.map(() => null);
  const bands = indicators.map((definition, c): Uint8Array | null => {
    if (comparisonMethodOf(definition) !== 'quintile') return null;
    let first = Number.NaN;
    let constant = true;
    for (let i = 0; i < areas.length; i++) {
      const v = roundAsDisplayed(
        values.numbers[((areaRows[i] ?? 0) * columnCount + c) * STRIDE + VALUE] ?? Number.NaN,
        definition.decimals,
      );
      scratch[i] = v;
      if (Number.isNaN(v)) continue;
      if (Number.isNaN(first)) first = v;
      else if (v !== first) constant = false;
    }
    if (definition.measuredFor === 'local_authority') notBanded[c] = 'authority_wide';
    else if (constant && !Number.isNaN(first)) notBanded[c] = 'constant';
    return notBanded[c] === null ? quintileBands(scratch) : null;
  });

  const ciPrefix = ` (${formatConfidence(confidence)} CI `;
  const columns: CellColumnContext[] = indicators.map((definition) => {
    const percent = definition.unit === '%' ? '%' : '';
    return {
      definition,
      significance: comparisonMethodOf(definition) === 'significance',
      ciPrefix,
      polarity: definition.polarity,
      decimals: definition.decimals,
      // Indexed like `comparisons`: higher, lower, similar, not compared.
      suffixes: comparisons.map((c) =>
        c === 'not_compared' ? percent : `${percent} ${comparisonSymbols[c]}`,
      ),
    };
  });
  const make = cellMaker(values, columns, englandRow, notBanded, input);

  const order = sortOrder(input, sort, values, areaRows);
  const useParent = benchmark === 'parent';
  const rows = new Array<RugRow>(order.length);
  for (let position = 0; position < order.length; position++) {
    const i = order[position] ?? 0;
    const area = areas[i] as RugArea;
    const parentCode = area.parentCode ?? null;
    const parentRow = parentCode === null ? -1 : (valueRowOf.get(parentCode) ?? -1);
    const parentName = parentCode === null ? undefined : parentNames.get(parentCode);
    const row: CellRowContext = useParent
      ? {
          areaName: area.name,
          kind: 'area',
          benchmarkName: parentName ?? 'the parent area',
          hasBenchmarkArea: parentRow >= 0,
        }
      : {
          areaName: area.name,
          kind: 'area',
          benchmarkName: englandName,
          hasBenchmarkArea: englandRow >= 0,
        };
    const valueRow = areaRows[i] ?? 0;
    const cells = new Array<RugCell>(columnCount);
    for (let c = 0; c < columnCount; c++) {
      cells[c] = make(row, valueRow, c, parentRow, useParent, bands[c]?.[i] ?? 0);
    }
    rows[position] = { code: area.code, name: area.name, kind: 'area', parentCode, cells };
  }

  const benchmarkRows: RugRow[] = parents.map((parent, p) =>
    benchmarkRow(
      make,
      parent,
      'parent',
      parentRows[p] ?? 0,
      columnCount,
      englandName,
      englandRow,
      useParent,
    ),
  );
  if (england !== null) {
    benchmarkRows.push(
      benchmarkRow(make, england, 'england', englandRow, columnCount, englandName, -1),
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

type CellMaker = (
  row: CellRowContext,
  valueRow: number,
  c: number,
  parentRow: number,
  judgeByParent: boolean,
  band: number,
) => RugCell;

// Parent rows are judged against England when England is the benchmark; when the parent is
// the benchmark its row is the yardstick, like England's own row, and is not compared.
function benchmarkRow(
  make: CellMaker,
  area: RugArea,
  kind: RugRowKind,
  valueRow: number,
  columnCount: number,
  englandName: string,
  englandRow: number,
  isBenchmark = false,
): RugRow {
  const row: CellRowContext = {
    areaName: area.name,
    kind,
    benchmarkName: englandName,
    hasBenchmarkArea: englandRow >= 0,
    isBenchmark,
  };
  const cells = new Array<RugCell>(columnCount);
  for (let c = 0; c < columnCount; c++) cells[c] = make(row, valueRow, c, -1, false, 0);
  return { code: area.code, name: area.name, kind, parentCode: null, cells };
}

// Sentences for cells a column does not band, and for suppressed values.
const NOT_BANDED_TEXT = {
  authority_wide: ' (same for the whole authority)',
  constant: ' (same in every area shown)',
} as const;
const NOT_BANDED_EXPLANATION = {
  authority_wide:
    'Same for the whole authority: the publisher measures this for the local authority and gives each of its areas that figure, so its areas are not compared with each other.',
  constant:
    'Same in every area shown (as displayed), so the areas are not banded against each other.',
} as const;

function cellMaker(
  values: CellValues,
  columns: readonly CellColumnContext[],
  englandRow: number,
  notBanded: readonly RugColumn['notBanded'][],
  input: Pick<BuildRugInput, 'missing' | 'suppressedBelow'>,
): CellMaker {
  const { columnCount, numbers, reason: reasonOf } = values;
  const compareAt = (
    baseReason: number,
    lo: number,
    hi: number,
    benchmarkRow: number,
    c: number,
  ): Comparison => {
    if (baseReason !== 0 || benchmarkRow < 0) return 'not_compared';
    return compareInterval(
      lo,
      hi,
      numbers[(benchmarkRow * columnCount + c) * STRIDE + VALUE] ?? Number.NaN,
    );
  };

  return (row, valueRow, c, parentRow, judgeByParent, band) => {
    const column = columns[c] as CellColumnContext;
    const slot = valueRow * columnCount + c;
    const base = slot * STRIDE;
    const value = numbers[base + VALUE] ?? Number.NaN;
    const baseReason = reasonOf[slot] ?? NO_VALUE;
    // The benchmark itself (England; the authority when the areas are judged against it) is
    // not compared: the page says "compared with Dacorum", so Dacorum's row is the yardstick.
    const isEngland = row.kind === 'england';
    const isBenchmark = isEngland || row.isBenchmark === true;

    let parent: Comparison = 'not_compared';
    let vsEngland: Comparison = 'not_compared';
    let chosen: Comparison = 'not_compared';
    let reason: NotComparedReason | null = null;
    let judgement: Judgement = 'not_compared';
    let token: ColourTokenId;
    if (column.significance) {
      const lower = numbers[base + LOWER] ?? Number.NaN;
      const upper = numbers[base + UPPER] ?? Number.NaN;
      parent = compareAt(baseReason, lower, upper, parentRow, c);
      vsEngland = compareAt(baseReason, lower, upper, isEngland ? -1 : englandRow, c);
      chosen = isBenchmark ? 'not_compared' : judgeByParent ? parent : vsEngland;
      reason = REASON_CODES[baseReason] ?? null;
      if (reason === null && chosen === 'not_compared' && !isBenchmark) reason = 'no_benchmark';
      judgement = judge(chosen, column.polarity);
      token = isBenchmark ? 'benchmark' : judgement;
    } else {
      token = row.kind === 'area' ? tokenForQuintile(band) : 'benchmark';
    }

    // Why the cell is empty or uncoloured, in its text and in a sentence.
    let gap: RugGap | null = null;
    let explanation: string | null = null;
    let text: string;
    if (Number.isNaN(value)) {
      // A column's reason (ward vintage, not published) is about the areas shown, not the
      // benchmark rows beneath them.
      const missing = row.kind === 'area' ? input.missing?.get(column.definition.id) : undefined;
      if (baseReason === SUPPRESSED) {
        gap = 'suppressed';
        const below = input.suppressedBelow?.get(column.definition.id);
        explanation = `Suppressed by the publisher${below ? `: ${below}` : ''}.`;
        text = '– suppressed';
      } else if (missing !== undefined) {
        gap = missing.gap;
        explanation = missing.explanation;
        text = missing.gap === 'ward_vintage' ? '– other ward vintage' : '– not published';
      } else {
        gap = 'no_value';
        explanation = 'No value in the source data for this area.';
        text = '–';
      }
    } else {
      text =
        formatNumber(value, column.decimals) + (column.suffixes[comparisonIndex(chosen)] ?? '');
      const flat = column.significance || row.kind !== 'area' ? null : (notBanded[c] ?? null);
      if (flat !== null) {
        gap = flat;
        explanation = NOT_BANDED_EXPLANATION[flat];
        text += NOT_BANDED_TEXT[flat];
        token = 'not_compared';
      }
    }

    return new RugCellRecord(
      values,
      slot,
      row,
      column,
      pairOf(parent, vsEngland),
      judgement,
      reason,
      band,
      text,
      token,
      gap,
      explanation,
    );
  };
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
    keys[i] =
      values.numbers[((areaRows[i] ?? 0) * values.columnCount + c) * STRIDE + VALUE] ?? Number.NaN;
  }
  return order.sort((a, b) =>
    compareRugValues(keys[a] ?? Number.NaN, keys[b] ?? Number.NaN, direction, () => byName(a, b)),
  );
}
