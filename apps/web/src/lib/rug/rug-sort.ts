// Sorting the rug's rows on the client, by name or by any column, from the loaded rows: the
// values keep full precision (the text is rounded), and missing values go last whichever the
// direction, so a reader sorting for the worst wards never starts with a column of dashes.
// The sort is written like the API's `sort` parameter ("name", "income_deprivation_rate:desc"),
// so the same text serves the page URL and the CSV download.
import { compareRugValues, rugNameCollator } from '@thrive/indicators';
import type { RugColumn, RugRow } from './types.ts';

export type SortDirection = 'asc' | 'desc';

/** Sort key for the row names; anything else is a column id. */
export const NAME_KEY = 'name';

export interface RugSort {
  key: string;
  direction: SortDirection;
}

/** A sort from its text form, or null when it names no known column. */
export function parseSort(
  text: string | null | undefined,
  columns: readonly RugColumn[],
): RugSort | null {
  if (!text) return null;
  const [key = '', direction = 'asc'] = text.split(':');
  if (direction !== 'asc' && direction !== 'desc') return null;
  if (key !== NAME_KEY && !columns.some((c) => c.id === key)) return null;
  return { key, direction };
}

/** The text form of a sort, as the API and the page URL take it. */
export function formatSort(sort: RugSort): string {
  return `${sort.key}:${sort.direction}`;
}

/** The sort after activating a header: the same key flips direction, a new key starts ascending. */
export function nextSort(current: RugSort | null, key: string): RugSort {
  if (current?.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: 'asc' };
}

/** The `aria-sort` value of a header. */
export function ariaSort(
  current: RugSort | null,
  key: string,
): 'ascending' | 'descending' | 'none' {
  if (current?.key !== key) return 'none';
  return current.direction === 'asc' ? 'ascending' : 'descending';
}

/**
 * The rows in the given order (a new array; the input is untouched). Ties, and rows without a
 * value, are ordered by name so the order is stable and predictable.
 */
export function sortRows(
  rows: readonly RugRow[],
  sort: RugSort | null,
  columns: readonly RugColumn[],
): RugRow[] {
  const sorted = [...rows];
  if (sort === null) return sorted;
  const sign = sort.direction === 'asc' ? 1 : -1;
  const byName = (a: RugRow, b: RugRow) => rugNameCollator.compare(a.name, b.name);
  if (sort.key === NAME_KEY) return sorted.sort((a, b) => sign * byName(a, b));
  const index = columns.findIndex((c) => c.id === sort.key);
  if (index === -1) return sorted;
  const valueOf = (row: RugRow) => row.cells[index]?.value ?? Number.NaN;
  return sorted.sort((a, b) =>
    compareRugValues(valueOf(a), valueOf(b), sort.direction, () => byName(a, b)),
  );
}
