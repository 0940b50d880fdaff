// Every indicator value of a rug indexed once into flat typed arrays (value row × column), with
// intervals recomputed at the rug's confidence from numerators and denominators. Cells are
// views onto these arrays, so a rug of 225,000 cells holds its numbers off the JS heap. One
// array per kind of number: banding, sorting and judging read only the ones they need.
import type { IndicatorDefinition } from '../catalogue/indicator-definition.ts';
import { BYAR_MINIMUM_COUNT, byarLimits } from '../stats/byar.ts';
import type { NotComparedReason } from '../stats/compare.ts';
import { zFor } from '../stats/interval.ts';
import { type CountLimits, exactPoissonLimits } from '../stats/poisson-exact.ts';
import { wilsonInto } from '../stats/wilson.ts';
import type { RugValueInput } from './rug-model.ts';

/**
 * Benchmark-independent reasons not to compare, by code, in the order notComparedReason
 * (stats/compare.ts) checks them; code 0 = comparable.
 */
export const REASON_CODES = [
  null,
  'suppressed',
  'no_value',
  'no_interval',
  'below_minimum_count',
  'below_minimum_denominator',
] as const satisfies readonly (NotComparedReason | null)[];
export const SUPPRESSED = 1;
export const NO_VALUE = 2;
const NO_INTERVAL = 3;
const BELOW_MINIMUM_COUNT = 4;
const BELOW_MINIMUM_DENOMINATOR = 5;

/** Flag bit: the value is a partial aggregate. */
export const PARTIAL_FLAG = 1;

/** Full-precision numbers for every slot (value row × columnCount + column), NaN where missing. */
export interface CellValues {
  readonly columnCount: number;
  readonly value: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /**
   * The input row each slot was last written from, + 1 (0: none), for its count and denominator
   * (countAt, denominatorAt): read from the row when asked rather than copied for every slot.
   */
  readonly source: Int32Array;
  readonly rows: readonly RugValueInput[];
  /** Index into REASON_CODES; 0 = comparable. */
  readonly reason: Uint8Array;
  readonly flags: Uint8Array;
  /** Label notes by slot; sparse, so a Map rather than a huge holey array. */
  readonly notes: ReadonlyMap<number, string>;
}

/** The count (numerator) a slot was given, or NaN. */
export function countAt(values: CellValues, slot: number): number {
  const numerator = values.rows[(values.source[slot] ?? 0) - 1]?.numerator;
  return finite(numerator) ? numerator : Number.NaN;
}

/** The denominator a slot was given, or NaN. */
export function denominatorAt(values: CellValues, slot: number): number {
  const denominator = values.rows[(values.source[slot] ?? 0) - 1]?.denominator;
  return finite(denominator) ? denominator : Number.NaN;
}

