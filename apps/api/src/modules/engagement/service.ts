// Engagement KPIs of an area, computed from what residents did on its workshops (and on the
// workshops of the areas inside it: a ward includes its estates'), never typed in. The maths and
// the suppression of counts under 5 are @thrive/indicators' engagementFigures.
import type { Database } from '@thrive/db';
import {
  engagementFigures,
  type EngagementCounts,
  type EngagementFigures,
} from '@thrive/indicators';
import {
  AGE_BANDS,
  parseEngagementPeriod,
  POPULATION_AGE_GROUPS,
  POPULATION_GROUP_OF_AGE_BAND,
  SMALL_COUNT_THRESHOLD,
  type AgeBand,
  type EngagementPeriod,
} from '@thrive/participation';
import type { Kysely } from 'kysely';
import { BadRequestError, NotFoundError } from '../../errors.ts';
import { POPULATION_SOURCE, type PopulationSource } from '../workshop-analysis/population.ts';
import { lsoasOf } from '../workshop-analysis/service.ts';
import type { GeographyCache } from '../workshops/geography.ts';
import * as repo from './repository.ts';
import type { EngagementBody } from './schemas.ts';

export interface EngagementContext {
  db: Kysely<Database>;
  geography: GeographyCache;
  population: PopulationSource;
  /** Today (ISO day), for "planned work done by its date": tests fix it. */
  today?: () => string;
}

/** How each figure is computed, for the API, the report and every CSV. */
export const ENGAGEMENT_METHODS: Record<string, string> = {
  participants:
    'Distinct participants who joined in the period and took part (a pin, a "me too" or an "about you" answer). Counts 1–4 suppressed.',
  participantsPer1000:
    "Participants per 1,000 residents of the area's LSOAs (IoD2019 File 6, mid-2015); Byar's method, exact Poisson below 10.",
  returningParticipants:
    'Participants who made pins or said "me too" on two or more different days (participation is anonymous, so a person is not followed across workshops).',
  pins: 'Pins made in the period, hidden ones left out.',
  support: '"Me too" support given in the period on pins not hidden.',
  surveyResponses: "Survey responses in the period to surveys on the area's areas.",
  responseShare:
    'Share of the pins with a "you said, we did" reply; Wilson score 95% interval. Held back when the replied or unreplied count is 1–4.',
  medianDaysToReply:
    'Median days from a pin to its first reply, among replied pins; not given with fewer than 5 replies.',
  plannedDoneOnTime:
    'Share of planned work (a "planned" reply with a date) done by that date, among those whose date has passed or which are done; Wilson 95%.',
  changesMade: 'Pins whose latest reply says "done": changes made because residents asked.',
  representation:
    "Each IoD2019 File 6 age group's participation rate (participants who gave an age in the group per 1,000 of its population); score = lowest rate ÷ highest.",
};

/** Parses an optional period; 400 naming the forms it takes. */
export function periodOf(text: string | undefined): EngagementPeriod | null {
  if (text === undefined) return null;
  try {
    return parseEngagementPeriod(text);
  } catch (error) {
    throw new BadRequestError(`querystring.period: ${(error as Error).message}`);
  }
}

const DAY_MS = 86_400_000;
const todayIso = (): string => new Date().toISOString().slice(0, 10);

