import { describe, expect, it } from 'vitest';
import { indicatorById } from '../catalogue/catalogue.ts';
import type { IndicatorDefinition } from '../catalogue/indicator-definition.ts';
import { byarRate } from '../stats/byar.ts';
import { wilson } from '../stats/wilson.ts';
import { aggregateIndicator } from './aggregate-indicator.ts';

function definition(id: string): IndicatorDefinition {
  const d = indicatorById(id);
  if (d === undefined) throw new Error(`missing catalogue entry ${id}`);
  return d;
}

// Hand-made fixtures.
describe('aggregateIndicator', () => {
  it('sums counts instead of averaging rates (1/10 and 50/1000 make 51/1010, not 7.5%)', () => {
    const ward = aggregateIndicator(definition('income_deprivation_rate'), [
      { numerator: 1, denominator: 10 },
      { numerator: 50, denominator: 1000 },
    ]);
    expect(ward.value).toBeCloseTo((51 / 1010) * 100, 12);
    const expected = wilson(51, 1010, { multiplier: 100 });
    expect(ward).toMatchObject({
      method: 'sum_of_counts',
      status: 'complete',
      numerator: 51,
      denominator: 1010,
      lower: expected.lower,
      upper: expected.upper,
      intervalMethod: 'wilson',
      confidence: 0.95,
    });
  });

  it('computes the interval at the requested confidence', () => {
    const ward = aggregateIndicator(
      definition('employment_deprivation_rate'),
      [{ numerator: 81, denominator: 263 }],
      { confidence: 0.998 },
    );
    expect(ward.lower).toBe(wilson(81, 263, { confidence: 0.998, multiplier: 100 }).lower);
  });

  it('uses Byar (or exact Poisson) for rate indicators', () => {
    const rate: IndicatorDefinition = {
      ...definition('income_deprivation_rate'),
      id: 'pins_per_1000',
      valueType: 'rate',
      interval: 'byar',
      multiplier: 1000,
    };
    const result = aggregateIndicator(rate, [
      { numerator: 4, denominator: 1500 },
      { numerator: 3, denominator: 1000 },
    ]);
    const expected = byarRate(7, 2500, { multiplier: 1000 });
    expect(result).toMatchObject({
      value: expected.value,
      lower: expected.lower,
      intervalMethod: 'exact_poisson',
    });
  });

  it('reports a partial aggregate when a numerator is suppressed', () => {
    const ward = aggregateIndicator(definition('idaci_rate'), [
      { numerator: null, denominator: 200, suppressed: true },
      { numerator: 40, denominator: 300 },
    ]);
    expect(ward).toMatchObject({ status: 'partial', inputsCovered: 1, inputsTotal: 2, share: 0.6 });
  });

  it('is missing with no value when every numerator is suppressed', () => {
    const ward = aggregateIndicator(definition('idaci_rate'), [
      { numerator: null, denominator: 200 },
    ]);
    expect(ward).toMatchObject({ status: 'missing', value: null, lower: null, upper: null });
  });

  it('takes population-weighted means for distances and scores, without an interval', () => {
    const ward = aggregateIndicator(definition('distance_gp'), [
      { value: 0.5, population: 1500 },
      { value: 2.5, population: 500 },
    ]);
    expect(ward).toMatchObject({
      method: 'population_weighted_mean',
      value: 1,
      lower: null,
      intervalMethod: null,
    });
  });

  it('refuses ranks, deciles and IoD summary measures', () => {
    expect(() => aggregateIndicator(definition('imd_rank'), [])).toThrow(RangeError);
    expect(() => aggregateIndicator(definition('imd_decile'), [])).toThrow(RangeError);
    expect(() => aggregateIndicator(definition('imd_extent'), [])).toThrow(/summary measure/);
  });
});
