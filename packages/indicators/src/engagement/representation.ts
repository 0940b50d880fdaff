// Who is heard (docs/methods.md §7): each population age group's participation rate against its
// share of the population, and a representation score = lowest rate ÷ highest rate (1 = every
// group heard alike; 0 = a group absent). Counts under 5 are suppressed as a group (a hidden
// count is never recoverable from the total of those who gave their age).
import {
  POPULATION_AGE_GROUPS,
  suppressGroup,
  type PopulationAgeGroup,
} from '@thrive/participation';

/** One group's participants (who gave an age in it) and its population, when known. */
export interface GroupParticipation {
  readonly group: PopulationAgeGroup;
  readonly participants: number;
  readonly population: number | null;
}

/** One group as published. */
export interface RepresentationBand {
  readonly band: PopulationAgeGroup;
  /** Null when 1–4, or when it would give such a count away. */
  readonly participants: number | null;
  readonly suppressed: boolean;
  /** Participants per 1,000 people of the group; null when suppressed or no population. */
  readonly ratePer1000: number | null;
  /** Share of those who gave an age (0–1); null when suppressed. */
  readonly participantShare: number | null;
  /** Share of the population in the group (0–1); null when the population is unknown. */
  readonly populationShare: number | null;
  readonly population: number | null;
}

/** Who is heard, as published. */
export interface Representation {
  /** Lowest rate ÷ highest (0–1); null when it cannot be given (see `scoreNote`). */
  readonly score: number | null;
  readonly scoreNote: string;
  readonly bands: readonly RepresentationBand[];
  /** Groups with people living there and no participant at all. */
  readonly missing: readonly PopulationAgeGroup[];
}

const round = (x: number, places: number): number => {
  const f = 10 ** places;
  return Math.round(x * f) / f;
};

/**
 * Rates per group and the representation score. The score is 0 when a group with a population
 * has no participant (that says only what `missing` says); otherwise it is held back (null)
 * whenever any group's count is suppressed, because with the populations published, the score
 * and one group's rate would give the hidden count away. Null too without populations or
 * without any participant. Rates and shares are rounded to 3 decimals, the score to 3.
 * @see docs/methods.md §7 "Who is heard"
 */
export function representation(groups: readonly GroupParticipation[]): Representation {
  const ordered = POPULATION_AGE_GROUPS.map(
    (group) =>
      groups.find((g) => g.group === group) ?? { group, participants: 0, population: null },
  );
  const counts = suppressGroup(ordered.map((g) => g.participants));
  const answered = ordered.reduce((s, g) => s + g.participants, 0);
  const totalPopulation = ordered.every((g) => g.population !== null)
    ? ordered.reduce((s, g) => s + (g.population ?? 0), 0)
    : null;
  const bands = ordered.map((g, i): RepresentationBand => {
    const count = counts[i] ?? { value: null, suppressed: true };
    const shown = count.value;
    return {
      band: g.group,
      participants: shown,
      suppressed: count.suppressed,
      ratePer1000: shown === null || !g.population ? null : round((shown / g.population) * 1000, 3),
      participantShare: shown === null || answered === 0 ? null : round(shown / answered, 3),
      populationShare:
        g.population === null || !totalPopulation ? null : round(g.population / totalPopulation, 3),
      population: g.population,
    };
  });
  const living = ordered.filter((g) => (g.population ?? 0) > 0);
  const missing = living.filter((g) => g.participants === 0).map((g) => g.group);
  let score: number | null = null;
  let scoreNote: string;
  if (living.length < ordered.length || totalPopulation === null) {
    scoreNote = 'Not given: the population of each age group is not known for this area.';
  } else if (answered === 0) {
    scoreNote = 'Not given: nobody has given their age yet.';
  } else if (missing.length > 0) {
    score = 0;
    scoreNote = 'Lowest rate ÷ highest rate: 0, as at least one age group took no part.';
  } else if (counts.some((c) => c.suppressed)) {
    scoreNote =
      'Not given: an age group’s count is under 5, and the score would let it be worked out.';
  } else {
    const rates = ordered.map((g) => g.participants / (g.population ?? 1));
    score = round(Math.min(...rates) / Math.max(...rates), 3);
    scoreNote = 'Lowest rate ÷ highest rate (1 = every age group heard alike).';
  }
  return { score, scoreNote, bands, missing };
}
