// Filtering rows by name as an officer types: case and accents are ignored ("Boxmoor" finds
// "Boxmoor", "st" finds "St Paul's"), and a code typed in full also matches.

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}

/** The rows whose name (or code) contains the query; all rows for an empty query. */
export function filterRows<T extends { name: string; code: string }>(
  rows: readonly T[],
  query: string,
): T[] {
  const needle = fold(query);
  if (needle === '') return [...rows];
  return rows.filter((row) => fold(row.name).includes(needle) || row.code.toLowerCase() === needle);
}
