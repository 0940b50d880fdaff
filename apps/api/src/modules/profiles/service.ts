// A place-based profile of one area: every indicator with its interval and comparisons with
// its authority and England, and the national IMD decile of each of its LSOAs. Quintile bands
// are computed among the area's sibling areas (the wards of its authority).
import type { Database } from '@thrive/db';
import { catalogue, spreadOf } from '@thrive/indicators';
import type { Kysely } from 'kysely';
import { NotFoundError } from '../../errors.ts';
import { findArea } from '../areas/repository.ts';
import { indicatorsByIds } from '../indicators/repository.ts';
import { indicatorBody } from '../indicators/service.ts';
import { register } from '../open-data/datasets.ts';
import { rugFor } from '../rug/service.ts';
import { lsoasWithImd } from './repository.ts';
import type { ProfileBody, ProfileQuery } from './schemas.ts';

// Indicators with a value for a ward or an authority: summaries, rates, means and CNI.
const PROFILE_INDICATORS = catalogue.filter((d) => d.aggregation !== 'none' || d.source.geography === 'ward17').map((d) => d.id);

/** The profile of a ward (or other area with a parent). */
export async function profileOf(db: Kysely<Database>, code: string, query: ProfileQuery): Promise<ProfileBody> {
  const area = await findArea(db, code);
  if (!area) throw new NotFoundError(`No area with code ${code}.`);
  const lsoas = await lsoasWithImd(db, code, query.period);
  const parent = area.parent_code ? await findArea(db, area.parent_code) : undefined;
  if (!parent || (area.level !== 'ward' && area.level !== 'lsoa')) {
    return { area: { code: area.code, name: area.name, level: area.level }, parent: null, england: null, period: query.period, confidence: query.confidence === '99.8' ? 0.998 : 0.95, indicators: [], lsoas, legend: 'Profiles compare a ward with its authority and England; choose a ward.', attribution: register.attribution, datasets: [] };
  }
  const [{ body }, described] = await Promise.all([
    rugFor(db, {
      parent: parent.code,
      level: area.level,
      indicators: PROFILE_INDICATORS.join(','),
      benchmark: 'parent',
      confidence: query.confidence,
      period: query.period,
    }),
    // Decimals, definition, source and licence as GET /api/indicators gives them, so the page
    // needs no second request for the catalogue.
    indicatorsByIds(db, PROFILE_INDICATORS).then((rows) => new Map(rows.map((r) => [r.id, indicatorBody(r)]))),
  ]);
  const row = body.rows.find((r) => r.code === code);
  // The spine charts' spreads are over the sibling areas alone, never the benchmark rows; a
  // suppressed cell's value is null, so nothing suppressed reaches a quartile.
  const siblings = body.rows.filter((r) => r.kind === 'area');
  const parentRow = body.benchmarks.find((r) => r.kind === 'parent');
  const englandRow = body.benchmarks.find((r) => r.kind === 'england');
  const indicators = body.columns.flatMap((column, i) => {
    const cell = row?.cells[i];
    if (!cell || cell.value === null) return [];
    // Every rug column is an indicator row, so the fallback is for the type alone.
    const about = described.get(column.id) ?? { decimals: column.decimals, definition: '', source: '', licence: '' };
    return [
      {
        id: column.id,
        title: column.title,
        shortLabel: column.shortLabel,
        theme: column.theme,
        unit: column.unit,
        polarity: column.polarity,
        comparisonMethod: column.comparisonMethod,
        methodNote: column.methodNote,
        cell,
        parentValue: parentRow?.cells[i]?.value ?? null,
        englandValue: englandRow?.cells[i]?.value ?? null,
        parentText: parentRow?.cells[i]?.text ?? '–',
        englandText: englandRow?.cells[i]?.text ?? '–',
        spread: spreadOf(siblings.map((r) => r.cells[i]?.value ?? null)),
        decimals: about.decimals,
        definition: about.definition,
        source: about.source,
        licence: about.licence,
      },
    ];
  });
  // Every indicator left out says why, as the rug's empty cells do.
  const missing = body.columns.flatMap((column, i) => {
    const cell = row?.cells[i];
    if (cell && cell.value !== null) return [];
    return [{ id: column.id, title: column.title, theme: column.theme, gap: cell?.gap ?? null, explanation: cell?.explanation ?? 'No value in the source data for this area.' }];
  });
  return {
    missing,
    area: { code: area.code, name: area.name, level: area.level },
    parent: { code: parent.code, name: parent.name },
    england: englandRow ? { code: englandRow.code, name: englandRow.name } : null,
    period: query.period,
    confidence: body.confidence,
    indicators,
    lsoas,
    legend: body.legend.summary,
    attribution: body.attribution,
    datasets: body.datasets,
  };
}
