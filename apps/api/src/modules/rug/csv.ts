// The rug as CSV, one row per (area, indicator): tidy, so a spreadsheet can pivot it. The
// attribution is part of the file, as the licence asks. UTF-8 with a byte-order mark, so Excel
// reads "–" and "▲" as they are; each value both at full precision and as the page shows it,
// with its band or comparison in words and why a cell is empty; the page's name filter applied.
import { csvComment, csvLine } from '../../csv-line.ts';
import { vintagesLine } from '../open-data/vintages.ts';
import { kpiCsvLines } from './kpi-columns.ts';
import type { RugBody } from './schemas.ts';

const HEADER = [
  'area_code',
  'area_name',
  'row_kind',
  'indicator_id',
  'indicator_title',
  'unit',
  'value_full_precision',
  'lower_ci',
  'upper_ci',
  'count',
  'denominator',
  'compared_with_parent',
  'compared_with_england',
  'judgement',
  'display',
  // Appended, so lines written to the first 15 columns (kpi-columns.ts) still line up.
  'value_as_displayed',
  'band',
  'comparison',
  'why_empty_or_not_compared',
];

/** The byte-order mark Excel needs to read a CSV as UTF-8. */
export const BOM = '\uFEFF';

// As the page's name filter folds text (apps/web/src/lib/rug/rug-filter.ts).
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim();
}

/** The area rows the page shows for a name filter: all of them for an empty one. */
export function filterRowsByName<T extends { name: string; code: string }>(rows: readonly T[], query: string | undefined): T[] {
  const needle = fold(query ?? '');
  if (needle === '') return [...rows];
  return rows.filter((row) => fold(row.name).includes(needle) || row.code.toLowerCase() === needle);
}

/** The number a cell shows ("23.4% ▲" → 23.4, "12,345" → 12345), or null when it shows none. */
export function displayedNumber(text: string): number | null {
  const match = /^-?[\d,]+(\.\d+)?/.exec(text);
  return match ? Number(match[0].replaceAll(',', '')) : null;
}

type Cell = RugBody['rows'][number]['cells'][number];

// The cell's colour in words: its quintile, its comparison with the benchmark, or why neither.
function comparisonWords(cell: Cell, benchmarkName: string): string {
  if (cell.gap === 'authority_wide') return 'same for the whole authority (not compared)';
  if (cell.gap === 'constant') return 'same in every area shown (not banded)';
  if (cell.token === 'benchmark') return 'benchmark';
  if (cell.band > 0) return `quintile ${cell.band} of 5 within the areas shown`;
  switch (cell.judgement) {
    case 'similar':
      return `similar to ${benchmarkName}`;
    case 'not_compared':
      return cell.reason ? `not compared (${cell.reason.replaceAll('_', ' ')})` : 'not compared';
    default:
      return `${cell.judgement} than ${benchmarkName}`;
  }
}

/** The download's name: which rug, which benchmark and which confidence, e.g. rug-E07000096-ward-vs-dacorum-95pc.csv. */
export function rugCsvFilename(body: RugBody): string {
  const against = body.benchmark === 'parent' ? body.parent.name : 'England';
  const slug = against.normalize('NFD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'parent';
  const confidence = body.confidence === 0.998 ? '99.8' : '95';
  return `rug-${body.parent.code}-${body.level}-vs-${slug}-${confidence}pc.csv`;
}

/** The CSV text of a rug body. */
export function rugCsv(body: RugBody, nameFilter?: string): string {
  const lines = [
    csvComment(
      `Tartan rug: ${body.level}s of ${body.parent.name} (${body.parent.code}), period ${body.period}; judgement against ${body.benchmark === 'parent' ? body.parent.name : 'England'} at ${body.confidence * 100}% confidence`,
    ),
    csvComment(body.legend.summary),
    ...(nameFilter?.trim() ? [csvComment(`Only the areas whose name contains "${nameFilter.trim()}", as filtered on the page.`)] : []),
    csvComment(`${body.attribution} ${vintagesLine(body.datasets)}`.trim()),
    csvLine(HEADER),
  ];
  const titles = new Map(body.columns.map((c) => [c.id, c]));
  const benchmarkName = body.benchmark === 'parent' ? body.parent.name : 'England';
  for (const row of [...filterRowsByName(body.rows, nameFilter), ...body.benchmarks]) {
    for (const cell of row.cells) {
      const column = titles.get(cell.indicator);
      lines.push(
        csvLine([
          row.code,
          row.name,
          row.kind,
          cell.indicator,
          column?.title,
          column?.unit,
          cell.value,
          cell.lower,
          cell.upper,
          cell.count,
          cell.denominator,
          cell.comparison.parent,
          cell.comparison.england,
          cell.judgement,
          cell.text,
          displayedNumber(cell.text),
          cell.band > 0 ? cell.band : null,
          comparisonWords(cell, row.kind === 'parent' && body.benchmark === 'england' ? 'England' : benchmarkName),
          cell.explanation ?? null,
        ]),
      );
    }
  }
  lines.push(...kpiCsvLines(body, filterRowsByName(body.rows, nameFilter)));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
