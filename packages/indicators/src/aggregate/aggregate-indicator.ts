// One indicator for a larger area from its small areas, by the method its definition names.

import type { IndicatorDefinition } from '../catalogue/indicator-definition.ts';
import { byarRate } from '../stats/byar.ts';
import type { IntervalMethod } from '../stats/interval.ts';
import { wilson } from '../stats/wilson.ts';
import type { AggregateStatus, Coverage } from './coverage.ts';
import { sumCounts } from './sum-counts.ts';
import { weightedMean } from './weighted-mean.ts';

/** A small area's figures for one indicator; which fields matter depends on the method. */
export interface SmallAreaFigures {
  readonly value?: number | null;
  readonly numerator?: number | null;
  readonly denominator?: number | null;
  /** Weight for population-weighted means. */
  readonly population?: number | null;
  readonly suppressed?: boolean;
}

/** An indicator's value for a larger area, how it was made and how much it covers. */
export interface AggregateResult extends Coverage {
  readonly method: 'sum_of_counts' | 'population_weighted_mean';
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly confidence: number | null;
  readonly intervalMethod: IntervalMethod | null;
}

/** Options for {@link aggregateIndicator}. */
export interface AggregateOptions {
  /** Confidence level for the interval of summed counts; 0.95 by default. */
  readonly confidence?: number;
}

/**
 * Aggregates small-area figures into one larger area: sums of numerators and denominators, then
 * a Wilson (proportion) or Byar (rate) interval, for 'sum_of_counts' indicators; a population-
 * weighted mean without interval for 'population_weighted_mean'. Throws a RangeError for ranks,
 * deciles and other indicators whose definition says they do not aggregate this way.
 * @see docs/methods.md §4; APHO/PHE Technical Guide "Confidence Intervals"
 */
export function aggregateIndicator(
  definition: IndicatorDefinition,
  children: Iterable<SmallAreaFigures>,
  options: AggregateOptions = {},
): AggregateResult {
  const confidence = options.confidence ?? 0.95;
  switch (definition.aggregation) {
    case 'sum_of_counts':
      return fromCounts(definition, children, confidence);
    case 'population_weighted_mean': {
      const mean = weightedMean(
        mapIterable(children, (c) => ({
          value: c.value,
          weight: c.population,
          suppressed: c.suppressed,
        })),
      );
      return {
        ...mean,
        method: 'population_weighted_mean',
        lower: null,
        upper: null,
        numerator: null,
        denominator: null,
        confidence: null,
        intervalMethod: null,
      };
    }
    case 'iod_summary':
      throw new RangeError(
        `${definition.id} is an IoD2019 summary measure: compute it from LSOA ranks and populations`,
      );
    case 'none':
      throw new RangeError(`${definition.id} does not aggregate to larger areas`);
  }
}

function fromCounts(
  definition: IndicatorDefinition,
  children: Iterable<SmallAreaFigures>,
  confidence: number,
): AggregateResult {
  const sums = sumCounts(children);
  const { numerator, denominator } = sums;
  if (numerator === null || denominator === null || denominator === 0) {
    return {
      ...sums,
      status: 'missing' satisfies AggregateStatus,
      method: 'sum_of_counts',
      value: null,
      lower: null,
      upper: null,
      confidence: null,
      intervalMethod: null,
    };
  }
  const options = { confidence, multiplier: definition.multiplier };
  const interval =
    definition.interval === 'wilson'
      ? wilson(numerator, denominator, options)
      : definition.interval === 'byar'
        ? byarRate(numerator, denominator, options)
        : null;
  return {
    ...sums,
    method: 'sum_of_counts',
    value: interval?.value ?? (numerator / denominator) * definition.multiplier,
    lower: interval?.lower ?? null,
    upper: interval?.upper ?? null,
    confidence: interval === null ? null : confidence,
    intervalMethod: interval?.method ?? null,
  };
}

function* mapIterable<T, U>(items: Iterable<T>, f: (item: T) => U): Iterable<U> {
  for (const item of items) yield f(item);
}
