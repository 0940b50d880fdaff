// What a rug's cells show, decided once per cell and kept as small codes in flat arrays (sheet
// row × column): the comparisons with the parent and England, the judgement, why not compared,
// the colour token, the gap, the quintile band and the number of the text. Cells (rug-cell.ts)
// decode them on read, so a rug of 225,000 cells holds ten bytes for each instead of an object
// of strings.
import type { IndicatorDefinition, Polarity } from '../catalogue/indicator-definition.ts';
import { type ColourTokenId, colourTokenIds } from '../palette/palette.ts';
import {
  type Comparison,
  type Judgement,
  type NotComparedReason,
  compareInterval,
  comparisons,
  judge,
  judgements,
} from '../stats/compare.ts';
import { CellTexts, type ColumnTextStyle } from './cell-texts.ts';
import { type CellValues, REASON_CODES, SUPPRESSED } from './cell-values.ts';
import {
  type RugCell,
  type RugGap,
  type RugMissingColumn,
  type RugRowKind,
  rugGaps,
} from './rug-model.ts';

/** What every cell of a column shares, copied out of the definition once. */
export interface CellColumnContext {
  readonly definition: IndicatorDefinition;
  readonly significance: boolean;
  /** " (95% CI " or " (99.8% CI ". */
  readonly ciPrefix: string;
  // Copied out of the definition, read per label: one object shape for every column.
  readonly decimals: number;
  /** The definition's unit as it follows a number in a label ("%", " km", or nothing). */
  readonly unitText: string;
  /** How its cells' texts are written. */
  readonly text: ColumnTextStyle;
  /** Judgement codes for each comparison, indexed like `comparisons`, read through the polarity. */
  readonly judgementCodes: Uint8Array;
  /** Quintile bands of the areas shown, by area (input order), or null when not banded. */
  readonly bands: Uint8Array | null;
  /** Why a quintile column is not banded at all, or null. */
  readonly notBanded: 'authority_wide' | 'constant' | null;
  /** Why the column has no values for the areas shown, or undefined. */
  readonly missing: RugMissingColumn | undefined;
  /** The sentence for its suppressed cells. */
  readonly suppressedExplanation: string;
}

/** What every cell of a row shares. */
export interface CellRowContext {
  readonly sheet: CellSheet;
  readonly areaName: string;
  readonly kind: RugRowKind;
  /** Name of the benchmark the row is judged against ("Dacorum", "England"). */
  readonly benchmarkName: string;
  /** False when the row has no benchmark area at all (no parent given). */
  readonly hasBenchmarkArea: boolean;
  /** True for the row the areas are judged against (England, or the authority when it is the benchmark). */
  readonly isBenchmark: boolean;
  /** Which comparison judges the row's cells; null for the benchmark itself. */
  readonly judgedBy: 'parent' | 'england' | null;
  /** Row of its numbers in the value arrays. */
  readonly valueRow: number;
  /** Row of its codes in the sheet. */
  readonly sheetRow: number;
}

/** The codes of every cell of a rug, beside the numbers they were decided from. */
export interface CellSheet {
  readonly values: CellValues;
  readonly columns: readonly CellColumnContext[];
  readonly texts: CellTexts;
  /** Each cell's text, by its number in `texts`. */
  readonly textIds: Int32Array;
  /** parent × 4 + england, each the index of the comparison in `comparisons`. */
  readonly pairs: Uint8Array;
  /** Index into `judgements`. */
  readonly judgements: Uint8Array;
  /** Index into CELL_REASONS: REASON_CODES, then no_benchmark; 0 = none. */
  readonly reasons: Uint8Array;
  /** Index into `colourTokenIds`. */
  readonly tokens: Uint8Array;
  /** 0 = none, else 1 + the index into `rugGaps`. */
  readonly gaps: Uint8Array;
  /** Quintile band 1..5, or 0. */
  readonly bands: Uint8Array;
  /** Each cell's label once read, kept here rather than in 225,000 cell objects. */
  readonly written: { labels: (string | undefined)[] | null };
}

