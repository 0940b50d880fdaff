// Survey answers to a KPI's measure: the share agreeing with a Wilson interval (docs/methods.md §7),
// or a 0–10 mean with a Student t interval.
import { AGREE5_AGREEING_FROM, type SurveyScale } from '@thrive/participation';
import type { Interval } from '../stats/interval.ts';
import { meanInterval } from '../stats/mean.ts';
import { wilson } from '../stats/wilson.ts';

/** Whether one answer counts as agreeing: agree or strongly agree (4, 5), or yes (1). */
export function isAgreeing(scale: Exclude<SurveyScale, '0-10'>, value: number): boolean {
  return scale === 'agree5' ? value >= AGREE5_AGREEING_FROM : value === 1;
}

/** The answers to one question in one wave, reduced to what the maths needs. */
export type AnswerSummary =
  | { readonly kind: 'share'; readonly n: number; readonly agreeing: number }
  | { readonly kind: 'mean'; readonly n: number; readonly mean: number; readonly sd: number };

/**
 * Summarises the answers to one question: agree5 and yes/no become a count agreeing out of n
 * (everyone who answered that question), 0–10 a mean and sample standard deviation (n − 1).
 */
export function summariseAnswers(scale: SurveyScale, values: readonly number[]): AnswerSummary {
  const n = values.length;
  if (scale !== '0-10') {
    let agreeing = 0;
    for (const v of values) if (isAgreeing(scale, v)) agreeing++;
    return { kind: 'share', n, agreeing };
  }
  let sum = 0;
  for (const v of values) sum += v;
  const mean = n === 0 ? Number.NaN : sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  const sd = n < 2 ? Number.NaN : Math.sqrt(squares / (n - 1));
  return { kind: 'mean', n, mean, sd };
}

/**
 * Share agreeing (agreeing / n) as a fraction 0–1 with its Wilson score interval.
 * @see Newcombe RG. Two-sided confidence intervals for the single proportion. Stat Med 1998;17:857–72 (method 3)
 */
export function shareAgreeing(agreeing: number, n: number, confidence = 0.95): Interval<'wilson'> {
  return wilson(agreeing, n, { confidence });
}

/**
 * A 0–10 mean with a Student t interval on n − 1 degrees of freedom (needs n ≥ 2).
 * @see APHO/PHE Technical Guide "Confidence Intervals" (means)
 */
export function meanScore(
  mean: number,
  sd: number,
  n: number,
  confidence = 0.95,
): Interval<'student_t_mean'> {
  const ci = meanInterval(mean, sd, n, { confidence, distribution: 'student_t' });
  // A score cannot leave its scale; the t interval can, for small n near the ends.
  return {
    ...ci,
    lower: Math.max(0, ci.lower),
    upper: Math.min(10, ci.upper),
    method: 'student_t_mean',
  };
}
