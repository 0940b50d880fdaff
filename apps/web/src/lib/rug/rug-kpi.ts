// Community-defined KPI columns in the web rug: their colours (the shared palette's, through
// tokenStyle) and what the popover says about a cell, from the API's kpiColumns and kpiCells.
import { KPI_TOKENS, type KpiTokenId } from '@thrive/indicators';
import type { CellDetail } from './rug-details.ts';
import { tokenStyle } from './rug-tokens.ts';
import type { RugBody } from '#lib/api.ts';

export type RugKpiColumn = NonNullable<RugBody['kpiColumns']>[number];
export type RugKpiCell = NonNullable<RugBody['rows'][number]['kpiCells']>[number];

// KPI statuses are drawn with the palette's own colours (one colour module for the whole rug).
const PALETTE_TOKEN: Readonly<Record<KpiTokenId, string>> = {
  kpi_on_track: 'better',
  kpi_off_track: 'worse',
  kpi_not_yet_measurable: 'not_compared',
  kpi_not_applicable: 'benchmark',
};

function isKpiToken(id: string): id is KpiTokenId {
  return Object.hasOwn(KPI_TOKENS, id);
}

/** Inline style of a KPI cell's status (background, text colour, hatch for not yet measurable). */
export function kpiTokenStyle(id: string): string {
  return tokenStyle(isKpiToken(id) ? PALETTE_TOKEN[id] : 'not_compared');
}

/** The symbol and label of a KPI token, for the legend. */
export function kpiToken(id: string) {
  return isKpiToken(id) ? KPI_TOKENS[id] : KPI_TOKENS.kpi_not_yet_measurable;
}

/** What the popover says about a community-defined cell. */
export function kpiCellDetails(cell: RugKpiCell, column: RugKpiColumn): CellDetail[] {
  const details: CellDetail[] = [{ term: 'In residents’ words', detail: column.statement }];
  if (!cell.applies) {
    details.push({ term: 'Whose KPI', detail: `${column.areaName}’s, not this area’s` });
    return details;
  }
  details.push({ term: 'Target', detail: column.targetText.replace(/^Residents' target: /, '') });
  if (cell.period !== null) {
    details.push({
      term: `Reading ${cell.period}`,
      detail: cell.valueText ?? 'not shown (too few answers)',
    });
  }
  if (cell.n !== null) details.push({ term: 'Answers', detail: String(cell.n) });
  details.push({
    term: 'Status',
    detail: `${cell.text} — against the residents’ own target, not a benchmark`,
  });
  return details;
}
