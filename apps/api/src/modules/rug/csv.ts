// The rug as CSV, one row per (area, indicator): tidy, so a spreadsheet can pivot it. The
// attribution is part of the file, as the licence asks.
import { csvComment, csvLine } from '../../csv-line.ts';
import { vintagesLine } from '../open-data/vintages.ts';
import type { RugBody } from './schemas.ts';

const HEADER = [
  'area_code',
  'area_name',
  'row_kind',
  'indicator_id',
  'indicator_title',
  'unit',
  'value',
  'lower_ci',
  'upper_ci',
  'count',
  'denominator',
  'compared_with_parent',
  'compared_with_england',
  'judgement',
  'display',
];

/** The CSV text of a rug body. */
export function rugCsv(body: RugBody): string {
  const lines = [
    csvComment(
      `Tartan rug: ${body.level}s of ${body.parent.name} (${body.parent.code}), period ${body.period}; judgement against ${body.benchmark === 'parent' ? body.parent.name : 'England'} at ${body.confidence * 100}% confidence`,
    ),
    csvComment(body.legend.summary),
    csvComment(`${body.attribution} ${vintagesLine(body.datasets)}`.trim()),
    csvLine(HEADER),
  ];
  const titles = new Map(body.columns.map((c) => [c.id, c]));
  for (const row of [...body.rows, ...body.benchmarks]) {
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
        ]),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
