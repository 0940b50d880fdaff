// A rug cell as a small view onto the rug's arrays: its numbers are read from the value arrays,
// its comparisons, judgement, token, gap and text decoded from the sheet's codes, and its
// screen-reader label written on first read. A rug of 7,500 wards has 225,000 cells and a screen
// shows a few hundred; holding every number as a boxed double and every sentence up front would
// be most of the build time. toJSON() gives complete plain data.
import type { Comparison, Judgement, NotComparedReason } from '../stats/compare.ts';
import type { ColourTokenId } from '../palette/palette.ts';
import { type CellColumnContext, type CellRowContext, decode, keptLabels } from './cell-sheet.ts';
import { PARTIAL_FLAG, SUPPRESSED, countAt, denominatorAt } from './cell-values.ts';
import { formatNumber } from './format-value.ts';
import type { RugCell, RugGap } from './rug-model.ts';

function orNull(x: number | undefined): number | null {
  return x === undefined || Number.isNaN(x) ? null : x;
}

const NOT_BANDED_EXPLANATION = {
  authority_wide:
    'Same for the whole authority: the publisher measures this for the local authority and gives each of its areas that figure, so its areas are not compared with each other.',
  constant:
    'Same in every area shown (as displayed), so the areas are not banded against each other.',
} as const;

/** A cell of the rug; see {@link RugCell}. */
export class RugCellRecord implements RugCell {
  readonly #row: CellRowContext;
  readonly #c: number;

  constructor(row: CellRowContext, c: number) {
    this.#row = row;
    this.#c = c;
  }

  get #column(): CellColumnContext {
    return this.#row.sheet.columns[this.#c] as CellColumnContext;
  }
  // Where the cell's numbers are (value row × columns + column) and its codes (sheet row × …).
  get #slot(): number {
    return this.#row.valueRow * this.#row.sheet.columns.length + this.#c;
  }
  get #cell(): number {
    return this.#row.sheetRow * this.#row.sheet.columns.length + this.#c;
  }
  #number(numbers: Float64Array): number | null {
    return orNull(numbers[this.#slot]);
  }

  get indicatorId(): string {
    return this.#column.definition.id;
  }
  get value(): number | null {
    return this.#number(this.#row.sheet.values.value);
  }
  get lower(): number | null {
    return this.#number(this.#row.sheet.values.lower);
  }
  get upper(): number | null {
    return this.#number(this.#row.sheet.values.upper);
  }
  get count(): number | null {
    return orNull(countAt(this.#row.sheet.values, this.#slot));
  }
  get denominator(): number | null {
    return orNull(denominatorAt(this.#row.sheet.values, this.#slot));
  }
  get comparison(): { readonly parent: Comparison; readonly england: Comparison } {
    return decode.comparison(this.#row.sheet.pairs[this.#cell] ?? 0);
  }
  get judgement(): Judgement {
    return decode.judgement(this.#row.sheet.judgements[this.#cell] ?? 0);
  }
  get reason(): NotComparedReason | null {
    return decode.reason(this.#row.sheet.reasons[this.#cell] ?? 0);
  }
  get band(): number {
    return this.#row.sheet.bands[this.#cell] ?? 0;
  }
  get token(): ColourTokenId {
    return decode.token(this.#row.sheet.tokens[this.#cell] ?? 0);
  }
  get gap(): RugGap | null {
    return decode.gap(this.#row.sheet.gaps[this.#cell] ?? 0);
  }

  /** Rounded value with unit and direction symbol, e.g. "23.4% ▲"; "–" when missing. */
  get text(): string {
    const { sheet } = this.#row;
    return sheet.texts.text(sheet.textIds[this.#cell] ?? -1);
  }

  /** The gap in a sentence, or null. */
  get explanation(): string | null {
    const gap = this.gap;
    switch (gap) {
      case null:
        return null;
      case 'suppressed':
        return this.#column.suppressedExplanation;
      case 'ward_vintage':
      case 'not_published':
        return this.#column.missing?.explanation ?? null;
      case 'no_value':
        return 'No value in the source data for this area.';
      case 'authority_wide':
      case 'constant':
        return NOT_BANDED_EXPLANATION[gap];
    }
  }

  /** Screen-reader sentence, written on first read and kept. */
  get label(): string {
    return (keptLabels(this.#row.sheet)[this.#cell] ??= this.#describe());
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
    const { values } = row.sheet;
    const slot = this.#slot;
    const value = this.value;
    const lower = this.lower;
    const upper = this.upper;
    const gap = this.gap;
    const explanation = this.explanation;
    let label = `${row.areaName}, ${definition.title}`;
    if (value === null) {
      label +=
        gap === 'suppressed' && explanation !== null
          ? `: value suppressed. ${explanation}`
          : explanation !== null && gap !== 'no_value'
            ? `: no value. ${explanation}`
            : values.reason[slot] === SUPPRESSED
              ? ': value suppressed'
              : ': no value';
    } else if (gap === 'authority_wide' || gap === 'constant') {
      label += ` ${formatNumber(value, column.decimals)}${column.unitText}, not compared. ${explanation ?? ''}`;
    } else {
      label += ` ${formatNumber(value, column.decimals)}${column.unitText}`;
      if (lower !== null && upper !== null) {
        label += `${column.ciPrefix}${formatNumber(lower, column.decimals)}–${formatNumber(upper, column.decimals)})`;
      }
      if (row.isBenchmark) label += ', benchmark';
      else if (column.significance) label += `, ${this.#judgementPhrase()}`;
      else if (row.kind === 'area') {
        const band = this.band;
        label +=
          band > 0
            ? `, quintile ${band} of 5 within the areas shown (no significance test)`
            : ', not banded: too few areas with values';
      }
    }
    if (((values.flags[slot] ?? 0) & PARTIAL_FLAG) !== 0) label += '; partial data';
    const note = values.notes.size > 0 ? values.notes.get(slot) : undefined;
    if (note !== undefined) label += ` (${note})`;
    return label;
  }

  #judgementPhrase(): string {
    const { benchmarkName } = this.#row;
    const judgement = this.judgement;
    switch (judgement) {
      case 'better':
      case 'worse':
      case 'higher':
      case 'lower':
        return `${judgement} than ${benchmarkName}`;
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
