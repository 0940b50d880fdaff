import { describe, expect, it } from 'vitest';
import { contrastRatio, parseHex, relativeLuminance } from './contrast.ts';

describe('relativeLuminance', () => {
  it('is 0 for black and 1 for white (WCAG 2.2 definition)', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#FFFFFF')).toBeCloseTo(1, 12);
  });
});

describe('contrastRatio', () => {
  it('is 21:1 for black on white and 1:1 for a colour on itself', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#0072B2', '#0072B2')).toBe(1);
  });

  // WebAIM contrast checker: #767676 is the lightest grey that passes AA on white (4.54:1);
  // #777777 fails (4.48:1).
  it('gives 4.54 for #767676 on white and 4.48 for #777777', () => {
    expect(contrastRatio('#767676', '#FFFFFF')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#FFFFFF')).toBeCloseTo(4.48, 2);
  });

  it('is symmetric in its arguments', () => {
    expect(contrastRatio('#E69F00', '#1A1A1A')).toBe(contrastRatio('#1A1A1A', '#E69F00'));
  });
});

describe('parseHex', () => {
  it('reads six- and three-digit hex colours', () => {
    expect(parseHex('#ff0000')).toEqual([1, 0, 0]);
    expect(parseHex('0F0')).toEqual([0, 1, 0]);
  });

  it('rejects anything else', () => {
    expect(() => parseHex('red')).toThrow(RangeError);
    expect(() => parseHex('#12345')).toThrow(RangeError);
  });
});