// Reasons not to compare, by code: the benchmark-independent ones, then no benchmark value.
const CELL_REASONS = [
  ...REASON_CODES,
  'no_benchmark',
] as const satisfies readonly (NotComparedReason | null)[];
const NO_BENCHMARK = CELL_REASONS.length - 1;

// Gaps by code; 0 = none.
const CELL_GAPS = [null, ...rugGaps] as const;
const gapCode = (gap: RugGap): number => CELL_GAPS.indexOf(gap);
const NO_VALUE_GAP = gapCode('no_value');
const SUPPRESSED_GAP = gapCode('suppressed');

// The code of a comparison: its index in `comparisons` (written out: called per cell).
function comparisonCode(c: Comparison): number {
  return c === 'higher' ? 0 : c === 'lower' ? 1 : c === 'similar' ? 2 : 3;
}
const NOT_COMPARED = comparisonCode('not_compared');

// Every (parent, england) pair once, frozen and shared by all cells, by pair code.
const COMPARISON_PAIRS: readonly RugCell['comparison'][] = comparisons.flatMap((parent) =>
  comparisons.map((england) => Object.freeze({ parent, england })),
);
const UNCOMPARED_PAIR = NOT_COMPARED * 4 + NOT_COMPARED;
const UNCOMPARED = Object.freeze({ parent: 'not_compared', england: 'not_compared' } as const);

const NOT_COMPARED_JUDGEMENT = judgements.indexOf('not_compared');

const tokenCode = (token: ColourTokenId): number => colourTokenIds.indexOf(token);
const BENCHMARK_TOKEN = tokenCode('benchmark');
const NOT_COMPARED_TOKEN = tokenCode('not_compared');
// Judgements are token ids too: the token of each judgement code, and of each quintile band.
const JUDGEMENT_TOKENS = Uint8Array.from(judgements, (j) => tokenCode(j));
const QUINTILE_TOKENS = Uint8Array.from([0, 1, 2, 3, 4, 5], (band) =>
  band === 0 ? NOT_COMPARED_TOKEN : tokenCode(`quintile_${band as 1 | 2 | 3 | 4 | 5}`),
);

/** Judgement codes for each comparison code under a polarity. */
export function judgementCodes(polarity: Polarity): Uint8Array {
  return Uint8Array.from(comparisons, (c) => judgements.indexOf(judge(c, polarity)));
}

/** An empty sheet for `rowCount` rows of the columns. */
export function newCellSheet(
  values: CellValues,
  columns: readonly CellColumnContext[],
  rowCount: number,
): CellSheet {
  const size = rowCount * columns.length;
  // One allocation for the code arrays: fresh typed arrays cost by the call as well as by the
  // byte. The text numbers take four bytes, first, where they are aligned.
  const buffer = new ArrayBuffer(size * 10);
  const codes = (k: number): Uint8Array => new Uint8Array(buffer, (4 + k) * size, size);
  return {
    values,
    columns,
    texts: new CellTexts(columns.map((column) => column.text)),
    textIds: new Int32Array(buffer, 0, size),
    pairs: codes(0),
    judgements: codes(1),
    reasons: codes(2),
    tokens: codes(3),
    gaps: codes(4),
    bands: codes(5),
    written: { labels: null },
  };
}

/** Where the sheet keeps its cells' labels once written, by cell; made on first use. */
export function keptLabels(sheet: CellSheet): (string | undefined)[] {
  return (sheet.written.labels ??= new Array<string | undefined>(sheet.pairs.length));
}

/**
 * Decides and writes the codes and texts of one row's cells. Significance columns compare the
 * interval with the parent's and England's values; the benchmark itself (England; the authority
 * when the areas are judged against it) is not compared, being the yardstick the page names.
 * Quintile columns take the area's band; benchmark rows are never banded. `areaIndex` is the
 * area's index in the input (for its bands), or -1 for a benchmark row; `parentRow` and
 * `englandRow` are value rows, -1 when absent.
 */
