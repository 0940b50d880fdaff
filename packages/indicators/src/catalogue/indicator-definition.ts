// What an indicator is: the type every catalogue entry, community KPI and import maps onto.
// Each union is derived from its `as const` list so the list (for schemas, selects) and the
// type never drift apart.

/** How the value is measured; decides the interval family and how areas aggregate. */
export const valueTypes = [
  'proportion',
  'rate',
  'mean',
  'score',
  'rank',
  'decile',
  'count',
] as const;
export type ValueType = (typeof valueTypes)[number];

/** Which direction is good, or none: decides better/worse versus higher/lower. */
export const polarities = ['high_is_good', 'low_is_good', 'no_judgement'] as const;
export type Polarity = (typeof polarities)[number];

/** Rug and profile groupings. */
export const themes = [
  'deprivation',
  'education',
  'health',
  'crime',
  'housing',
  'environment',
  'access',
  'community_needs',
] as const;
export type Theme = (typeof themes)[number];

/** The confidence-interval family used when counts (or a standard deviation) are available. */
export const intervalFamilies = ['wilson', 'byar', 'mean'] as const;
export type IntervalFamily = (typeof intervalFamilies)[number];

/**
 * How small areas combine into a larger one: sum numerators and denominators (never average
 * rates), population-weighted mean, the IoD2019 summary measures, or not at all.
 */
export const aggregationMethods = [
  'sum_of_counts',
  'population_weighted_mean',
  'iod_summary',
  'none',
] as const;
export type AggregationMethod = (typeof aggregationMethods)[number];

/** Geography of the published source rows. */
export const sourceGeographies = ['lsoa11', 'ward17'] as const;
export type SourceGeography = (typeof sourceGeographies)[number];

/** One column of one file in the data mirror. */
export interface SourceColumn {
  readonly file: string;
  readonly column: string;
}

/** Where an indicator's numbers come from, precisely enough for an importer to map columns. */
export interface IndicatorSource {
  readonly dataset: string;
  readonly publisher: string;
  readonly url: string;
  readonly geography: SourceGeography;
  /** Column holding the value itself, or null when the value is numerator / denominator. */
  readonly value: SourceColumn | null;
  /** Factor from the source column to the indicator's unit, e.g. 100 for a 0–1 share shown as %. */
  readonly scale: number;
  readonly numerator?: SourceColumn;
  readonly denominator?: SourceColumn;
  /** Column of the area code in the value (or numerator) file. */
  readonly areaCodeColumn: string;
}

/** An indicator: what it measures, how to show it, how to compare and aggregate it, and its source. */
export interface IndicatorDefinition {
  readonly id: string;
  readonly title: string;
  /** Column header on the rug (a few words). */
  readonly shortLabel: string;
  /** Unit as shown after a value, e.g. "%", "km", "per 1,000 households", "rank". */
  readonly unit: string;
  readonly valueType: ValueType;
  readonly polarity: Polarity;
  /** Value = numerator / denominator × multiplier (100 for %, 1,000 for "per 1,000"); 1 otherwise. */
  readonly multiplier: number;
  /** Decimal places for display; the model keeps full precision. */
  readonly decimals: number;
  readonly theme: Theme;
  /** Plain-English definition, as published. */
  readonly definition: string;
  /** Interval family when counts exist; null means no sampling model: compare by quintile. */
  readonly interval: IntervalFamily | null;
  /**
   * Set when the publisher measured the indicator for a whole local authority and gave every
   * small area its authority's figure: then wards of one authority differ only by rounding and
   * are never compared with each other. IoD2019 does this for homelessness (Technical Report,
   * Barriers to Housing and Services domain); see docs/decisions on the rug's honest colours.
   */
  readonly measuredFor?: 'local_authority';
  readonly aggregation: AggregationMethod;
  /** Fewest events for a comparison to be shown (e.g. 5), or null for no minimum. */
  readonly minimumCount: number | null;
  /** Smallest denominator (e.g. 30 respondents), or null for no minimum. */
  readonly minimumDenominator: number | null;
  readonly licence: string;
  /** The attribution to print wherever the data is shown. */
  readonly attribution: string;
  readonly source: IndicatorSource;
}

/** How the rug compares an indicator's values: significance testing needs an interval family. */
export const comparisonMethods = ['significance', 'quintile'] as const;
export type ComparisonMethod = (typeof comparisonMethods)[number];

/** 'significance' when the indicator has an interval family, otherwise 'quintile'. */
export function comparisonMethodOf(definition: IndicatorDefinition): ComparisonMethod {
  return definition.interval === null ? 'quintile' : 'significance';
}
