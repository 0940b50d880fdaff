// The domain lists of residents' participation: the one home of each enum. Database checks
// (frozen in migrations), TypeBox schemas and the web's choices are built from these.

/** What a pin says: a problem, how a resident would like it to be, or what is good here. */
export const PIN_KINDS = ['issue', 'aspiration', 'asset'] as const;
export type PinKind = (typeof PIN_KINDS)[number];

/** How a workshop publishes residents' pins: at once after masking, or after an officer approves. */
export const MODERATION_MODES = ['post', 'pre'] as const;
export type ModerationMode = (typeof MODERATION_MODES)[number];

/** Where a pin stands in moderation. */
export const PIN_MODERATION_STATES = ['published', 'pending', 'hidden'] as const;
export type PinModerationState = (typeof PIN_MODERATION_STATES)[number];

/** The two moderation states an officer sets by hand. */
export const OFFICER_MODERATION_ACTIONS = ['published', 'hidden'] as const;
export type OfficerModerationAction = (typeof OFFICER_MODERATION_ACTIONS)[number];

/** Whether residents can still take part. */
export const WORKSHOP_STATUSES = ['open', 'closed'] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];

/** "You said, we did": where an officer says a pin stands. */
export const RESPONSE_STATUSES = ['heard', 'planned', 'in_progress', 'done', 'not_possible'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

/** A participant's role: a resident taking part, or a resident inspector (block inspections). */
export const PARTICIPANT_ROLES = ['resident', 'inspector'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** The answer every "about you" question offers. */
export const PREFER_NOT_TO_SAY = 'prefer_not_to_say';

/**
 * Age bands asked of residents. They nest into the IoD2019 population denominators' age groups
 * (File 6: 0–15, 16–59, 60 and over), so participation can be compared with the estate's
 * population (see POPULATION_GROUP_OF_AGE_BAND).
 */
export const AGE_BANDS = ['under_16', '16_24', '25_44', '45_59', '60_74', '75_plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The IoD2019 File 6 population groups that residents' age bands nest into. */
export const POPULATION_AGE_GROUPS = ['0_15', '16_59', '60_plus'] as const;
export type PopulationAgeGroup = (typeof POPULATION_AGE_GROUPS)[number];

/** Which File 6 population group each age band falls in. */
export const POPULATION_GROUP_OF_AGE_BAND = {
  under_16: '0_15',
  '16_24': '16_59',
  '25_44': '16_59',
  '45_59': '16_59',
  '60_74': '60_plus',
  '75_plus': '60_plus',
} as const satisfies Record<AgeBand, PopulationAgeGroup>;

/** How long a resident has lived on the estate. */
export const YEARS_BANDS = ['under_1', '1_4', '5_9', '10_19', '20_plus'] as const;
export type YearsBand = (typeof YEARS_BANDS)[number];

/** Tenure, in the words residents use. */
export const TENURES = ['council_or_housing_association', 'private_renting', 'own_home', 'living_with_family', 'other'] as const;
export type Tenure = (typeof TENURES)[number];

/** The themes a new workshop starts with; officers edit them per workshop. */
export const DEFAULT_THEMES = [
  'homes',
  'green and open spaces',
  'safety',
  'getting around',
  'community spaces',
  'health and wellbeing',
  'work and skills',
  'young people',
  'shops and services',
] as const;

/** Counts below this are never published (statistical disclosure control). */
export const SMALL_COUNT_THRESHOLD = 5;
