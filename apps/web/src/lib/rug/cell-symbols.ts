// What a rug cell itself shows for each colour, so the legend's swatches carry the same marks
// as the cells: a significance cell shows its direction (▲ higher, ▼ lower) or ● similar after
// the value, whichever colour says better or worse; quintile, benchmark and not-compared cells
// show no mark. (The palette's own symbols, ✓ and ✗, are for keys without values.)
import type { RugCell } from './types.ts';

const CELL_MARKS: Readonly<Record<string, string>> = {
  better: '▲ ▼',
  worse: '▲ ▼',
  similar: '●',
  higher: '▲',
  lower: '▼',
};

/** The mark a cell of this token shows beside its value ('' for none). */
export function cellMark(tokenId: string): string {
  return CELL_MARKS[tokenId] ?? '';
}

/** The short words a cell shows under its value when it has no value or no colour, or null. */
export function gapWords(cell: Pick<RugCell, 'gap'>): string | null {
  switch (cell.gap) {
    case 'authority_wide':
      return 'same for the whole authority';
    case 'constant':
      return 'same in every area shown';
    case 'suppressed':
      return 'suppressed';
    case 'not_published':
      return 'not published';
    case 'ward_vintage':
      return 'other ward vintage';
    default:
      return null;
  }
}

/** A cell's text split into what is shown large (value and mark) and the words under it. */
export function cellParts(cell: Pick<RugCell, 'gap' | 'text' | 'value'>): {
  main: string;
  words: string | null;
} {
  const words = gapWords(cell);
  if (words === null) return { main: cell.text, words: null };
  if (cell.value === null) return { main: '–', words };
  const suffix = ` (${words})`;
  return {
    main: cell.text.endsWith(suffix) ? cell.text.slice(0, -suffix.length) : cell.text,
    words,
  };
}
