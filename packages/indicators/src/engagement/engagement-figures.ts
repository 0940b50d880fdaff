// Engagement KPIs computed from what residents did (issue 13, docs/methods.md §6–7): participants and
// their rate per 1,000 residents, pins, "me too" support, survey responses, the share of pins
// with a "you said, we did" reply, median days to a reply, the share of planned work done by its
// date, changes made because residents asked, and who is heard. Counts under 5 are suppressed
// everywhere; a share is held back when either part of it is (else value × n gives it away).
import { isSmallCount, type PopulationAgeGroup } from '@thrive/participation';
import { byarRate } from '../stats/byar.ts';
import type { IntervalMethod } from '../stats/interval.ts';
import { wilson } from '../stats/wilson.ts';
import { median } from './median.ts';
import { representation, type Representation } from './representation.ts';

/** The raw counts of an area and period, straight from the database. */
export interface EngagementCounts {
  /** Distinct participants who did something (a pin, a "me too", an "about you" answer). */
  readonly participants: number;
  /** Participants who took part on two or more different days. */
  readonly returning: number;
  /** Pins not hidden. */
  readonly pins: number;
  readonly support: number;
  readonly surveyResponses: number;
  /** Pins (of `pins`) with a "you said, we did" reply. */
  readonly replied: number;
  /** Days from each replied pin to its first reply. */
  readonly replyDays: readonly number[];
  /** Pins whose planned date has passed, and those of them done by that date. */
  readonly plannedDue: number;
  readonly plannedDoneOnTime: number;
  /** Pins whose latest reply says "done": changes made because residents asked. */
  readonly done: number;
  /** Residents of the area's LSOAs (IoD2019 File 6), or null when unknown. */
  readonly population: number | null;
  /** Participants who gave an age, by File 6 group, with each group's population. */
  readonly groups: readonly {
    readonly group: PopulationAgeGroup;
    readonly participants: number;
    readonly population: number | null;
  }[];
}

/** A share with its Wilson interval; all null when held back or when n is 0. */
export interface PublishedShare {
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly n: number | null;
  readonly suppressed: boolean;
}

/** A rate per 1,000 with its interval and method; all null when held back or unknown. */
export interface PublishedRate {
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly method: IntervalMethod | null;
  readonly suppressed: boolean;
}

/** Engagement figures as published. */
export interface EngagementFigures {
  readonly participants: number | null;
  readonly participantsPer1000: PublishedRate;
  readonly returningParticipants: number | null;
  readonly pins: number | null;
  readonly support: number | null;
  readonly surveyResponses: number | null;
  readonly responseShare: PublishedShare;
  /** Median days from a pin to its first reply, to 1 decimal; null with fewer than 5 replies. */
  readonly medianDaysToReply: number | null;
  readonly plannedDoneOnTime: PublishedShare;
  readonly changesMade: number | null;
  readonly representation: Representation;
  /** Names of the figures held back as small counts. */
  readonly suppressed: readonly string[];
}

const count = (n: number): number | null => (isSmallCount(n) ? null : n);

/** A share of `part` in `n`: held back when the part or the rest is 1–4; null throughout when n is 0. */
export function publishShare(part: number, n: number, confidence = 0.95): PublishedShare {
  if (n === 0) return { value: null, lower: null, upper: null, n: 0, suppressed: false };
  if (isSmallCount(part) || isSmallCount(n - part))
    return { value: null, lower: null, upper: null, n: null, suppressed: true };
  const w = wilson(part, n, { confidence });
  return { value: w.value, lower: w.lower, upper: w.upper, n, suppressed: false };
}

/**
 * The published engagement figures of one area and period from its raw counts.
 * @see Wilson EB. JASA 1927;22:209–12 (reply shares); Breslow NE, Day NE, IARC 1987 (Byar's
 * rate per 1,000, exact Poisson below 10); docs/methods.md §7 (who is heard)
 */
export function engagementFigures(c: EngagementCounts, confidence = 0.95): EngagementFigures {
  const suppressed: string[] = [];
  const keep = (name: string, n: number): number | null => {
    const shown = count(n);
    if (shown === null) suppressed.push(name);
    return shown;
  };
  const participants = keep('participants', c.participants);
  const rate: PublishedRate =
    participants === null
      ? { value: null, lower: null, upper: null, method: null, suppressed: true }
      : c.population === null || c.population <= 0
        ? { value: null, lower: null, upper: null, method: null, suppressed: false }
        : (() => {
            const r = byarRate(c.participants, c.population, { confidence, multiplier: 1000 });
            return {
              value: r.value,
              lower: r.lower,
              upper: r.upper,
              method: r.method,
              suppressed: false,
            };
          })();
  const responseShare = publishShare(c.replied, c.pins, confidence);
  if (responseShare.suppressed) suppressed.push('responseShare');
  const planned = publishShare(c.plannedDoneOnTime, c.plannedDue, confidence);
  if (planned.suppressed) suppressed.push('plannedDoneOnTime');
  const days = c.replyDays.length >= 5 ? median(c.replyDays) : null;
  if (c.replyDays.length > 0 && c.replyDays.length < 5) suppressed.push('medianDaysToReply');
  return {
    participants,
    participantsPer1000: rate,
    returningParticipants: keep('returningParticipants', c.returning),
    pins: keep('pins', c.pins),
    support: keep('support', c.support),
    surveyResponses: keep('surveyResponses', c.surveyResponses),
    responseShare,
    medianDaysToReply: days === null ? null : Math.round(days * 10) / 10,
    plannedDoneOnTime: planned,
    changesMade: keep('changesMade', c.done),
    representation: representation(c.groups),
    suppressed,
  };
}

/**
 * The counts of several areas taken together (a programme's average): counts and reply days
 * pooled, never rates averaged; `population` and the groups' populations are the given ones
 * (the caller sums each LSOA once, so areas sharing an LSOA do not count its people twice).
 */
export function poolCounts(
  areas: readonly EngagementCounts[],
  population: { total: number; groups: Readonly<Record<PopulationAgeGroup, number>> } | null,
): EngagementCounts {
  const sum = (pick: (c: EngagementCounts) => number) => areas.reduce((s, c) => s + pick(c), 0);
  const groupTotal = (group: PopulationAgeGroup) =>
    areas.reduce((s, c) => s + (c.groups.find((g) => g.group === group)?.participants ?? 0), 0);
  const groups = (['0_15', '16_59', '60_plus'] as const).map((group) => ({
    group,
    participants: groupTotal(group),
    population: population?.groups[group] ?? null,
  }));
  return {
    participants: sum((c) => c.participants),
    returning: sum((c) => c.returning),
    pins: sum((c) => c.pins),
    support: sum((c) => c.support),
    surveyResponses: sum((c) => c.surveyResponses),
    replied: sum((c) => c.replied),
    replyDays: areas.flatMap((c) => c.replyDays),
    plannedDue: sum((c) => c.plannedDue),
    plannedDoneOnTime: sum((c) => c.plannedDoneOnTime),
    done: sum((c) => c.done),
    population: population?.total ?? null,
    groups,
  };
}
