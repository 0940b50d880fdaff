// Words and figures of a ward profile, from the API's profile: each indicator comes with its
// spread among the authority's wards and the catalogue's decimals, definition and source.
import type { ProfileBody } from '#lib/api.ts';
import { formatWithUnit, judge, type Comparison, type Polarity } from '@thrive/indicators';
import { directionText } from './spine.ts';

export type ProfileIndicator = ProfileBody['indicators'][number];
export type ProfileLsoa = ProfileBody['lsoas'][number];

/** A value as displayed: the catalogue's decimals and the unit ("14.1%", "0.83 km", "17,213"). */
export function formatValue(value: number | null, indicator: ProfileIndicator): string {
  if (value === null) return '–';
  return formatWithUnit(value, indicator.decimals, indicator.unit);
}

/** The confidence interval in words, or null for indicators compared by quintile. */
export function intervalText(indicator: ProfileIndicator, confidence: number): string | null {
  const { lower, upper } = indicator.cell;
  if (lower === null || upper === null) return null;
  const { decimals } = indicator;
  return `${formatWithUnit(lower, decimals, '')}–${formatWithUnit(upper, decimals, indicator.unit)}, ${percent(confidence)}% CI`;
}

/** A confidence level as a percentage: 0.998 → "99.8" (without floating-point noise). */
export function percent(confidence: number): string {
  return String(Math.round(confidence * 1000) / 10);
}

const REASONS: Readonly<Record<string, string>> = {
  no_value: 'no value',
  suppressed: 'suppressed: small numbers',
  no_interval: 'no confidence interval',
  below_minimum_count: 'too few events to compare',
  below_minimum_denominator: 'too few people to compare',
  no_benchmark: 'no benchmark value',
};

function judgementPhrase(comparison: Comparison, polarity: Polarity, benchmark: string): string {
  const judgement = judge(comparison, polarity);
  switch (judgement) {
    case 'better':
    case 'worse':
    case 'higher':
    case 'lower':
      return `${judgement} than ${benchmark}`;
    case 'similar':
      return `similar to ${benchmark}`;
    case 'not_compared':
      return `not compared with ${benchmark}`;
  }
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * How the ward compares, in words, to go with its badge (tokenOf): significance against the
 * authority and England, or for quintile indicators what the quintile is among.
 */
export function comparisonText(
  indicator: ProfileIndicator,
  parent: string,
  england: string,
): string[] {
  const { cell, polarity } = indicator;
  if (indicator.comparisonMethod === 'quintile') {
    const direction = directionText(polarity);
    return [`Among ${parent}'s wards` + (direction ? `; ${direction.toLowerCase()}` : '')];
  }
  const reason = cell.reason ? (REASONS[cell.reason] ?? cell.reason.replaceAll('_', ' ')) : null;
  const vsParent =
    sentenceCase(judgementPhrase(cell.comparison.parent, polarity, parent)) +
    (reason ? ` (${reason})` : '');
  return [vsParent, sentenceCase(judgementPhrase(cell.comparison.england, polarity, england))];
}

/**
 * One sentence per indicator tested for significance (those with counts): the measures a
 * reader can rely on most, e.g. "Income deprivation is 14.1%, worse than Dacorum (8.5%) and
 * higher than England (12.8%)."
 */
export function keyMeasures(
  indicators: readonly ProfileIndicator[],
  parent: string,
  england: string,
): string[] {
  return indicators
    .filter((i) => i.comparisonMethod === 'significance')
    .map((i) => {
      const parts = [`${i.title} is ${formatValue(i.cell.value, i)}`];
      const vsParent = judgementPhrase(i.cell.comparison.parent, i.polarity, parent);
      const vsEngland = judgementPhrase(i.cell.comparison.england, i.polarity, england);
      parts.push(`${vsParent} (${formatValue(i.parentValue, i)})`);
      return `${parts.join(', ')} and ${vsEngland} (${formatValue(i.englandValue, i)}).`;
    });
}

// The IoD2019 income-deprivation denominator is the total mid-2015 population (excluding
// prisoners): the one population figure the profile carries.
const POPULATION_INDICATOR = 'income_deprivation_rate';

/** Total population (mid-2015, IoD2019), if the profile has it. */
export function populationOf(indicators: readonly ProfileIndicator[]): number | null {
  return indicators.find((i) => i.id === POPULATION_INDICATOR)?.cell.denominator ?? null;
}

/** The ward's LSOAs at a glance: how many, their range of national deciles, how many deprived. */
export interface LsoaSummary {
  count: number;
  mostDeprivedDecile: number | null;
  leastDeprivedDecile: number | null;
  /** LSOAs in the most deprived 20% nationally (deciles 1 and 2). */
  inMostDeprived20: number;
}

export function lsoaSummary(lsoas: readonly ProfileLsoa[]): LsoaSummary {
  const deciles = lsoas.map((l) => l.imdDecile).filter((d): d is number => d !== null);
  return {
    count: lsoas.length,
    mostDeprivedDecile: deciles.length ? Math.min(...deciles) : null,
    leastDeprivedDecile: deciles.length ? Math.max(...deciles) : null,
    inMostDeprived20: deciles.filter((d) => d <= 2).length,
  };
}

/**
 * Indicators grouped by theme, themes in order of first appearance and indicators in the
 * API's order within each (the API lists the IoD summary measures apart from the rates, so a
 * theme can recur).
 */
export function byTheme(
  indicators: readonly ProfileIndicator[],
): { theme: string; indicators: ProfileIndicator[] }[] {
  const groups = new Map<string, ProfileIndicator[]>();
  for (const indicator of indicators) {
    const group = groups.get(indicator.theme);
    if (group) group.push(indicator);
    else groups.set(indicator.theme, [indicator]);
  }
  return [...groups].map(([theme, members]) => ({ theme, indicators: members }));
}

/** The distinct sources (with licence) of the indicators shown, in order of first appearance. */
export function sourcesOf(
  indicators: readonly ProfileIndicator[],
): { source: string; licence: string }[] {
  const seen = new Map<string, { source: string; licence: string }>();
  for (const { source, licence } of indicators) {
    const key = `${source}\u0000${licence}`;
    if (!seen.has(key)) seen.set(key, { source, licence });
  }
  return [...seen.values()];
}