export function judgeRow(
  row: CellRowContext,
  areaIndex: number,
  parentRow: number,
  englandRow: number,
): void {
  const { sheet, valueRow, sheetRow, isBenchmark } = row;
  const { columns, values } = sheet;
  const { value: valueOf, lower: lowerOf, upper: upperOf, reason: reasonOf, columnCount } = values;
  const { pairs, judgements: judgementsOf, reasons, tokens, gaps, bands, texts, textIds } = sheet;
  const isArea = row.kind === 'area';
  const vsEnglandRow = row.kind === 'england' ? -1 : englandRow;
  for (let c = 0; c < columnCount; c++) {
    const column = columns[c] as CellColumnContext;
    const slot = valueRow * columnCount + c;
    const cell = sheetRow * columnCount + c;
    const value = valueOf[slot] ?? Number.NaN;
    const baseReason = reasonOf[slot] ?? 0;
    let pair = UNCOMPARED_PAIR;
    let chosen = NOT_COMPARED;
    let judgement = NOT_COMPARED_JUDGEMENT;
    let reason = 0;
    let token: number;
    let band = 0;
    if (column.significance) {
      let parent = NOT_COMPARED;
      let england = NOT_COMPARED;
      if (baseReason === 0) {
        const lower = lowerOf[slot] ?? Number.NaN;
        const upper = upperOf[slot] ?? Number.NaN;
        if (parentRow >= 0) {
          parent = comparisonCode(compareInterval(lower, upper, valueAt(values, parentRow, c)));
        }
        if (vsEnglandRow >= 0) {
          england = comparisonCode(compareInterval(lower, upper, valueAt(values, vsEnglandRow, c)));
        }
      }
      pair = parent * 4 + england;
      chosen = chosenComparison(row, pair);
      reason = baseReason;
      if (reason === 0 && chosen === NOT_COMPARED && !isBenchmark) reason = NO_BENCHMARK;
      judgement = column.judgementCodes[chosen] ?? judgement;
      token = isBenchmark ? BENCHMARK_TOKEN : (JUDGEMENT_TOKENS[judgement] ?? NOT_COMPARED_TOKEN);
    } else if (isArea) {
      band = areaIndex >= 0 ? (column.bands?.[areaIndex] ?? 0) : 0;
      token = QUINTILE_TOKENS[band] ?? NOT_COMPARED_TOKEN;
    } else {
      token = BENCHMARK_TOKEN;
    }

    // Why the cell is empty or uncoloured. A column's reason (ward vintage, not published) is
    // about the areas shown, not the benchmark rows beneath them.
    let gap = 0;
    let notBanded = false;
    if (Number.isNaN(value)) {
      if (baseReason === SUPPRESSED) gap = SUPPRESSED_GAP;
      else if (isArea && column.missing !== undefined) gap = gapCode(column.missing.gap);
      else gap = NO_VALUE_GAP;
    } else if (isArea && !column.significance && column.notBanded !== null) {
      gap = gapCode(column.notBanded);
      token = NOT_COMPARED_TOKEN;
      notBanded = true;
    }

    pairs[cell] = pair;
    judgementsOf[cell] = judgement;
    reasons[cell] = reason;
    tokens[cell] = token;
    gaps[cell] = gap;
    bands[cell] = band;
    textIds[cell] = texts.of(c, value, chosen, notBanded, CELL_GAPS[gap] ?? null);
  }
}

function valueAt(values: CellValues, valueRow: number, c: number): number {
  return values.value[valueRow * values.columnCount + c] ?? Number.NaN;
}

// The comparison that judges a cell of the row (an index into `comparisons`), from its pair.
function chosenComparison(row: CellRowContext, pair: number): number {
  if (row.judgedBy === 'parent') return pair >> 2;
  if (row.judgedBy === 'england') return pair & 3;
  return NOT_COMPARED;
}

/** Decoders for the codes. */
export const decode = {
  comparison: (code: number): RugCell['comparison'] =>
    COMPARISON_PAIRS[code] ?? COMPARISON_PAIRS[UNCOMPARED_PAIR] ?? UNCOMPARED,
  judgement: (code: number): Judgement => judgements[code] ?? 'not_compared',
  reason: (code: number): NotComparedReason | null => CELL_REASONS[code] ?? null,
  token: (code: number): ColourTokenId => colourTokenIds[code] ?? 'not_compared',
  gap: (code: number): RugGap | null => CELL_GAPS[code] ?? null,
};
