import { describe, expect, it } from 'vitest';
import { isAgreeing, meanScore, shareAgreeing, summariseAnswers } from './survey-answers.ts';

describe('survey answers', () => {
  it('counts agree (4) and strongly agree (5) as agreeing on a five-point scale, and yes (1) on yes/no', () => {
    expect([1, 2, 3, 4, 5].map((v) => isAgreeing('agree5', v))).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
    expect([0, 1].map((v) => isAgreeing('yesno', v))).toEqual([false, true]);
    expect(summariseAnswers('agree5', [5, 4, 3, 2, 1, 4])).toEqual({
      kind: 'share',
      n: 6,
      agreeing: 3,
    });
  });

  // Issue 12's worked example, checked against Wilson's formula (Wilson EB, JASA 1927;22:209–12;
  // as method 3 in Newcombe RG, Stat Med 1998;17:857–72): 45 of 60 agree → 75.0%, 95% 62.8%–84.2%.
  it('gives 45 of 60 agreeing as 75.0% with a Wilson 95% interval of 62.8% to 84.2%', () => {
    const ci = shareAgreeing(45, 60);
    expect(ci.value).toBe(0.75);
    expect(ci.lower).toBeCloseTo(0.628, 3);
    expect(ci.upper).toBeCloseTo(0.842, 3);
    expect(ci.method).toBe('wilson');
  });

  // Student's t for 9 degrees of freedom at 97.5% is 2.262 (NIST/SEMATECH e-Handbook of
  // Statistical Methods, §1.3.6.7.2, critical values of the t distribution). Ten 0–10 answers
  // 7, 8, 6, 9, 7, 8, 5, 10, 7, 8: mean 7.5, sample sd √(18.5/9) = 1.4337, so the interval is
  // 7.5 ± 2.262 × 1.4337 / √10 = 7.5 ± 1.026 → 6.47 to 8.53.
  it('gives a 0–10 mean with a Student t interval (NIST t table, 9 df)', () => {
    const summary = summariseAnswers('0-10', [7, 8, 6, 9, 7, 8, 5, 10, 7, 8]);
    expect(summary).toMatchObject({ kind: 'mean', n: 10, mean: 7.5 });
    if (summary.kind !== 'mean') throw new Error('expected a mean');
    expect(summary.sd).toBeCloseTo(Math.sqrt(18.5 / 9), 12);
    const ci = meanScore(summary.mean, summary.sd, summary.n);
    expect(ci.lower).toBeCloseTo(6.474, 3);
    expect(ci.upper).toBeCloseTo(8.526, 3);
    expect(ci.method).toBe('student_t_mean');
  });

  it('keeps a 0–10 interval inside the scale', () => {
    const ci = meanScore(9.8, 0.6, 3);
    expect(ci.upper).toBe(10);
    expect(ci.lower).toBeGreaterThanOrEqual(0);
  });
});
