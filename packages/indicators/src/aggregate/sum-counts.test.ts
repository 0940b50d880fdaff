import { describe, expect, it } from 'vitest';
import { describeCoverage } from './coverage.ts';
import { sumCounts } from './sum-counts.ts';

// Hand-made fixtures: small round numbers so the sums can be checked by eye.
describe('sumCounts', () => {
  it('sums numerators and denominators of every input', () => {
    const total = sumCounts([
      { numerator: 10, denominator: 100 },
      { numerator: 25, denominator: 400 },
    ]);
    expect(total).toEqual({
      status: 'complete',
      inputsTotal: 2,
      inputsCovered: 2,
      weightTotal: 500,
      weightCovered: 500,
      share: 1,
      numerator: 35,
      denominator: 500,
    });
  });

  it('leaves out a suppressed input and reports the aggregate as partial, with the population share covered', () => {
    const total = sumCounts([
      { numerator: 10, denominator: 100 },
      { numerator: null, denominator: 300, suppressed: true },
      { numerator: 30, denominator: 600 },
    ]);
    expect(total.status).toBe('partial');
    expect(total.numerator).toBe(40);
    expect(total.denominator).toBe(700);
    expect(total.inputsCovered).toBe(2);
    expect(total.share).toBeCloseTo(0.7, 12);
    expect(describeCoverage(total, 'LSOAs')).toBe('2 of 3 LSOAs, 70.0% of the population');
  });

  it('treats an empty numerator as missing, never as zero', () => {
    const total = sumCounts([
      { numerator: undefined, denominator: 100 },
      { numerator: 5, denominator: 100 },
    ]);
    expect(total.status).toBe('partial');
    expect(total.numerator).toBe(5);
  });

  it('is missing, with null sums, when no input has both counts', () => {
    const total = sumCounts([{ numerator: null, denominator: 100 }]);
    expect(total).toMatchObject({
      status: 'missing',
      numerator: null,
      denominator: null,
      share: 0,
    });
    expect(sumCounts([])).toMatchObject({ status: 'missing', inputsTotal: 0, share: null });
  });

  it('rejects negative counts', () => {
    expect(() => sumCounts([{ numerator: -5, denominator: 100 }])).toThrow(RangeError);
    expect(() => sumCounts([{ numerator: 5, denominator: -100 }])).toThrow(RangeError);
  });
});
