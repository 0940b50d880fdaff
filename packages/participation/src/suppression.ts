// Statistical disclosure control for counts of residents and their pins: a count of 1 to 4 is
// never published, as a small count can point at a person ("the one resident over 75 who took
// part"). Zero is published as 0: it points at nobody, and "no young people took part" is the
// finding an officer most needs. Within a group of counts that add up to a published total,
// one hidden cell could be worked out by subtraction, so the next smallest is hidden with it.
import { SMALL_COUNT_THRESHOLD } from './lists.ts';

/** A count as it may be published: the number, or null with `suppressed: true`. */
export type SuppressedCount =
  | { readonly value: number; readonly suppressed: false }
  | { readonly value: null; readonly suppressed: true };

/** Why a count is missing, for the people reading an output. */
export const SUPPRESSION_NOTE = `Counts from 1 to ${SMALL_COUNT_THRESHOLD - 1} are not shown, so no one can be picked out; 0 is shown.`;

/** Whether a count is too small to publish (1 to SMALL_COUNT_THRESHOLD - 1; never 0). */
export function isSmallCount(count: number): boolean {
  return count > 0 && count < SMALL_COUNT_THRESHOLD;
}

/** A count as it may be published: 1–4 become null with `suppressed: true`; 0 and 5+ are kept. */
export function suppressSmall(count: number): SuppressedCount {
  return isSmallCount(count)
    ? { value: null, suppressed: true }
    : { value: count, suppressed: false };
}

/**
 * Counts that add up to a total published beside them (e.g. participants by age band): each
 * small count suppressed, and when that leaves exactly one hidden cell (which the total would
 * give away) the smallest other non-zero cell hidden too. Order is kept.
 */
export function suppressGroup(counts: readonly number[]): SuppressedCount[] {
  const out = counts.map(suppressSmall);
  const hidden = out.filter((c) => c.suppressed).length;
  if (hidden !== 1) return out;
  let smallest = -1;
  counts.forEach((count, i) => {
    if (
      !out[i]?.suppressed &&
      count > 0 &&
      (smallest < 0 || count < (counts[smallest] ?? Infinity))
    )
      smallest = i;
  });
  if (smallest >= 0) out[smallest] = { value: null, suppressed: true };
  return out;
}

/**
 * Counts in two levels, each group's parts adding up to it and the groups to a published total
 * (e.g. participants by age band within the population's age groups): the groups suppressed as
 * a group, each group's parts as a group beside their group's count, and every non-zero part of
 * a hidden group hidden too, so no level can be worked out from the other.
 */
export function suppressNested(groups: readonly (readonly number[])[]): {
  groups: SuppressedCount[];
  parts: SuppressedCount[][];
} {
  const totals = suppressGroup(groups.map((parts) => parts.reduce((sum, n) => sum + n, 0)));
  const parts = groups.map((counts, g) =>
    totals[g]?.suppressed
      ? counts.map((n): SuppressedCount =>
          n === 0 ? { value: 0, suppressed: false } : { value: null, suppressed: true },
        )
      : suppressGroup(counts),
  );
  return { groups: totals, parts };
}
