import { describe, expect, it } from 'vitest';
import { CellTexts } from './cell-texts.ts';

const percent = { decimals: 1, suffixes: ['% ▲', '% ▼', '% ●', '%'], notBanded: '' };
const flat = { decimals: 2, suffixes: ['', '', '', ''], notBanded: ' (same in every area shown)' };

describe('CellTexts', () => {
  it('writes the value as displayed with the suffix for its comparison', () => {
    const texts = new CellTexts([percent, flat]);
    expect(texts.text(texts.of(0, 23.449, 0, false, null))).toBe('23.4% ▲');
    expect(texts.text(texts.of(0, 1234.56, 3, false, null))).toBe('1,234.6%');
    expect(texts.text(texts.of(1, 6.955, 3, true, 'constant'))).toBe(
      '6.96 (same in every area shown)',
    );
  });

  it('gives cells showing the same figure in the same way one text', () => {
    const texts = new CellTexts([percent, flat]);
    const first = texts.of(0, 23.41, 2, false, null);
    expect(texts.of(0, 23.39, 2, false, null)).toBe(first);
    expect(texts.of(0, 23.41, 1, false, null)).not.toBe(first);
  });

  it('says why a cell without a value is empty', () => {
    const texts = new CellTexts([percent]);
    expect(texts.text(texts.of(0, Number.NaN, 3, false, 'suppressed'))).toBe('– suppressed');
    expect(texts.text(texts.of(0, Number.NaN, 3, false, 'ward_vintage'))).toBe(
      '– other ward vintage',
    );
    expect(texts.text(texts.of(0, Number.NaN, 3, false, 'no_value'))).toBe('–');
  });
});
