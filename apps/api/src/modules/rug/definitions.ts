// Indicator definitions for the rug: the catalogue's where it has the indicator, otherwise one
// built from the database row (indicators imported with their own definitions).
import type { Indicator } from '@thrive/db';
import { indicatorById, type IndicatorDefinition } from '@thrive/indicators';

/** The definition of an indicator row. */
export function definitionOf(row: Indicator): IndicatorDefinition {
  const known = indicatorById(row.id);
  if (known) return known;
  const counts = row.value_type === 'proportion' || row.value_type === 'rate';
  return {
    id: row.id,
    title: row.title,
    shortLabel: row.short_label,
    unit: row.unit,
    valueType: row.value_type,
    polarity: row.polarity,
    multiplier: row.multiplier,
    decimals: row.decimals,
    theme: (row.theme ?? 'community_needs') as IndicatorDefinition['theme'],
    definition: row.definition,
    // Imported proportions and rates are compared by their counts (or given CIs); the rest by quintile.
    interval: counts ? (row.value_type === 'proportion' ? 'wilson' : 'byar') : null,
    aggregation: counts ? 'sum_of_counts' : 'none',
    minimumCount: counts ? 5 : null,
    minimumDenominator: null,
    licence: row.licence,
    attribution: row.source,
    source: { dataset: row.source, publisher: row.source, url: '', geography: 'lsoa11', value: null, scale: 1, areaCodeColumn: 'area_code' },
  };
}
