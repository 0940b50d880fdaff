// One period of a KPI: its estimate, interval, n, status against the target, and whether the
// change from baseline is beyond chance, with counts under 5 never shown.
import { type KpiDirection, type KpiStatus, SMALL_COUNT_THRESHOLD } from '@thrive/participation';
import type { IntervalMethod } from '../stats/interval.ts';
import { newcombeDifference } from '../stats/newcombe.ts';
import { pinRatePer1000 } from './pin-metrics.ts';
import { meanScore, shareAgreeing } from './survey-answers.ts';
import { kpiStatus } from './status.ts';

/** What was observed in a period, by kind of measure. */
export type PeriodObservation =
  /** A count out of n: survey answers agreeing, or pins with a reply. */
  | { readonly kind: 'share'; readonly n: number; readonly agreeing: number }
  /** A 0–10 mean with its sample standard deviation. */
  | { readonly kind: 'mean'; readonly n: number; readonly mean: number; readonly sd: number }
  /** A count of pins against the area's population (per 1,000). */
  | { readonly kind: 'rate'; readonly count: number; readonly population: number }
  /** A published official value (no disclosure control needed: it is already public). */
  | {
      readonly kind: 'official';
      readonly value: number;
      readonly lower: number | null;
      readonly upper: number | null;
      readonly n: number | null;
    };

/** The KPI settings the measure needs. */
export interface MeasureSettings {
  readonly target: number;
  readonly direction: KpiDirection;
  readonly minimumN: number;
  readonly confidence?: number;
}

/** A change from the baseline period, with Newcombe's hybrid score interval (shares only). */
export interface KpiChange {
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
  /** The interval excludes 0: the change is beyond chance. */
  readonly real: boolean;
  /** Real and in the KPI's direction. */
  readonly improving: boolean;
}

/** One period of a KPI as published; value, interval and n are null when suppressed. */
export interface KpiPeriodMeasure {
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly n: number | null;
  readonly status: KpiStatus;
  readonly method: IntervalMethod | 'official' | null;
  /** True when a count under 5 would be shown (or could be worked out) and was held back. */
  readonly suppressed: boolean;
  readonly change: KpiChange | null;
}

/** Whether a count may be shown: counts under 5 (0 included) never are. */
const shown = (count: number): boolean => count >= SMALL_COUNT_THRESHOLD;

const hidden = { value: null, lower: null, upper: null } as const;

/** A period with nothing to measure yet: no answers, or no population to count pins against. */
const notYetMeasurable = (): KpiPeriodMeasure => ({
  ...hidden,
  n: null,
  status: 'not_yet_measurable',
  method: null,
  suppressed: false,
  change: null,
});

/**
 * Measures one period. A share is held back unless both those agreeing and the rest number 5 or
 * more (else either count could be worked out from value × n); a mean unless n ≥ 5; a rate
 * unless the pin count is 5 or more. The status is still judged on the full data, as it shows
 * no count. The change from baseline is given for shares when a baseline observation exists
 * and neither period is held back.
 * @see Newcombe RG. Interval estimation for the difference between independent proportions. Stat Med 1998;17:873–90 (method 10)
 */
export function measurePeriod(
  observed: PeriodObservation,
  settings: MeasureSettings,
  baseline?: PeriodObservation | null,
): KpiPeriodMeasure {
  const confidence = settings.confidence ?? 0.95;
  const judge = (value: number | null, n: number): KpiStatus =>
    kpiStatus({
      value,
      n,
      minimumN: settings.minimumN,
      target: settings.target,
      direction: settings.direction,
    });
  switch (observed.kind) {
    case 'share': {
      const { n, agreeing } = observed;
      if (n === 0) return notYetMeasurable();
      const ci = shareAgreeing(agreeing, n, confidence);
      const status = judge(ci.value, n);
      if (!shown(agreeing) || !shown(n - agreeing)) {
        return {
          ...hidden,
          n: shown(n) ? n : null,
          status,
          method: 'wilson',
          suppressed: true,
          change: null,
        };
      }
      const change =
        baseline?.kind === 'share' &&
        baseline.n > 0 &&
        shown(baseline.agreeing) &&
        shown(baseline.n - baseline.agreeing)
          ? changeBetween(observed, baseline, settings.direction, confidence)
          : null;
      return {
        value: ci.value,
        lower: ci.lower,
        upper: ci.upper,
        n,
        status,
        method: 'wilson',
        suppressed: false,
        change,
      };
    }
    case 'mean': {
      const { n, mean, sd } = observed;
      if (!shown(n)) {
        return {
          ...hidden,
          n: null,
          status: judge(n > 0 ? mean : null, n),
          method: null,
          suppressed: n > 0,
          change: null,
        };
      }
      const ci = meanScore(mean, sd, n, confidence);
      return {
        value: ci.value,
        lower: ci.lower,
        upper: ci.upper,
        n,
        status: judge(ci.value, n),
        method: ci.method,
        suppressed: false,
        change: null,
      };
    }
    case 'rate': {
      const { count, population } = observed;
      if (!(population > 0)) return notYetMeasurable();
      const ci = pinRatePer1000(count, population, confidence);
      const status = judge(ci.value, count);
      if (!shown(count))
        return { ...hidden, n: null, status, method: ci.method, suppressed: true, change: null };
      return {
        value: ci.value,
        lower: ci.lower,
        upper: ci.upper,
        n: count,
        status,
        method: ci.method,
        suppressed: false,
        change: null,
      };
    }
    case 'official':
      return {
        value: observed.value,
        lower: observed.lower,
        upper: observed.upper,
        n: observed.n,
        status: judge(observed.value, observed.n ?? settings.minimumN),
        method: 'official',
        suppressed: false,
        change: null,
      };
  }
}

/** The change between two shares (current − baseline), and whether it is real and improving. */
export function changeBetween(
  current: { readonly n: number; readonly agreeing: number },
  baseline: { readonly n: number; readonly agreeing: number },
  direction: KpiDirection,
  confidence = 0.95,
): KpiChange {
  const d = newcombeDifference(current.agreeing, current.n, baseline.agreeing, baseline.n, {
    confidence,
  });
  const improving = d.real && (direction === 'up' ? d.lower > 0 : d.upper < 0);
  return { value: d.value, lower: d.lower, upper: d.upper, real: d.real, improving };
}
