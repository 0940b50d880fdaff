// The domain lists of community-defined KPIs and the surveys behind them (docs/methods.md §6–7): the
// one home of each enum. Database checks (frozen in migration 0007), TypeBox schemas, the maths
// in @thrive/indicators and the web's choices are built from these.

/** How a KPI is measured: a residents' survey, residents' pins, or an official indicator. */
export const KPI_METHODS = ['survey', 'pin_metric', 'indicator'] as const;
export type KpiMethod = (typeof KPI_METHODS)[number];

/**
 * The co-operative councils' tiers: T1 high-level, T2 medium-term, T3 specific to one
 * intervention (CCIN, "Measuring the Co-operative difference", 2016).
 */
export const KPI_TIERS = ['T1', 'T2', 'T3'] as const;
export type KpiTier = (typeof KPI_TIERS)[number];

/** Where a KPI's ripple lands (the same CCIN framework): place, people, public services. */
export const KPI_RIPPLES = ['place', 'people', 'public_services'] as const;
export type KpiRipple = (typeof KPI_RIPPLES)[number];

/** Which way is better: `up` (more is better) or `down` (less is better). */
export const KPI_DIRECTIONS = ['up', 'down'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

/** Where a KPI stands against the residents' own target in one period. */
export const KPI_STATUSES = ['on_track', 'off_track', 'not_yet_measurable'] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];

/** A KPI's life: suggested or written (draft), adopted by a residents' forum, retired with a reason. */
export const KPI_STATES = ['draft', 'adopted', 'retired'] as const;
export type KpiState = (typeof KPI_STATES)[number];

/** Where a KPI came from: a workshop's pins, a template, or a residents' forum itself. */
export const KPI_ORIGINS = ['workshop', 'template', 'forum'] as const;
export type KpiOrigin = (typeof KPI_ORIGINS)[number];

/**
 * What a pin metric counts (docs/methods.md §6): pins per 1,000 residents (a rate), or the share of
 * residents' pins with a "you said, we did" reply (a proportion).
 */
export const PIN_METRIC_MEASURES = ['rate_per_1000', 'share_answered'] as const;
export type PinMetricMeasure = (typeof PIN_METRIC_MEASURES)[number];

/** The answer scales a survey question can use. */
export const SURVEY_SCALES = ['agree5', 'yesno', '0-10'] as const;
export type SurveyScale = (typeof SURVEY_SCALES)[number];

/**
 * The numbers each scale's answers are sent as: agree5 1–5 (5 = strongly agree, 4 = agree),
 * yesno 1 = yes / 0 = no, 0-10 whole numbers.
 */
export const SURVEY_SCALE_RANGES = {
  agree5: { min: 1, max: 5 },
  yesno: { min: 0, max: 1 },
  '0-10': { min: 0, max: 10 },
} as const satisfies Record<SurveyScale, { min: number; max: number }>;

/** On a five-point scale, the answers that count as agreeing: agree (4) and strongly agree (5). */
export const AGREE5_AGREEING_FROM = 4;

/**
 * The fewest answers (or pins) a period needs before its status is judged. Below it the KPI is
 * `not_yet_measurable`: with 30 answers a 95% Wilson interval is at most ±17 points wide, about
 * the widest that can still tell a forum something; pin metrics need 10 pins (where Byar's
 * limits take over from exact ones); official indicators need no minimum.
 */
export const KPI_MINIMUM_N = {
  survey: 30,
  pin_metric: 10,
  indicator: 1,
} as const satisfies Record<KpiMethod, number>;

/**
 * Which ripple a workshop theme most often lands in, for draft KPIs suggested from a workshop
 * (the officer and the forum change it freely). Themes not listed default to `place`.
 */
export const RIPPLE_OF_DEFAULT_THEME: Readonly<Record<string, KpiRipple>> = {
  homes: 'place',
  'green and open spaces': 'place',
  safety: 'place',
  'getting around': 'place',
  'community spaces': 'place',
  'health and wellbeing': 'people',
  'work and skills': 'people',
  'young people': 'people',
  'shops and services': 'public_services',
};
