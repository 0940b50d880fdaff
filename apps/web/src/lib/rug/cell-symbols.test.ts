import { describe, expect, it } from 'vitest';
import { cellMark, cellParts } from './cell-symbols.ts';

describe('what a rug cell shows', () => {
  it('marks significance colours with the direction symbols the cells carry, and quintiles with none', () => {
    expect(cellMark('worse')).toBe('▲ ▼');
    expect(cellMark('similar')).toBe('●');
    expect(cellMark('higher')).toBe('▲');
    expect(cellMark('quintile_3')).toBe('');
    expect(cellMark('not_compared')).toBe('');
  });

  it('splits an authority-wide value from its words, and says why an empty cell is empty', () => {
    expect(
      cellParts({
        gap: 'authority_wide',
        value: 2.744,
        text: '2.74 (same for the whole authority)',
      }),
    ).toEqual({
      main: '2.74',
      words: 'same for the whole authority',
    });
    expect(cellParts({ gap: 'ward_vintage', value: null, text: '– other ward vintage' })).toEqual({
      main: '–',
      words: 'other ward vintage',
    });
    expect(cellParts({ gap: null, value: 23.4, text: '23.4% ▲' })).toEqual({
      main: '23.4% ▲',
      words: null,
    });
  });
});
