// The tartan rug for the areas under a parent: values from the database, comparisons and
// colours from @thrive/indicators (the same model the web app renders).
import type { Database } from '@thrive/db';
import { buildRug, DEFAULT_RUG_INDICATORS, type Rug, type RugCell, type RugRow, type RugSort } from '@thrive/indicators';
import type { Kysely } from 'kysely';
import { BadRequestError, NotFoundError } from '../../errors.ts';
import { register } from '../imports/mirror.ts';
import { datasetsBehind } from '../open-data/vintages.ts';
import { ENGLAND } from '../imports/national-data.ts';
import { findArea, listAreas } from '../areas/repository.ts';
import { indicatorsByIds, valuesFor } from '../indicators/repository.ts';
import { definitionOf } from './definitions.ts';
import type { RugBody, RugQuery } from './schemas.ts';

function sortOf(sort: string | undefined): RugSort {
  if (!sort) return { by: 'name' };
  const [by, direction = 'asc'] = sort.split(':') as [string, 'asc' | 'desc' | undefined];
  return by === 'name' ? { by: 'name', direction } : { by: 'indicator', indicatorId: by, direction };
}

const cellBody = (cell: RugCell) => ({
  indicator: cell.indicatorId,
  value: cell.value,
  lower: cell.lower,
  upper: cell.upper,
  count: cell.count,
  denominator: cell.denominator,
  comparison: cell.comparison,
  judgement: cell.judgement,
  reason: cell.reason,
  band: cell.band,
  text: cell.text,
  token: cell.token,
  label: cell.label,
});

const rowBody = (row: RugRow) => ({ code: row.code, name: row.name, kind: row.kind, cells: row.cells.map(cellBody) });

/** Builds the rug model for a query (404 for an unknown parent, 400 for unknown indicators). */
export async function rugFor(db: Kysely<Database>, query: RugQuery): Promise<{ rug: Rug; body: RugBody }> {
  const parent = await findArea(db, query.parent);
  if (!parent) throw new NotFoundError(`No area with code ${query.parent}. Load its authority first (npm run thrive -- load-authority ${query.parent}).`);
  const ids = query.indicators ? [...new Set(query.indicators.split(','))] : [...DEFAULT_RUG_INDICATORS];
  const rows = await indicatorsByIds(db, ids);
  const found = new Set(rows.map((r) => r.id));
  const unknown = ids.filter((id) => !found.has(id));
  if (query.indicators && unknown.length > 0) {
    throw new BadRequestError(`querystring.indicators: unknown indicator${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (GET /api/indicators lists them)`);
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  const definitions = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [definitionOf(row)] : [];
  });
  const sort = sortOf(query.sort);
  if (sort.by === 'indicator' && !found.has(sort.indicatorId)) {
    throw new BadRequestError(`querystring.sort: ${sort.indicatorId} is not a column of this rug`);
  }

  const areas = await listAreas(db, query.level, parent.code);
  const values = await valuesFor(db, { indicatorIds: ids, level: query.level, parent: parent.code, period: query.period, alsoCodes: [parent.code, ENGLAND.code] });
  const england = await findArea(db, ENGLAND.code);
  const rug = buildRug({
    areas: areas.map((a) => ({ code: a.code, name: a.name, parentCode: parent.code })),
    indicators: definitions,
    values: values.map((v) => ({
      indicatorId: v.indicator_id,
      areaCode: v.area_code,
      value: v.value,
      lower: v.lower_ci,
      upper: v.upper_ci,
      numerator: v.numerator,
      denominator: v.denominator,
      note: v.note,
    })),
    benchmarks: { parents: [{ code: parent.code, name: parent.name }], england: england ? { code: england.code, name: england.name } : null },
    level: query.level,
    benchmark: query.benchmark,
    confidence: query.confidence === '99.8' ? 0.998 : 0.95,
    sort,
  });
  const body: RugBody = {
    parent: { code: parent.code, name: parent.name },
    level: query.level,
    period: query.period,
    benchmark: rug.benchmark,
    confidence: rug.confidence,
    columns: rug.columns.map((c) => ({ ...c })),
    rows: rug.rows.map(rowBody),
    benchmarks: rug.benchmarkRows.map(rowBody),
    legend: { summary: rug.legend.summary, columns: rug.legend.columns.map((c) => ({ ...c, tokens: [...c.tokens] })), tokens: rug.legend.tokens.map((t) => ({ ...t })) },
    attribution: register.attribution,
    datasets: datasetsBehind(definitions, query.level),
  };
  return { rug, body };
}
