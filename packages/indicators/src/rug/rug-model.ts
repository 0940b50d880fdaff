// The rug's inputs and output: rows of areas, columns of indicators, cells with comparisons,
// display text, colour token and an accessible label, plus a legend saying how each column
// was compared. Plain data, so the API can serialise it as it is.
import type { AggregateStatus } from '../aggregate/coverage.ts';
import type {
  ComparisonMethod,
  IndicatorDefinition,
  Polarity,
  Theme,
  ValueType,
} from '../catalogue/indicator-definition.ts';
import type { ColourToken, ColourTokenId } from '../palette/palette.ts';
import type { Comparison, Judgement, NotComparedReason } from '../stats/compare.ts';
import type { ConfidenceLevel } from '../stats/interval.ts';

/** Geography of the rug's rows. */
export const rugLevels = ['lsoa', 'ward', 'lad', 'estate', 'custom'] as const;
export type RugLevel = (typeof rugLevels)[number];

/** The levels a rug is served for from stored data: wards, LSOAs, and estates from their LSOAs. */
export const rugServedLevels = ['ward', 'lsoa', 'estate'] as const satisfies readonly RugLevel[];

/** Confidence levels of the significance test, as Fingertips offers them (%). */
export const rugConfidences = ['95', '99.8'] as const;
export type RugConfidence = (typeof rugConfidences)[number];

/** Which benchmark judges the cells: each area's parent (local authority) or England. */
export const rugBenchmarks = ['parent', 'england'] as const;
export type RugBenchmark = (typeof rugBenchmarks)[number];

/** Kinds of row: the areas shown, and the benchmark rows beneath them. */
export const rugRowKinds = ['area', 'parent', 'england'] as const;
export type RugRowKind = (typeof rugRowKinds)[number];

/** An area shown as a row (or used as a benchmark). */
export interface RugArea {
  readonly code: string;
  readonly name: string;
  /** Code of the benchmark parent (usually the local authority). */
  readonly parentCode?: string | null;
}

/**
 * One indicator value for one area, shaped like an `indicator_value` row so the API can pass
 * database rows straight in. With numerator and denominator the rug computes the interval at the
 * chosen confidence itself; otherwise lower/upper are used when given at that confidence.
 */
export interface RugValueInput {
  readonly indicatorId: string;
  readonly areaCode: string;
  /** Full-precision value in the indicator's unit; computed from the counts when absent. */
  readonly value?: number | null;
  readonly lower?: number | null;
  readonly upper?: number | null;
  /** Confidence level of the given lower/upper; 0.95 when absent. */
  readonly confidence?: number | null;
  readonly numerator?: number | null;
  readonly denominator?: number | null;
  readonly suppressed?: boolean;
  /** Coverage of an aggregated value; 'partial' is said in the label. */
  readonly status?: AggregateStatus;
  /** Extra words for the accessible label, e.g. "9 of 10 LSOAs". */
  readonly note?: string | null;
}

/**
 * Why a cell has no value or no colour: the publisher suppressed it; it is not published for
 * this geography; its areas are another vintage of wards; the indicator is one figure for the
 * whole authority; or every area shown has the same value (as displayed), so banding is empty.
 */
export const rugGaps = [
  'suppressed',
  'not_published',
  'ward_vintage',
  'no_value',
  'authority_wide',
  'constant',
] as const;
export type RugGap = (typeof rugGaps)[number];

/** Why a whole column has no values for the areas shown, said in its empty cells. */
export interface RugMissingColumn {
  readonly gap: 'not_published' | 'ward_vintage';
  /** The sentence for the popover, the label and the CSV. */
  readonly explanation: string;
}

/** The benchmark areas: the parents the areas point at, and England. */
export interface RugBenchmarkAreas {
  readonly parents?: readonly RugArea[];
  readonly england?: RugArea | null;
}

/** Sort order for the area rows; missing values always sort last. */
export type RugSort =
  | { readonly by: 'input' }
  | { readonly by: 'name'; readonly direction?: 'asc' | 'desc' }
  | { readonly by: 'indicator'; readonly indicatorId: string; readonly direction?: 'asc' | 'desc' };