function finite(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/**
 * Indexes `values` by (area code → value row, indicator id → column) and computes each slot's
 * value and interval at `confidence`: Wilson for proportions and Byar / exact Poisson for rates
 * from their counts; otherwise the given lower/upper when they are at that confidence.
 * @see APHO/PHE Technical Guide "Confidence Intervals"
 */
export function indexCellValues(
  values: readonly RugValueInput[],
  indicators: readonly IndicatorDefinition[],
  valueRowOf: ReadonlyMap<string, number>,
  confidence: number,
): CellValues {
  const columnCount = indicators.length;
  const size = valueRowOf.size * columnCount;
  // The number arrays in one allocation: fresh typed arrays cost by the call as well as by the
  // byte, so a rug keeps three numbers a slot, not five.
  const bytes = Float64Array.BYTES_PER_ELEMENT;
  const buffer = new ArrayBuffer(size * (3 * bytes + Int32Array.BYTES_PER_ELEMENT));
  new Float64Array(buffer, 0, 3 * size).fill(Number.NaN);
  const value = new Float64Array(buffer, 0, size);
  const lower = new Float64Array(buffer, size * bytes, size);
  const upper = new Float64Array(buffer, 2 * size * bytes, size);
  const source = new Int32Array(buffer, 3 * size * bytes, size);
  const reason = new Uint8Array(size).fill(NO_VALUE);
  const flags = new Uint8Array(size);
  const notes = new Map<number, string>();

  // Column facts copied out of the definitions once: definitions come in many object shapes,
  // and reading them per value would be megamorphic. Family: 0 none, 1 Wilson, 2 Byar, 3 other.
  const columnOf = new Map<string, number>();
  const ids = indicators.map((d) => d.id);
  const family = new Uint8Array(columnCount);
  const multipliers = new Float64Array(columnCount);
  const minimumCounts = new Float64Array(columnCount);
  const minimumDenominators = new Float64Array(columnCount);
  indicators.forEach((d, c) => {
    columnOf.set(d.id, c);
    family[c] =
      d.interval === null ? 0 : d.interval === 'wilson' ? 1 : d.interval === 'byar' ? 2 : 3;
    multipliers[c] = d.multiplier;
    // NaN = no minimum.
    minimumCounts[c] = d.minimumCount ?? Number.NaN;
    minimumDenominators[c] = d.minimumDenominator ?? Number.NaN;
  });

  const z = zFor(confidence);
  const bounds = new Float64Array(2);
  // Exact Poisson limits are gamma inversions: compute each small count once per rug.
  const exactCache = new Map<number, CountLimits>();
  const exact = (o: number): CountLimits => {
    let limits = exactCache.get(o);
    if (limits === undefined) {
      limits = exactPoissonLimits(o, confidence);
      exactCache.set(o, limits);
    }
    return limits;
  };

  // Rows usually arrive grouped by area (or by indicator) in column order: try the next column
  // and the last area before hashing.
  let lastColumn = -1;
  let lastArea = '';
  let lastRow: number | undefined;

  // In input order, so the value objects are read sequentially; a later duplicate wins.
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as RugValueInput;
    const guess = lastColumn + 1 < columnCount ? lastColumn + 1 : 0;
    const c = ids[guess] === v.indicatorId ? guess : columnOf.get(v.indicatorId);
    if (v.areaCode !== lastArea) {
      lastArea = v.areaCode;
      lastRow = valueRowOf.get(lastArea);
    }
    const r = lastRow;
    if (c === undefined || r === undefined) continue;
    lastColumn = c;
    const k = r * columnCount + c;
    const multiplier = multipliers[c] ?? 1;
    const o = finite(v.numerator) ? v.numerator : Number.NaN;
    const n = finite(v.denominator) ? v.denominator : Number.NaN;
    source[k] = i + 1;
    flags[k] = v.status === 'partial' ? PARTIAL_FLAG : 0;
    if (v.note != null) notes.set(k, v.note);
    value[k] = Number.NaN;
    lower[k] = Number.NaN;
    upper[k] = Number.NaN;
    if (v.suppressed === true) {
      reason[k] = SUPPRESSED;
      continue;
    }
    const hasCounts = o >= 0 && n > 0;
    const x = finite(v.value) ? v.value : hasCounts ? (o / n) * multiplier : Number.NaN;
    if (Number.isNaN(x)) {
      reason[k] = NO_VALUE;
      continue;
    }
    value[k] = x;
    let lo = Number.NaN;
    let hi = Number.NaN;
    const kind = family[c] ?? 0;
    if (kind === 1 && hasCounts && o <= n) {
      wilsonInto(bounds, 0, o, n, z);
      lo = (bounds[0] ?? Number.NaN) * multiplier;
      hi = (bounds[1] ?? Number.NaN) * multiplier;
    } else if (kind === 2 && hasCounts) {
      const limits = o < BYAR_MINIMUM_COUNT ? exact(o) : byarLimits(o, z);
      lo = (limits.lower / n) * multiplier;
      hi = (limits.upper / n) * multiplier;
    } else if (finite(v.lower) && finite(v.upper) && (v.confidence ?? 0.95) === confidence) {
      lo = v.lower;
      hi = v.upper;
    }
    lower[k] = lo;
    upper[k] = hi;
    const minimumCount = minimumCounts[c] ?? Number.NaN;
    const minimumDenominator = minimumDenominators[c] ?? Number.NaN;
    if (kind === 0) reason[k] = 0;
    else if (Number.isNaN(lo) || Number.isNaN(hi)) reason[k] = NO_INTERVAL;
    else if (!Number.isNaN(minimumCount) && !(o >= minimumCount)) reason[k] = BELOW_MINIMUM_COUNT;
    else if (!Number.isNaN(minimumDenominator) && !(n >= minimumDenominator)) {
      reason[k] = BELOW_MINIMUM_DENOMINATOR;
    } else reason[k] = 0;
  }
  return { columnCount, value, lower, upper, source, rows: values, reason, flags, notes };
}
