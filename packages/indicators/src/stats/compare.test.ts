import { describe, expect, it } from 'vitest';
import type { Polarity } from '../catalogue/indicator-definition.ts';
import {
  type Comparison,
  type Judgement,
  compareInterval,
  compareWithBenchmark,
  judge,
  notComparedReason,
} from './compare.ts';
import { wilson } from './wilson.ts';

describe('compareInterval', () => {
  it('calls an interval entirely above the benchmark higher', () => {
    expect(compareInterval(21, 26, 20)).toBe('higher');
  });

  it('calls an interval entirely below the benchmark lower', () => {
    expect(compareInterval(14, 19.9, 20)).toBe('lower');
  });

  it('calls an interval containing the benchmark similar', () => {
    expect(compareInterval(18, 22, 20)).toBe('similar');
  });

  it('calls an interval that only touches the benchmark similar (not entirely above or below)', () => {
    expect(compareInterval(20, 25, 20)).toBe('similar');
    expect(compareInterval(15, 20, 20)).toBe('similar');
  });

  it('does not compare when a bound or the benchmark is missing', () => {
    expect(compareInterval(Number.NaN, 22, 20)).toBe('not_compared');
    expect(compareInterval(18, 22, Number.NaN)).toBe('not_compared');
  });
});

describe('judge', () => {
  // docs/methods.md §2 and Fingertips' benchmarking: high_is_good → higher = better, low_is_good →
  // higher = worse, no_judgement → higher / lower.
  const table: readonly [Polarity, Comparison, Judgement][] = [
    ['high_is_good', 'higher', 'better'],
    ['high_is_good', 'lower', 'worse'],
    ['high_is_good', 'similar', 'similar'],
    ['high_is_good', 'not_compared', 'not_compared'],
    ['low_is_good', 'higher', 'worse'],
    ['low_is_good', 'lower', 'better'],
    ['low_is_good', 'similar', 'similar'],
    ['low_is_good', 'not_compared', 'not_compared'],
    ['no_judgement', 'higher', 'higher'],
    ['no_judgement', 'lower', 'lower'],
    ['no_judgement', 'similar', 'similar'],
    ['no_judgement', 'not_compared', 'not_compared'],
  ];
  it.each(table)('with polarity %s reads %s as %s', (polarity, comparison, judgement) => {
    expect(judge(comparison, polarity)).toBe(judgement);
  });
});

describe('compareWithBenchmark', () => {
  // 81/263 has the 95% Wilson interval 25.53%–36.62% (Newcombe 1998, Table II).
  const ward = { ...wilson(81, 263, { multiplier: 100 }), count: 81, denominator: 263 };

  it('finds 81/263 worse than a 20% benchmark when low is good', () => {
    const outcome = compareWithBenchmark(ward, 20, { minimumCount: 5 });
    expect(outcome).toEqual({ comparison: 'higher', reason: null });
    expect(judge(outcome.comparison, 'low_is_good')).toBe('worse');
    expect(judge(outcome.comparison, 'high_is_good')).toBe('better');
  });

  it('can be significant at 95% and not at 99.8%', () => {
    // The 95% lower limit 25.53% is above 24%; the wider 99.8% interval reaches below it.
    const wide = { ...wilson(81, 263, { multiplier: 100, confidence: 0.998 }), count: 81 };
    expect(compareWithBenchmark(ward, 24).comparison).toBe('higher');
    expect(compareWithBenchmark(wide, 24).comparison).toBe('similar');
  });

  it('does not compare a suppressed value', () => {
    expect(compareWithBenchmark({ ...ward, suppressed: true }, 20)).toEqual({
      comparison: 'not_compared',
      reason: 'suppressed',
    });
  });

  it('does not compare a missing value or a missing interval', () => {
    expect(compareWithBenchmark({ value: null }, 20).reason).toBe('no_value');
    expect(compareWithBenchmark({ value: 30, lower: 25 }, 20).reason).toBe('no_interval');
  });

  it('does not compare fewer than the minimum number of events', () => {
    const few = { ...wilson(4, 20, { multiplier: 100 }), count: 4, denominator: 20 };
    expect(compareWithBenchmark(few, 1, { minimumCount: 5 }).reason).toBe('below_minimum_count');
    expect(compareWithBenchmark({ ...few, count: null }, 1, { minimumCount: 5 }).reason).toBe(
      'below_minimum_count',
    );
    expect(compareWithBenchmark({ ...few, count: 5 }, 1, { minimumCount: 5 }).reason).toBeNull();
  });

  it('does not compare a survey with fewer than 30 respondents', () => {
    const survey = { ...wilson(20, 29), count: 20, denominator: 29 };
    expect(notComparedReason(survey, 0.5, { minimumDenominator: 30 })).toBe(
      'below_minimum_denominator',
    );
    expect(
      notComparedReason({ ...survey, denominator: 30 }, 0.5, { minimumDenominator: 30 }),
    ).toBeNull();
  });

  it('does not compare without a benchmark value', () => {
    expect(compareWithBenchmark(ward, null).reason).toBe('no_benchmark');
    expect(compareWithBenchmark(ward, Number.NaN).reason).toBe('no_benchmark');
  });
});
