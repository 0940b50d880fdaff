import type { Database, Indicator } from '@thrive/db';
import type { Kysely } from 'kysely';
import { NotFoundError } from '../../errors.ts';
import { findArea } from '../areas/repository.ts';
import { findIndicator, listIndicators, valuesFor } from './repository.ts';
import type { IndicatorBody, IndicatorListBody, ValuesBody, ValuesQuery } from './schemas.ts';

/** An indicator row as the API shows it. */
export function indicatorBody(row: Indicator): IndicatorBody {
  return {
    id: row.id,
    title: row.title,
    shortLabel: row.short_label,
    unit: row.unit,
    valueType: row.value_type,
    polarity: row.polarity,
    multiplier: row.multiplier,
    decimals: row.decimals,
    theme: row.theme,
    source: row.source,
    licence: row.licence,
    definition: row.definition,
  };
}

/** The catalogue as loaded in the database. */
export async function indicatorList(db: Kysely<Database>): Promise<IndicatorListBody> {
  return { indicators: (await listIndicators(db)).map(indicatorBody) };
}

/** One indicator's values for the areas of a level under a parent. */
export async function indicatorValues(db: Kysely<Database>, id: string, query: ValuesQuery): Promise<ValuesBody> {
  const indicator = await findIndicator(db, id);
  if (!indicator) throw new NotFoundError(`No indicator with id ${id}. GET /api/indicators lists them.`);
  if (query.parent !== undefined && !(await findArea(db, query.parent))) throw new NotFoundError(`No area with code ${query.parent}.`);
  const rows = await valuesFor(db, { indicatorIds: [id], level: query.level, parent: query.parent, period: query.period });
  return {
    indicator: indicatorBody(indicator),
    values: rows.map((r) => ({
      areaCode: r.area_code,
      areaName: r.area_name,
      period: r.period,
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
      lower: r.lower_ci,
      upper: r.upper_ci,
      note: r.note,
    })),
  };
}