/** Everything {@link buildRug} needs. */
export interface BuildRugInput {
  readonly areas: readonly RugArea[];
  /** Columns, in order. */
  readonly indicators: readonly IndicatorDefinition[];
  /** Values for the areas and the benchmark areas, in any order (fastest grouped by area). */
  readonly values: readonly RugValueInput[];
  readonly benchmarks: RugBenchmarkAreas;
  readonly level: RugLevel;
  readonly benchmark: RugBenchmark;
  readonly confidence: ConfidenceLevel;
  readonly sort?: RugSort;
  /** Columns without values for the areas shown, by indicator id, and why. */
  readonly missing?: ReadonlyMap<string, RugMissingColumn>;
  /** Words for a suppressed value, e.g. "counts below 10 are not published". */
  readonly suppressedBelow?: ReadonlyMap<string, string>;
}

/** A column: the indicator and how it is compared. */
export interface RugColumn {
  readonly id: string;
  readonly title: string;
  readonly shortLabel: string;
  readonly theme: Theme;
  readonly polarity: Polarity;
  readonly unit: string;
  readonly valueType: ValueType;
  /** Decimal places its values are shown with (and so its intervals). */
  readonly decimals: number;
  readonly comparisonMethod: ComparisonMethod;
  /** One line for the column header's tooltip, e.g. "Wilson score 95% CI, compared with Dacorum". */
  readonly methodNote: string;
  /**
   * Why a quintile column is not banded at all: one figure for the whole authority, or the same
   * value (as displayed) in every area shown; null when it is banded or compared.
   */
  readonly notBanded: 'authority_wide' | 'constant' | null;
}

/**
 * A cell: numbers at full precision, comparisons, and what to show. buildRug returns cells whose
 * fields are getters (read from typed arrays; the label written on first read), so use the
 * properties or JSON.stringify / toJSON(), not object spread, to copy one.
 */
export interface RugCell {
  readonly indicatorId: string;
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly count: number | null;
  readonly denominator: number | null;
  /** Against each benchmark; 'not_compared' for quintile columns and missing benchmarks. */
  readonly comparison: { readonly parent: Comparison; readonly england: Comparison };
  /** The comparison against the chosen benchmark, read through the polarity. */
  readonly judgement: Judgement;
  /** Why the chosen comparison was not made, or null. */
  readonly reason: NotComparedReason | null;
  /**
   * Quintile 1..5 within the areas shown for quintile columns; 0 otherwise. Values equal as
   * displayed share a band (ties take the lowest rank's band).
   */
  readonly band: number;
  /** Why the cell has no value or no colour, or null. */
  readonly gap: RugGap | null;
  /** That reason in a sentence, or null. */
  readonly explanation: string | null;
  /** Rounded value with unit and direction symbol, e.g. "23.4% ▲"; "–" when missing. */
  readonly text: string;
  readonly token: ColourTokenId;
  /** Screen-reader sentence, e.g. "Adeyfield West, Income deprivation 23.4% (95% CI 20.1–26.9), worse than Dacorum". */
  readonly label: string;
}

/** A row: an area and one cell per column. */
export interface RugRow {
  readonly code: string;
  readonly name: string;
  readonly kind: RugRowKind;
  readonly parentCode: string | null;
  readonly cells: readonly RugCell[];
}

/** How one column was compared, in words, and the tokens it can use. */
export interface RugColumnLegend {
  readonly indicatorId: string;
  readonly comparisonMethod: ComparisonMethod;
  readonly text: string;
  readonly tokens: readonly ColourTokenId[];
}

/** The legend: a summary, one entry per column, and the tokens used. */
export interface RugLegend {
  readonly summary: string;
  readonly columns: readonly RugColumnLegend[];
  readonly tokens: readonly ColourToken[];
}

/** The rug model. */
export interface Rug {
  readonly level: RugLevel;
  readonly benchmark: RugBenchmark;
  readonly confidence: ConfidenceLevel;
  readonly sort: RugSort;
  readonly columns: readonly RugColumn[];
  readonly rows: readonly RugRow[];
  /** Parent (local authority) rows, then England. */
  readonly benchmarkRows: readonly RugRow[];
  readonly legend: RugLegend;
}
