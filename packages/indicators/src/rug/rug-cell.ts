// A rug cell as a small view onto the rug's typed arrays: its numbers are read from them, and
// its screen-reader label is written on first read. A rug of 7,500 wards has 225,000 cells
// and a screen shows a few hundred; holding every number as a boxed double and every sentence
// up front would be most of the build time. toJSON() gives complete plain data.
import type { Polarity, IndicatorDefinition } from '../catalogue/indicator-definition.ts';
import type { ColourTokenId } from '../palette/palette.ts';
import type { Comparison, Judgement, NotComparedReason } from '../stats/compare.ts';
import {
  COUNT,
  type CellValues,
  DENOMINATOR,
  LOWER,
  PARTIAL_FLAG,
  STRIDE,
  SUPPRESSED,
  UPPER,
  VALUE,
} from './cell-values.ts';
import { formatNumber, unitSuffix } from './format-value.ts';
import type { RugCell, RugGap, RugRowKind } from './rug-model.ts';

/** What every cell of a row shares. */
export interface CellRowContext {
  readonly areaName: string;
  readonly kind: RugRowKind;
  /** Name of the benchmark the row is judged against ("Dacorum", "England"). */
  readonly benchmarkName: string;
  /** False when the row has no benchmark area at all (no parent given). */
  readonly hasBenchmarkArea: boolean;
  /** True for the row the areas are judged against (England, or the authority when it is the benchmark). */
  readonly isBenchmark?: boolean;
}

/** What every cell of a column shares. */
export interface CellColumnContext {
  readonly definition: IndicatorDefinition;
  readonly significance: boolean;
  /** " (95% CI " or " (99.8% CI ". */
  readonly ciPrefix: string;
  // Copies of the definition's fields read per cell: one object shape for every column.
  readonly polarity: Polarity;
  readonly decimals: number;
  /**
   * What follows the number in `text` for each comparison, indexed like `comparisons` (higher,
   * lower, similar, not compared): "%" for a percentage, then the direction symbol.
   */
  readonly suffixes: readonly string[];
}

function orNull(x: number | undefined): number | null {
  return x === undefined || Number.isNaN(x) ? null : x;
}

/** A cell of the rug; see {@link RugCell}. */
export class RugCellRecord implements RugCell {
  readonly comparison: { readonly parent: Comparison; readonly england: Comparison };
  readonly judgement: Judgement;
  readonly reason: NotComparedReason | null;
  readonly band: number;
  readonly text: string;
  readonly token: ColourTokenId;
  readonly gap: RugGap | null;
  readonly explanation: string | null;
  readonly #values: CellValues;
  readonly #slot: number;
  readonly #row: CellRowContext;
  readonly #column: CellColumnContext;
  #label: string | null = null;

  // Positional on purpose: called once per cell, 225,000 times for a national ward rug.
  constructor(
    values: CellValues,
    slot: number,
    row: CellRowContext,
    column: CellColumnContext,
    comparison: RugCell['comparison'],
    judgement: Judgement,
    reason: NotComparedReason | null,
    band: number,
    text: string,
    token: ColourTokenId,
    gap: RugGap | null = null,
    explanation: string | null = null,
  ) {
    this.gap = gap;
    this.explanation = explanation;
    this.comparison = comparison;
    this.judgement = judgement;
    this.reason = reason;
    this.band = band;
    this.text = text;
    this.token = token;
    this.#values = values;
    this.#slot = slot;
    this.#row = row;
    this.#column = column;
  }

