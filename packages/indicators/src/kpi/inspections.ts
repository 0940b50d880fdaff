// Residents' block inspections (issue 14): whether a score meets the standard, the share of
// inspections meeting it with a Wilson interval, the status against the service-level target,
// a block compared with its estate, the trend between two months, and what may be published.
import {
  INSPECTION_MINIMUM_N,
  type InspectionScale,
  type InspectionStatus,
  SMALL_COUNT_THRESHOLD,
} from '@thrive/participation';
import { compareWithBenchmark, judge, type Judgement } from '../stats/compare.ts';
import { newcombeDifference } from '../stats/newcombe.ts';
import { wilson } from '../stats/wilson.ts';

/** The scores an item's scale takes: 0 or 1 for meets / does not meet, 1 to 5 otherwise. */
export function inspectionScoreRange(scale: InspectionScale): { min: number; max: number } {
  return scale === 'meets' ? { min: 0, max: 1 } : { min: 1, max: 5 };
}

/** Whether a score meets the standard: 1 on a meets scale, at or above the threshold on 1–5. */
export function scoreMeets(scale: InspectionScale, threshold: number | null, value: number): boolean {
  return scale === 'meets' ? value === 1 : value >= (threshold ?? Number.POSITIVE_INFINITY);
}

/** A share of inspections meeting a standard, as fractions 0–1 (null without inspections). */
export interface InspectionShare {
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** One block's (or the estate's) item in one period. */
export interface InspectionResult {
  readonly meets: number;
  readonly n: number;
  readonly share: InspectionShare;
  readonly status: InspectionStatus;
}

/**
 * `meets` of `n` inspections: the share with its Wilson score interval (95% unless asked), and
 * `meets_target` when the share has reached the target (exactly counts), `below_target` when
 * not, `too_few_inspections` under the minimum n (5).
 * @see Wilson EB. JASA 1927;22:209–12; Newcombe RG. Stat Med 1998;17:857–72 (method 3)
 */
export function inspectionResult(
  meets: number,
  n: number,
  target: number,
  options: { readonly confidence?: number; readonly minimumN?: number } = {},
): InspectionResult {
  const minimumN = options.minimumN ?? INSPECTION_MINIMUM_N;
  if (n === 0)
    return { meets, n, share: { value: null, lower: null, upper: null }, status: 'too_few_inspections' };
  const w = wilson(meets, n, { confidence: options.confidence ?? 0.95 });
  const status: InspectionStatus =
    n < minimumN ? 'too_few_inspections' : w.value >= target ? 'meets_target' : 'below_target';
  return { meets, n, share: { value: w.value, lower: w.lower, upper: w.upper }, status };
}

/**
 * A block compared with its estate: `better` when the block's interval lies wholly above the
 * estate's share, `worse` wholly below, `similar` when they overlap, `not_compared` without an
 * interval or with fewer than 5 inspections (the rug's rules, docs/methods.md §2).
 */
export function compareBlockWithEstate(
  block: InspectionResult,
  estate: InspectionResult,
): Judgement {
  const outcome = compareWithBenchmark(
    { value: block.share.value, lower: block.share.lower, upper: block.share.upper, count: block.n },
    estate.share.value,
    { minimumCount: INSPECTION_MINIMUM_N },
  );
  return judge(outcome.comparison, 'high_is_good');
}

/** Which way the share moved from one month to the next, and whether beyond chance. */
export type InspectionTrend = 'up' | 'down' | 'no_clear_change' | 'not_enough';

/**
 * The change between two periods with Newcombe's hybrid score interval (method 10): `up` or
 * `down` when the interval excludes 0, `no_clear_change` when it does not, `not_enough` when
 * either period has fewer than 5 inspections.
 * @see Newcombe RG. Stat Med 1998;17:873–90 (method 10)
 */
export function inspectionTrend(
  previous: Pick<InspectionResult, 'meets' | 'n'>,
  current: Pick<InspectionResult, 'meets' | 'n'>,
): InspectionTrend {
  if (previous.n < INSPECTION_MINIMUM_N || current.n < INSPECTION_MINIMUM_N) return 'not_enough';
  const d = newcombeDifference(current.meets, current.n, previous.meets, previous.n);
  if (d.lower > 0) return 'up';
  if (d.upper < 0) return 'down';
  return 'no_clear_change';
}

/** A result as it may be published: null counts and share when withheld. */
export interface PublishedInspectionResult {
  readonly meets: number | null;
  readonly n: number | null;
  readonly share: InspectionShare;
  readonly status: InspectionStatus;
  readonly suppressed: boolean;
}

/**
 * Withholds a result built on 1 to 4 inspections: so few visits could point at the one
 * resident who inspects that block, and the share of so few says nothing anyway. The counts of
 * 5 or more inspections are published whole (meets, n and share), as they describe a block's
 * cleaning, not a person; 0 inspections is published as 0.
 */
export function publishInspectionResult(result: InspectionResult): PublishedInspectionResult {
  if (result.n > 0 && result.n < SMALL_COUNT_THRESHOLD)
    return {
      meets: null,
      n: null,
      share: { value: null, lower: null, upper: null },
      status: 'too_few_inspections',
      suppressed: true,
    };
  return { ...result, suppressed: false };
}
