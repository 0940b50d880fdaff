import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayedDigits } from './displayed-digits.ts';

describe('displayedDigits', () => {
  it('gives the digits Number#toFixed shows, signed, or NaN to leave the value to toFixed', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        (value, decimals) => {
          const digits = displayedDigits(value, decimals);
          if (Number.isNaN(digits)) return;
          const shown = Number(value.toFixed(decimals));
          expect(digits / 10 ** decimals).toBe(shown === 0 ? 0 : shown);
          expect(Number.isInteger(digits)).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('leaves halves that binary rounding decides, huge values and non-finite values to toFixed', () => {
    expect(displayedDigits(1.005, 2)).toBeNaN();
    expect(displayedDigits(2.5, 0)).toBeNaN();
    expect(displayedDigits(1e9, 0)).toBeNaN();
    expect(displayedDigits(Number.NaN, 1)).toBeNaN();
    expect(displayedDigits(23.44, 1)).toBe(234);
    expect(displayedDigits(-0.004, 2)).toBe(0);
    expect(displayedDigits(-1234.5, 0)).toBeNaN();
    expect(displayedDigits(-1234.56, 1)).toBe(-12346);
  });
});
