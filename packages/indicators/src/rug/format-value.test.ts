import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatWithUnit, unitSuffix } from './format-value.ts';

describe('formatNumber', () => {
  it('rounds to the given decimals and groups thousands with commas', () => {
    expect(formatNumber(23.449, 1)).toBe('23.4');
    expect(formatNumber(12345, 0)).toBe('12,345');
    expect(formatNumber(1234567.891, 2)).toBe('1,234,567.89');
    expect(formatNumber(999.96, 1)).toBe('1,000.0');
    expect(formatNumber(0.05, 2)).toBe('0.05');
  });

  it('drops the minus sign from values that round to zero', () => {
    expect(formatNumber(-0.004, 2)).toBe('0.00');
    expect(formatNumber(-0.006, 2)).toBe('-0.01');
    expect(formatNumber(-1234.5, 0)).toBe('-1,235');
  });

  it('shows non-finite values as a dash', () => {
    expect(formatNumber(Number.NaN, 1)).toBe('–');
    expect(formatNumber(Number.POSITIVE_INFINITY, 1)).toBe('–');
  });

  it('agrees with Number#toFixed (apart from the thousands commas) for any value', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        (value, decimals) => {
          let expected = value.toFixed(decimals);
          if (/^-0(\.0*)?$/.test(expected)) expected = expected.slice(1);
          expect(formatNumber(value, decimals).replaceAll(',', '')).toBe(expected);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('agrees with Number#toFixed on halves, where binary rounding decides', () => {
    for (const value of [0.125, 0.375, 1.005, 1.45, 2.675, 0.285, 1.255, 10.5, 2.5, 1234.5]) {
      for (const decimals of [0, 1, 2]) {
        expect(formatNumber(value, decimals).replaceAll(',', '')).toBe(value.toFixed(decimals));
      }
    }
  });
});

describe('units', () => {
  it('writes % straight after the number, other units after a space, and leaves out score/rank/ratio', () => {
    expect(formatWithUnit(23.44, 1, '%')).toBe('23.4%');
    expect(formatWithUnit(1.234, 2, 'km')).toBe('1.23 km');
    expect(formatWithUnit(12345, 0, 'rank')).toBe('12,345');
    expect(unitSuffix('per 1,000 households')).toBe(' per 1,000 households');
    expect(unitSuffix('score')).toBe('');
  });
});
