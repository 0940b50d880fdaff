// Cell texts ("23.4% ▲", "2.74 (same for the whole authority)", "– suppressed"), written once
// for each distinct figure a column shows and shared: a column of 7,500 wards shows a few
// hundred distinct figures, so most cells take a text already written, by its number, instead
// of formatting and keeping their own string.
import { displayedDigits } from './displayed-digits.ts';
import { formatNumber } from './format-value.ts';
import type { RugGap } from './rug-model.ts';

/** The text of a cell without a value, by why. */
export const EMPTY_TEXT: Readonly<
  Record<'suppressed' | 'ward_vintage' | 'not_published' | 'no_value', string>
> = {
  suppressed: '– suppressed',
  ward_vintage: '– other ward vintage',
  not_published: '– not published',
  no_value: '–',
};

/** What follows the number in a cell its column does not band. */
export const NOT_BANDED_TEXT = {
  authority_wide: ' (same for the whole authority)',
  constant: ' (same in every area shown)',
} as const;

/** How one column writes its cells' texts. */
export interface ColumnTextStyle {
  readonly decimals: number;
  /** What follows the number for each comparison, indexed like `comparisons`. */
  readonly suffixes: readonly string[];
  /** What follows a value the column does not band, or "". */
  readonly notBanded: string;
}

// Slots in each table of texts written: a power of two, a few times the distinct figures a
// column of a large rug shows, small enough that a rug's few tables stay in cache.
const BITS = 13;
// No figure is this large (|digits| < 1e8, so |figure| < 8e8 + 8).
const EMPTY = 0x7fffffff;
// The texts of empty cells come first, at these numbers.
const EMPTY_IDS = { suppressed: 0, ward_vintage: 1, not_published: 2, no_value: 3 } as const;

/**
 * A rug's cell texts, each kept once and known by its number. Columns written alike (same
 * decimals, unit and not-banded sentence) share a direct-mapped table that remembers the last
 * text written for each slot, by figure: a lookup is two array reads, and two figures that
 * share a slot only cost a second writing.
 */
export class CellTexts {
  readonly #styles: readonly ColumnTextStyle[];
  readonly #texts: string[] = [
    EMPTY_TEXT.suppressed,
    EMPTY_TEXT.ward_vintage,
    EMPTY_TEXT.not_published,
    EMPTY_TEXT.no_value,
  ];
  /** Each column's table. */
  readonly #tableOf: Int32Array;
  // Per table and slot (table << BITS | slot): the figure it holds (digits × 8 + variant), and
  // the number of its text.
  readonly #figures: Int32Array;
  readonly #ids: Int32Array;

  /** Tables for columns written in these styles. */
  constructor(styles: readonly ColumnTextStyle[]) {
    this.#styles = styles;
    const tables = new Map<string, number>();
    this.#tableOf = Int32Array.from(styles, (style) => {
      const key = [style.decimals, style.notBanded, ...style.suffixes].join('\n');
      const table = tables.get(key) ?? tables.size;
      tables.set(key, table);
      return table;
    });
    this.#figures = new Int32Array(tables.size << BITS).fill(EMPTY);
    this.#ids = new Int32Array(tables.size << BITS);
  }

  /** The text numbered `id`. */
  text(id: number): string {
    return this.#texts[id] ?? EMPTY_TEXT.no_value;
  }

  /**
   * The number of the text of a cell of column `c`: its value as displayed, then the suffix for
   * `comparison` (an index into `comparisons`), then the not-banded sentence when `notBanded`;
   * or, without a value, why.
   */
  of(c: number, value: number, comparison: number, notBanded: boolean, gap: RugGap | null): number {
    if (Number.isNaN(value)) {
      return gap === 'suppressed' || gap === 'ward_vintage' || gap === 'not_published'
        ? EMPTY_IDS[gap]
        : EMPTY_IDS.no_value;
    }
    const style = this.#styles[c] as ColumnTextStyle;
    const digits = displayedDigits(value, style.decimals);
    if (Number.isNaN(digits)) return this.#keep(write(style, value, comparison, notBanded));
    // The variant says which suffix follows: the comparison (0–3), + 4 when not banded.
    const figure = (digits * 8 + comparison + (notBanded ? 4 : 0)) | 0;
    const slot =
      ((this.#tableOf[c] ?? 0) << BITS) | (Math.imul(figure, 0x9e3779b1) >>> (32 - BITS));
    if (this.#figures[slot] === figure) return this.#ids[slot] ?? EMPTY_IDS.no_value;
    const id = this.#keep(write(style, value, comparison, notBanded));
    this.#figures[slot] = figure;
    this.#ids[slot] = id;
    return id;
  }

  #keep(text: string): number {
    this.#texts.push(text);
    return this.#texts.length - 1;
  }
}

function write(
  style: ColumnTextStyle,
  value: number,
  comparison: number,
  notBanded: boolean,
): string {
  const text = formatNumber(value, style.decimals) + (style.suffixes[comparison] ?? '');
  return notBanded ? text + style.notBanded : text;
}