  get indicatorId(): string {
    return this.#column.definition.id;
  }
  get value(): number | null {
    return orNull(this.#values.numbers[this.#slot * STRIDE + VALUE]);
  }
  get lower(): number | null {
    return orNull(this.#values.numbers[this.#slot * STRIDE + LOWER]);
  }
  get upper(): number | null {
    return orNull(this.#values.numbers[this.#slot * STRIDE + UPPER]);
  }
  get count(): number | null {
    return orNull(this.#values.numbers[this.#slot * STRIDE + COUNT]);
  }
  get denominator(): number | null {
    return orNull(this.#values.numbers[this.#slot * STRIDE + DENOMINATOR]);
  }

  /** Screen-reader sentence, written on first read and kept. */
  get label(): string {
    this.#label ??= this.#describe();
    return this.#label;
  }

  /** Plain data, label included. */
  toJSON(): RugCell {
    return {
      indicatorId: this.indicatorId,
      value: this.value,
      lower: this.lower,
      upper: this.upper,
      count: this.count,
      denominator: this.denominator,
      comparison: this.comparison,
      judgement: this.judgement,
      reason: this.reason,
      band: this.band,
      text: this.text,
      token: this.token,
      gap: this.gap,
      explanation: this.explanation,
      label: this.label,
    };
  }

  // e.g. "Adeyfield West, Income deprivation 23.4% (95% CI 20.1–26.9), worse than Dacorum", or
  // why the cell has no value or was not compared.
  #describe(): string {
    const row = this.#row;
    const column = this.#column;
    const { definition } = column;
    const value = this.value;
    const lower = this.lower;
    const upper = this.upper;
    let label = `${row.areaName}, ${definition.title}`;
    if (value === null) {
      label +=
        this.gap === 'suppressed' && this.explanation !== null
          ? `: value suppressed. ${this.explanation}`
          : this.explanation !== null && this.gap !== 'no_value'
            ? `: no value. ${this.explanation}`
            : this.#values.reason[this.#slot] === SUPPRESSED
              ? ': value suppressed'
              : ': no value';
    } else if (this.gap === 'authority_wide' || this.gap === 'constant') {
      label += ` ${formatNumber(value, column.decimals)}${unitSuffix(definition.unit)}, not compared. ${this.explanation ?? ''}`;
    } else {
      label += ` ${formatNumber(value, column.decimals)}${unitSuffix(definition.unit)}`;
      if (lower !== null && upper !== null) {
        label += `${column.ciPrefix}${formatNumber(lower, column.decimals)}–${formatNumber(upper, column.decimals)})`;
      }
      if (row.kind === 'england' || row.isBenchmark === true) label += ', benchmark';
      else if (column.significance) label += `, ${this.#judgementPhrase()}`;
      else if (row.kind === 'area') {
        label +=
          this.band > 0
            ? `, quintile ${this.band} of 5 within the areas shown (no significance test)`
            : ', not banded: too few areas with values';
      }
    }
    if (((this.#values.flags[this.#slot] ?? 0) & PARTIAL_FLAG) !== 0) label += '; partial data';
    const note = this.#values.notes.size > 0 ? this.#values.notes.get(this.#slot) : undefined;
    if (note !== undefined) label += ` (${note})`;
    return label;
  }

  #judgementPhrase(): string {
    const { benchmarkName } = this.#row;
    switch (this.judgement) {
      case 'better':
      case 'worse':
      case 'higher':
      case 'lower':
        return `${this.judgement} than ${benchmarkName}`;
      case 'similar':
        return `similar to ${benchmarkName}`;
      case 'not_compared':
        return `not compared: ${this.#reasonText()}`;
    }
  }

  #reasonText(): string {
    const { definition } = this.#column;
    switch (this.reason) {
      case 'suppressed':
        return 'value suppressed';
      case 'no_value':
        return 'no value';
      case 'no_interval':
        return 'no confidence interval at this level';
      case 'below_minimum_count':
        return `fewer than ${String(definition.minimumCount)} events`;
      case 'below_minimum_denominator':
        return `denominator below ${String(definition.minimumDenominator)}`;
      case 'no_benchmark':
      case null:
        return this.#row.hasBenchmarkArea
          ? `no value for ${this.#row.benchmarkName}`
          : 'no benchmark area';
    }
  }
}
