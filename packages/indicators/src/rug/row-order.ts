// How a rug's rows are ordered: one rule for the API's `sort` and the page's own re-sorting, so
// the table, the CSV and the URL always agree.

/** Area names in reading order: accents and case ignored, "Ward 2" before "Ward 10". */
export const rugNameCollator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/**
 * Compares two rows by a column's value: missing values (NaN) last whichever the direction, so a
 * reader sorting for the worst areas never starts with a column of dashes; equal values fall
 * back to `byName`, so the order is stable and reads sensibly.
 */
export function compareRugValues(
  x: number,
  y: number,
  direction: 'asc' | 'desc',
  byName: () => number,
): number {
  if (Number.isNaN(x)) return Number.isNaN(y) ? byName() : 1;
  if (Number.isNaN(y)) return -1;
  return x === y ? byName() : (direction === 'desc' ? -1 : 1) * (x - y);
}
