// A KPI's status in one period against the residents' own target (docs/methods.md §6).
import type { KpiDirection, KpiStatus } from '@thrive/participation';

/** What the status rule reads. */
export interface StatusInput {
  /** The period's estimate (null when there is none). */
  readonly value: number | null;
  /** Answers (survey), pins (pin metric) or 1 (official indicator) behind the estimate. */
  readonly n: number;
  /** The stated minimum n: below it the period is not yet measurable. */
  readonly minimumN: number;
  readonly target: number;
  readonly direction: KpiDirection;
}

/**
 * `not_yet_measurable` when there is no estimate or n is below the stated minimum; otherwise
 * `on_track` when the estimate has reached the target in the KPI's direction (at or above it for
 * `up`, at or below it for `down`; reaching it exactly counts), else `off_track`.
 */
export function kpiStatus({ value, n, minimumN, target, direction }: StatusInput): KpiStatus {
  if (value === null || !Number.isFinite(value) || !(n >= minimumN)) return 'not_yet_measurable';
  const reached = direction === 'up' ? value >= target : value <= target;
  return reached ? 'on_track' : 'off_track';
}
