// Community-defined KPI columns for the rug's rows: the KPIs residents' forums adopted for the
// areas shown, and for the estates inside wards shown (labelled with the estate's name), each
// with its latest status from the KPI module. The cells themselves come from
// @thrive/indicators (kpiCells): coloured by status against the residents' own target.
import type { Database } from '@thrive/db';
import {
  KPI_LEGEND_TEXT,
  KPI_TOKENS,
  kpiCells,
  kpiColumns,
  kpiTokenIds,
  type RugKpiCell,
  type RugKpiColumn,
  type RugKpiInput,
} from '@thrive/indicators';
import type { Kysely } from 'kysely';
import { listKpis } from '../kpis/service.ts';
import { csvLine } from '../../csv-line.ts';
import { kpiAreasAmong } from './repository.ts';
import type { RugBody } from './schemas.ts';

/** The adopted KPIs of the rows' areas (and of estates directly inside them), in row order. */
export async function adoptedKpisFor(
  db: Kysely<Database>,
  rows: readonly { code: string }[],
): Promise<RugKpiInput[]> {
  const codes = rows.map((r) => r.code);
  const areas = await kpiAreasAmong(db, codes);
  const rank = (a: { code: string; parent_code: string | null }) => {
    const own = codes.indexOf(a.code);
    return own >= 0 ? own : codes.indexOf(a.parent_code ?? '');
  };
  areas.sort((a, b) => rank(a) - rank(b) || (a.code < b.code ? -1 : 1));
  const out: RugKpiInput[] = [];
  for (const area of areas) {
    for (const kpi of await listKpis(db, ['adopted'], area.code)) {
      if (kpi.areaCode !== area.code) continue; // listed again under its own area
      out.push({
        id: kpi.id,
        title: kpi.title,
        statement: kpi.statement,
        areaCode: kpi.areaCode,
        areaName: kpi.areaName,
        areaParentCode: area.parent_code,
        unit: kpi.unit,
        direction: kpi.direction,
        target: kpi.target,
        latest: kpi.latest,
      });
    }
  }
  return out;
}

/** The community-defined columns and, for each row code, its cells. */
export async function kpiColumnsFor(
  db: Kysely<Database>,
  rows: readonly { code: string; name: string }[],
): Promise<{ columns: RugKpiColumn[]; cells: Map<string, RugKpiCell[]> }> {
  const kpis = await adoptedKpisFor(db, rows);
  return {
    columns: kpiColumns(kpis),
    cells: new Map(rows.map((r) => [r.code, kpiCells(kpis, r)])),
  };
}

/** Adds the community-defined columns to a rug body: columns, one cell per column on each area row, and the legend's section. */
export async function withKpiColumns(db: Kysely<Database>, body: RugBody): Promise<RugBody> {
  const { columns, cells } = await kpiColumnsFor(db, body.rows);
  return {
    ...body,
    kpiColumns: columns.map((c) => ({ ...c })),
    rows: body.rows.map((r) => ({
      ...r,
      kpiCells: (cells.get(r.code) ?? []).map((c) => ({ ...c })),
    })),
    // Benchmarks have no KPIs of their own: residents' targets are not compared with them.
    benchmarks: body.benchmarks.map((r) => ({ ...r, kpiCells: [] })),
    kpiLegend: { text: KPI_LEGEND_TEXT, tokens: kpiTokenIds.map((id) => ({ ...KPI_TOKENS[id] })) },
  };
}

/**
 * CSV lines of the community-defined cells, in the rug CSV's columns: the KPI as the indicator
 * (`kpi:<id>`, titled as community-defined), n as the count, and the status (on_track, off_track,
 * not_yet_measurable) where the judgement goes; never compared with a benchmark.
 */
export function kpiCsvLines(body: RugBody, rows: RugBody['rows'] = body.rows): string[] {
  const columns = new Map((body.kpiColumns ?? []).map((c) => [c.id, c]));
  const lines: string[] = [];
  for (const row of rows) {
    for (const cell of row.kpiCells ?? []) {
      const column = columns.get(cell.kpiId);
      if (!cell.applies || !column) continue;
      lines.push(
        csvLine([
          row.code,
          row.name,
          row.kind,
          `kpi:${cell.kpiId}`,
          `${column.title} (community-defined KPI of ${column.areaName}; ${column.targetText}${cell.period === null ? '' : `; latest reading ${cell.period}`})`,
          null,
          cell.value,
          cell.lower,
          cell.upper,
          cell.n,
          null,
          'not_compared',
          'not_compared',
          cell.status,
          cell.text,
          cell.valueText,
          null,
          "status against the residents' own target (community-defined)",
          null,
        ]),
      );
    }
  }
  return lines;
}
