// How KPI readings are said and shown: values in their unit, status in words with a symbol
// (colour is never the only signal), and the words officers and residents read for the lists.
import type { KpiRipple, KpiStatus, KpiTier } from '@thrive/participation';
import type { KpiBody } from './api.ts';

export type KpiUnit = KpiBody['unit'];

/** A value in its unit: proportions as percentages, 0–10 scores and rates to one decimal. */
export function formatValue(value: number | null, unit: KpiUnit): string {
  if (value === null) return '–';
  switch (unit) {
    case 'proportion':
      return `${(value * 100).toFixed(1)}%`;
    case 'mean_0_10':
      return `${value.toFixed(1)} out of 10`;
    case 'per_1000':
      return `${value.toFixed(1)} per 1,000 residents`;
    case 'indicator':
      return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }
}

/** A value as officers type it: percentages for proportions, otherwise as stored. */
export const toInput = (value: number, unit: KpiUnit): number =>
  unit === 'proportion' ? Math.round(value * 1000) / 10 : value;

/** What officers typed, as the API stores it (fractions 0–1 for proportions). */
export const fromInput = (typed: number, unit: KpiUnit): number =>
  unit === 'proportion' ? typed / 100 : typed;

/** What officers type a value as, for labels. */
export function inputUnit(unit: KpiUnit): string {
  return unit === 'proportion'
    ? 'percent, 0 to 100'
    : unit === 'mean_0_10'
      ? 'score, 0 to 10'
      : unit === 'per_1000'
        ? 'per 1,000 residents'
        : 'in the indicator’s own unit';
}

/** A status in words with its symbol (the symbol is for sighted readers; words carry the meaning). */
export const STATUS: Record<KpiStatus, { words: string; symbol: string; className: string }> = {
  on_track: { words: 'On track', symbol: '✓', className: 'on-track' },
  off_track: { words: 'Not on track yet', symbol: '✗', className: 'off-track' },
  not_yet_measurable: {
    words: 'Not enough answers yet to say',
    symbol: '…',
    className: 'unmeasured',
  },
};

export const TIERS: Record<KpiTier, string> = {
  T1: 'T1: the big picture',
  T2: 'T2: medium term',
  T3: 'T3: something specific',
};

export const RIPPLES: Record<KpiRipple, string> = {
  place: 'Place',
  people: 'People',
  public_services: 'Public services',
};

export const STATES: Record<KpiBody['state'], string> = {
  draft: 'Draft',
  adopted: 'Adopted',
  retired: 'Retired',
};

/** "Higher is better" or "lower is better". */
export const directionWords = (direction: KpiBody['direction']) =>
  direction === 'up' ? 'higher is better' : 'lower is better';

/** Who adopted the KPI and when, in a sentence; null when no forum has. */
export function adoptedWords(kpi: Pick<KpiBody, 'adoptions'>): string | null {
  const last = kpi.adoptions.at(-1);
  if (!last) return null;
  return `Adopted by ${last.forum} on ${formatDay(last.adoptedOn)}`;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A YYYY-MM-DD day (or an ISO time) as "4 March 2025". */
export function formatDay(day: string): string {
  const date = new Date(day.length === 10 ? `${day}T00:00:00Z` : day);
  return Number.isNaN(date.getTime()) ? day : dayFormat.format(date);
}