/** The raw counts and population of an area (and the areas inside it) in a period. */
export async function engagementCounts(
  ctx: EngagementContext,
  areaCode: string,
  period: EngagementPeriod | null,
): Promise<{
  counts: EngagementCounts;
  workshops: number;
  lsoas: string[];
  populationTotal: number | null;
}> {
  const areas = await repo.areaWithDescendants(ctx.db, areaCode);
  const workshops = await repo.workshopsOn(ctx.db, areas);
  const span = period && { from: period.from, to: period.to };
  const [ages, returning, pins, support, surveyResponses, pinLsoas] = await Promise.all([
    repo.participantsByAgeBand(ctx.db, workshops, span),
    repo.returningParticipants(ctx.db, workshops, span),
    repo.pinsWithReplies(ctx.db, workshops, span),
    repo.supportCount(ctx.db, workshops, span),
    repo.surveyResponseCount(ctx.db, areas, span),
    repo.pinLsoas(ctx.db, workshops),
  ]);
  const replied = pins.filter((p) => p.first_reply_at !== null);
  const replyDays = replied.map(
    (p) => ((p.first_reply_at?.getTime() ?? 0) - p.created_at.getTime()) / DAY_MS,
  );

  // Planned work: each pin's latest "planned" date, done when a "done" reply came on or before it.
  const today = (ctx.today ?? todayIso)();
  const history = await repo.plannedAndDone(
    ctx.db,
    replied.map((p) => p.id),
  );
  const plannedBy = new Map<string, string>();
  for (const r of history)
    if (r.status === 'planned' && r.expected_by) plannedBy.set(r.pin_id, r.expected_by);
  let plannedDue = 0;
  let plannedDoneOnTime = 0;
  for (const [pinId, by] of plannedBy) {
    const onTime = history.some((r) => r.pin_id === pinId && r.status === 'done' && r.day <= by);
    if (onTime) plannedDoneOnTime++;
    if (onTime || by < today) plannedDue++;
  }

  const byBand = new Map(ages.map((a) => [a.ageBand, a.count]));
  const participants = ages.reduce((s, a) => s + a.count, 0);
  const lsoas = await lsoasOf(ctx, areaCode, pinLsoas);
  const population = lsoas.length > 0 ? ctx.population.of(lsoas) : null;
  const groups = POPULATION_AGE_GROUPS.map((group) => ({
    group,
    participants: AGE_BANDS.filter(
      (b: AgeBand) => POPULATION_GROUP_OF_AGE_BAND[b] === group,
    ).reduce((s, b) => s + (byBand.get(b) ?? 0), 0),
    population: population?.groups[group] ?? null,
  }));
  return {
    counts: {
      participants,
      returning,
      pins: pins.length,
      support,
      surveyResponses,
      replied: replied.length,
      replyDays,
      plannedDue,
      plannedDoneOnTime,
      done: pins.filter((p) => p.response_status === 'done').length,
      population: population?.total ?? null,
      groups,
    },
    workshops: workshops.length,
    lsoas: population?.lsoas ?? [],
    populationTotal: population?.total ?? null,
  };
}

/** The body of an area's engagement from its figures. */
export function engagementBody(
  area: { code: string; name: string; level: string },
  period: EngagementPeriod | null,
  workshops: number,
  figures: EngagementFigures,
  population: { total: number | null; lsoas: string[] },
): EngagementBody {
  return {
    area,
    period: period && { label: period.label, from: period.from, to: period.to },
    workshops,
    participants: figures.participants,
    participantsPer1000: { ...figures.participantsPer1000 },
    returningParticipants: figures.returningParticipants,
    pins: figures.pins,
    support: figures.support,
    surveyResponses: figures.surveyResponses,
    responseShare: { ...figures.responseShare },
    medianDaysToReply: figures.medianDaysToReply,
    plannedDoneOnTime: { ...figures.plannedDoneOnTime },
    changesMade: figures.changesMade,
    representation: {
      score: figures.representation.score,
      scoreNote: figures.representation.scoreNote,
      bands: figures.representation.bands.map((b) => ({ ...b })),
      missing: [...figures.representation.missing],
    },
    population:
      population.total === null
        ? null
        : {
            total: population.total,
            lsoas: population.lsoas,
            period: 'mid-2015',
            source: POPULATION_SOURCE,
          },
    suppressed: [...figures.suppressed],
    suppressedBelow: SMALL_COUNT_THRESHOLD,
    methods: ENGAGEMENT_METHODS,
  };
}

/** GET /api/engagement: an area with workshops (404 otherwise), all time or one period. */
export async function engagementFor(
  ctx: EngagementContext,
  areaCode: string,
  periodText: string | undefined,
): Promise<EngagementBody> {
  const period = periodOf(periodText);
  const area = await repo.findArea(ctx.db, areaCode);
  if (!area) throw new NotFoundError(`No area with code ${areaCode} is loaded.`);
  const { counts, workshops, lsoas, populationTotal } = await engagementCounts(
    ctx,
    area.code,
    period,
  );
  if (workshops === 0)
    throw new NotFoundError(
      `${area.name} (${area.code}) has no workshops yet, so there is no engagement to measure.`,
    );
  return engagementBody(area, period, workshops, engagementFigures(counts), {
    total: populationTotal,
    lsoas,
  });
}
