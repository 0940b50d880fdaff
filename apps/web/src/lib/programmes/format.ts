// How the board report and the programme pages write engagement figures and KPI readings: the
// same rounding everywhere, and words (never a blank) where a figure is held back.
import type { EngagementBody, ReportBody } from '@thrive/api/schemas';

type Share = EngagementBody['responseShare'];
type Kpi = ReportBody['kpis'][number];

/** Words for a count: the number, "fewer than 5" when suppressed. */
export function countText(value: number | null): string {
  return value === null ? 'fewer than 5' : value.toLocaleString('en-GB');
}

/** A fraction 0–1 as a whole percentage, e.g. 0.5833 → "58%". */
export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** A share with its interval, e.g. "58% (95% CI 32%–81%, n = 12)"; why not, when there is none. */
export function shareText(share: Share): string {
  if (share.suppressed) return 'not shown (fewer than 5 on one side)';
  if (share.value === null || share.lower === null || share.upper === null) return 'none yet';
  return `${percent(share.value)} (95% CI ${percent(share.lower)}–${percent(share.upper)}, n = ${share.n ?? ''})`;
}

/** A rate per 1,000 to 1 decimal with its interval. */
export function rateText(rate: EngagementBody['participantsPer1000']): string {
  if (rate.suppressed) return 'not shown (fewer than 5)';
  if (rate.value === null || rate.lower === null || rate.upper === null)
    return 'population not known';
  return `${rate.value.toFixed(1)} (95% CI ${rate.lower.toFixed(1)}–${rate.upper.toFixed(1)})`;
}

/** Median days to a reply, or why there is none. */
export function daysText(days: number | null): string {
  return days === null ? 'fewer than 5 replies' : `${days.toFixed(1)} days`;
}

/** The representation score to 2 decimals, or "not given". */
export function scoreText(score: number | null): string {
  return score === null ? 'not given' : score.toFixed(2);
}

/** The File 6 age groups in words. */
export const AGE_GROUP_LABELS: Record<string, string> = {
  '0_15': 'aged 0–15',
  '16_59': 'aged 16–59',
  '60_plus': 'aged 60 and over',
};

export const STATUS_LABELS: Record<Kpi['status'], string> = {
  off_track: 'Off target',
  on_track: 'On target',
  not_yet_measurable: 'Not yet measurable',
};

export const TREND_LABELS: Record<Kpi['trend'], string> = {
  improving: '▲ Improving',
  worsening: '▼ Worsening',
  no_clear_change: '● No clear change',
  not_known: '– Not known yet',
};

/** A KPI reading in its unit, e.g. "58%" for a proportion, "4.2 per 1,000", "7.1 / 10". */
export function kpiValueText(k: Pick<Kpi, 'value' | 'unit' | 'suppressed'>): string {
  if (k.value === null) return k.suppressed ? 'not shown (fewer than 5)' : 'no reading';
  switch (k.unit) {
    case 'proportion':
      return percent(k.value);
    case 'per_1000':
      return `${k.value.toFixed(1)} per 1,000`;
    case 'mean_0_10':
      return `${k.value.toFixed(1)} / 10`;
    default:
      return k.value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  }
}

/** A KPI target in the KPI's unit, e.g. "70% by 2030". */
export function targetText(k: Pick<Kpi, 'target' | 'unit' | 'direction'>): string {
  const value = kpiValueText({ value: k.target.value, unit: k.unit, suppressed: false });
  return `${k.direction === 'up' ? 'at least' : 'at most'} ${value} by ${k.target.by}`;
}

/** Each figure's name as the report writes it, by the API's method key. */
export const METHOD_LABELS: Record<string, string> = {
  participants: 'Participants',
  participantsPer1000: 'Participants per 1,000 residents',
  returningParticipants: 'Returning participants',
  pins: 'Pins',
  support: '“Me too” support',
  surveyResponses: 'Survey responses',
  responseShare: 'Pins with a “you said, we did” reply',
  medianDaysToReply: 'Median time to a reply',
  plannedDoneOnTime: 'Planned work done by its date',
  changesMade: 'Changes made because residents asked',
  representation: 'Who is heard (representation score)',
  kpiStatus: 'KPI status',
  kpiTrend: 'KPI trend',
  notHeard: 'Who is not being heard',
};
