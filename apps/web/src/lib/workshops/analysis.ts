// How the officers' analysis page shows the API's counts: a suppressed count (1–4, or one that
// would give such a count away) reads "fewer than 5", never a number.
import { SMALL_COUNT_THRESHOLD } from '@thrive/participation';
import type { AnalysisBody } from '#lib/api.ts';

/** A count as the page shows it. */
export function countText(cell: { count: number | null; suppressed: boolean }): string {
  if (cell.suppressed || cell.count === null) return `fewer than ${SMALL_COUNT_THRESHOLD}`;
  return String(cell.count);
}

/** A share (0–1) as a whole percentage; a dash when it is not published. */
export function shareText(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

/** The population age groups in words. */
export const GROUP_LABELS: Record<string, string> = {
  '0_15': 'Under 16',
  '16_59': '16 to 59',
  '60_plus': '60 and over',
};

type Cell = AnalysisBody['byKindTheme'][number];

/** The kind × theme cells as rows of themes (the API's order), one cell per kind. */
export function themeRows(cells: readonly Cell[]) {
  const rows = new Map<string, Map<string, Cell>>();
  for (const cell of cells) {
    const row = rows.get(cell.theme) ?? new Map<string, Cell>();
    row.set(cell.kind, cell);
    rows.set(cell.theme, row);
  }
  return [...rows].map(([theme, byKind]) => ({ theme, byKind }));
}
