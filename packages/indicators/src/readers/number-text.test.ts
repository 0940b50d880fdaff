import { describe, expect, it } from 'vitest';
import { parseNumberText } from './number-text.ts';

describe('parseNumberText', () => {
  it('reads plain integers, decimals, signs and exponents', () => {
    expect(parseNumberText('715')).toBe(715);
    expect(parseNumberText('-0.904')).toBe(-0.904);
    expect(parseNumberText('+3.5')).toBe(3.5);
    expect(parseNumberText('.5')).toBe(0.5);
    expect(parseNumberText('1e-3')).toBe(0.001);
  });

  it('reads thousands separators as File 6 writes them ("1,296")', () => {
    expect(parseNumberText('1,296')).toBe(1296);
    expect(parseNumberText('1,234,567.5')).toBe(1234567.5);
  });

  it('ignores surrounding spaces', () => {
    expect(parseNumberText(' 42 ')).toBe(42);
  });

  it('rejects commas that are not thousands separators, and anything not a number', () => {
    expect(parseNumberText('1,2')).toBeUndefined();
    expect(parseNumberText('12,34')).toBeUndefined();
    expect(parseNumberText('1,2345')).toBeUndefined();
    expect(parseNumberText('12a')).toBeUndefined();
    expect(parseNumberText('NaN')).toBeUndefined();
    expect(parseNumberText('')).toBeUndefined();
  });
});
