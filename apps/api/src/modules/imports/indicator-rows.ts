// Catalogue definitions as `indicator` rows.
import type { NewIndicator } from '@thrive/db';
import type { IndicatorDefinition } from '@thrive/indicators';

/** The database row of an indicator definition. */
export function toIndicatorRow(d: IndicatorDefinition): NewIndicator {
  return {
    id: d.id,
    title: d.title,
    short_label: d.shortLabel,
    unit: d.unit,
    value_type: d.valueType,
    polarity: d.polarity,
    multiplier: d.multiplier,
    decimals: d.decimals,
    theme: d.theme,
    source: `${d.source.dataset} (${d.source.publisher})`,
    licence: d.licence,
    definition: d.definition,
    tier: null,
    ripple: null,
  };
}
