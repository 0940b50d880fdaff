// The tartan rug for the areas under a parent: values from the database, comparisons and
// colours from @thrive/indicators (the same model the web app renders).
import type { Database } from '@thrive/db';
import { buildRug, DEFAULT_RUG_INDICATORS, type IndicatorDefinition, type Rug, type RugCell, type RugMissingColumn, type RugRow, type RugSort } from '@thrive/indicators';
import type { Kysely } from 'kysely';
import { BadRequestError, NotFoundError } from '../../errors.ts';
import { register } from '../open-data/datasets.ts';
import { datasetsBehind } from '../open-data/vintages.ts';
import { ENGLAND } from '../areas/england.ts';
import { findArea, listAreas } from '../areas/repository.ts';
import { indicatorsByIds, valuesFor } from '../indicators/repository.ts';
import { definitionOf } from './definitions.ts';
import { estateRug, withEstateInfo } from './estate-rows.ts';
import { withKpiColumns } from './kpi-columns.ts';
import type { RugBody, RugQuery } from './schemas.ts';

const SUPPRESSED_NOTE = 'suppressed in the source';
// Read from the mirror's File 8: counts are rounded to 5 and the smallest one published is 10.
const IOD_SUPPRESSION = 'IoD2019 leaves out small counts (the smallest it publishes is 10, rounded to 5)';

/**
 * Columns published for 2017 wards only (the Community Needs Index) say why their cells are
 * empty: not published for LSOAs, or, for an authority whose wards of December 2013 changed
 * before 2017 (Milton Keynes re-warded in 2014), a different ward vintage — never joined by name.
 */
function missingColumns(
  definitions: readonly IndicatorDefinition[],
  level: RugQuery['level'],
  authority: string,
  present: ReadonlySet<string>,
  areaCodes: readonly string[],
): Map<string, RugMissingColumn> {
  const out = new Map<string, RugMissingColumn>();
  for (const d of definitions) {
    if (d.source.geography !== 'ward17') continue;
    if (level === 'lsoa' || level === 'estate') {
      out.set(d.id, { gap: 'not_published', explanation: `Not published for ${level === 'lsoa' ? 'LSOAs' : 'estates'}: ${d.source.dataset} is published for wards (2017) only.` });
    } else if (!areaCodes.some((code) => present.has(`${d.id} ${code}`))) {
      out.set(d.id, {
        gap: 'ward_vintage',
        explanation: `${authority}'s wards changed after December 2013: ${d.source.dataset} is published for 2017 wards, which do not join these wards of December 2013 (wards are never matched by name).`,
      });
    }
  }
  return out;
}

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
  gap: cell.gap,
  explanation: cell.explanation,
});

const rowBody = (row: RugRow) => ({ code: row.code, name: row.name, kind: row.kind, cells: row.cells.map(cellBody) });

/** Builds the rug model for a query (404 for an unknown parent, 400 for unknown indicators). */
export async function rugFor(db: Kysely<Database>, query: RugQuery): Promise<{ rug: Rug; body: RugBody }> {
  const parent = await findArea(db, query.parent);
  if (!parent) throw new NotFoundError(`No area with code ${query.parent}. Load its authority first (an officer can, on the Load data page).`);
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

  // Estates get their values from their LSOAs here (estate-rows.ts) and their authority as benchmark.
  const estate = query.level === 'estate' ? await estateRug(db, parent, definitions, query.period) : null;
  const benchmarkParent = estate?.authority ?? { code: parent.code, name: parent.name };
  const areas = estate?.areas ?? (await listAreas(db, query.level, parent.code));
  const values = await valuesFor(db, { indicatorIds: ids, level: query.level, parent: parent.code, period: query.period, alsoCodes: [benchmarkParent.code, ENGLAND.code] });
  const england = await findArea(db, ENGLAND.code);
  const rug = buildRug({
    areas: areas.map((a) => ({ code: a.code, name: a.name, parentCode: benchmarkParent.code })),
    indicators: definitions,
    values: [
      ...values.map((v) => ({
      indicatorId: v.indicator_id,
      areaCode: v.area_code,
      value: v.value,
      lower: v.lower_ci,
      upper: v.upper_ci,
      numerator: v.numerator,
      denominator: v.denominator,
      note: v.note,
      // The loader notes an LSOA whose count IoD2019 left out (values/area-values.ts).
      suppressed: v.value === null && v.note === SUPPRESSED_NOTE,
    })),
      ...(estate?.values ?? []),
    ],
    missing: missingColumns(definitions, query.level, parent.name, new Set(values.map((v) => v.value === null ? '' : `${v.indicator_id} ${v.area_code}`)), areas.map((a) => a.code)),
    suppressedBelow: new Map(definitions.filter((d) => d.aggregation === 'sum_of_counts').map((d) => [d.id, IOD_SUPPRESSION])),
    benchmarks: { parents: [benchmarkParent], england: england ? { code: england.code, name: england.name } : null },
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
    // An estate's figures are its LSOAs': their boundaries are the geography behind them.
    datasets: datasetsBehind(definitions, query.level === 'estate' ? 'lsoa' : query.level),
  };
  return { rug, body: await withKpiColumns(db, await withEstateInfo(db, body, estate?.estates ?? null)) };
}
