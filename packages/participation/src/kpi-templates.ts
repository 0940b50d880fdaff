// KPI templates that residents rewrite in their own words (issue 12). Each names its source;
// none carries a monetary value (HACT Social Value Bank values are licensed and never bundled).
import type { KpiDirection, KpiMethod, KpiRipple, KpiTier, SurveyScale } from './kpi-lists.ts';

/** Where a template comes from, so a forum can read the original. */
export interface KpiTemplateSource {
  readonly publisher: string;
  readonly title: string;
  /** Year of publication, when the source states it. */
  readonly year: number | null;
  /** Where in the source, or what it says. */
  readonly detail: string;
}

/** A starting point for a KPI; the survey question is suggested, not required. */
export interface KpiTemplate {
  readonly id: string;
  readonly title: string;
  readonly statement: string;
  readonly method: KpiMethod;
  readonly tier: KpiTier;
  readonly ripple: KpiRipple;
  readonly direction: KpiDirection;
  readonly question: { readonly text: string; readonly scale: SurveyScale } | null;
  readonly source: KpiTemplateSource;
}

const NEF: KpiTemplateSource = {
  publisher: 'NEF Consulting for YourMK (Milton Keynes)',
  title: 'Community-defined social KPIs for regeneration programmes (E. Cox)',
  year: null,
  detail:
    "People living on seven estates set the terms by which the 15-year regeneration is judged; the resulting social KPI, 'creating conditions to thrive', is reported in RegenerationMK Strategy 2030 Progress Update, December 2017.",
};

const CCIN: KpiTemplateSource = {
  publisher: 'Co-operative Councils Innovation Network',
  title: 'Measuring the Co-operative difference (J. Barker, AGM, 16 November 2016)',
  year: 2016,
  detail:
    'The ripple effect: place, people and public services impacts; KPIs tiered T1 high level, T2 medium term, T3 specific.',
};

const CLES: KpiTemplateSource = {
  publisher: 'Centre for Local Economic Strategies (CLES) with Urban Forum',
  title: "Community resilience: ten indicators of the relationships that make a community 'tick'",
  year: null,
  detail:
    'Resilience read from the networks and bonds within a community and with the public, social and commercial sectors.',
};

const LGA_TPAS: KpiTemplateSource = {
  publisher: 'Local Government Association with Tpas',
  title: 'Engaging and empowering tenants in council-owned housing: annexes',
  year: null,
  detail:
    "Annex 6, comparison organisations' tenant-engagement KPIs (e.g. Derby Homes, Homes in Sedgemoor, Colchester Borough Homes, Your Homes Newcastle).",
};

/** Every template, in the order the web offers them. */
export const KPI_TEMPLATES = [
  {
    id: 'nef-conditions-to-thrive',
    title: 'Conditions to thrive',
    statement: 'Living here gives me and my family what we need to thrive.',
    method: 'survey',
    tier: 'T1',
    ripple: 'people',
    direction: 'up',
    question: {
      text: 'Living here gives me and my family what we need to thrive.',
      scale: 'agree5',
    },
    source: NEF,
  },
  {
    id: 'ccin-place-networks',
    title: 'Neighbours who help each other',
    statement: 'People round here know each other and help each other out.',
    method: 'survey',
    tier: 'T2',
    ripple: 'place',
    direction: 'up',
    question: {
      text: 'People round here know each other and help each other out.',
      scale: 'agree5',
    },
    source: CCIN,
  },
  {
    id: 'ccin-place-resilience',
    title: 'A community that copes',
    statement: 'If something went wrong on the estate, we would sort it out together.',
    method: 'survey',
    tier: 'T2',
    ripple: 'place',
    direction: 'up',
    question: {
      text: 'If something went wrong on the estate, we would sort it out together.',
      scale: 'agree5',
    },
    source: CCIN,
  },
  {
    id: 'ccin-people-confidence',
    title: 'Confidence',
    statement: 'I feel confident to speak up and get things changed.',
    method: 'survey',
    tier: 'T2',
    ripple: 'people',
    direction: 'up',
    question: { text: 'I feel confident to speak up and get things changed.', scale: 'agree5' },
    source: CCIN,
  },
  {
    id: 'ccin-people-skills',
    title: 'Skills and opportunities',
    statement: 'I have had the chance to learn new skills or find work in the last year.',
    method: 'survey',
    tier: 'T2',
    ripple: 'people',
    direction: 'up',
    question: {
      text: 'In the last year, have you had the chance to learn new skills or find work?',
      scale: 'yesno',
    },
    source: CCIN,
  },
  {
    id: 'ccin-people-involvement',
    title: 'Involved in the community',
    statement: 'I take part in what goes on in my community and help others.',
    method: 'survey',
    tier: 'T2',
    ripple: 'people',
    direction: 'up',
    question: {
      text: 'In the last year, have you helped out or volunteered in your community?',
      scale: 'yesno',
    },
    source: CCIN,
  },
  {
    id: 'ccin-people-pride',
    title: 'Pride in where we live',
    statement: 'I am proud of where I live.',
    method: 'survey',
    tier: 'T1',
    ripple: 'people',
    direction: 'up',
    question: { text: 'I am proud of where I live.', scale: 'agree5' },
    source: CCIN,
  },
  {
    id: 'ccin-public-services-relationship',
    title: 'Working with residents',
    statement: 'The council and our landlord work with residents, not just for them.',
    method: 'survey',
    tier: 'T1',
    ripple: 'public_services',
    direction: 'up',
    question: {
      text: 'The council and our landlord work with residents, not just for them.',
      scale: 'agree5',
    },
    source: CCIN,
  },
  {
    id: 'cles-community-resilience',
    title: 'Strong local relationships',
    statement: 'Local groups, services and businesses work together for this neighbourhood.',
    method: 'survey',
    tier: 'T1',
    ripple: 'place',
    direction: 'up',
    question: {
      text: 'Local groups, services and businesses work together for this neighbourhood.',
      scale: 'agree5',
    },
    source: CLES,
  },
  {
    id: 'landlord-neighbourhood-satisfaction',
    title: 'A good place to live',
    statement: 'I am satisfied with my neighbourhood as a place to live.',
    method: 'survey',
    tier: 'T1',
    ripple: 'place',
    direction: 'up',
    question: { text: 'I am satisfied with my neighbourhood as a place to live.', scale: 'agree5' },
    source: LGA_TPAS,
  },
  {
    id: 'landlord-views-taken-into-account',
    title: 'Our views count',
    statement: 'My views are listened to and acted on.',
    method: 'survey',
    tier: 'T2',
    ripple: 'public_services',
    direction: 'up',
    question: { text: 'My views are listened to and acted on.', scale: 'agree5' },
    source: LGA_TPAS,
  },
  {
    id: 'landlord-taking-part-in-decisions',
    title: 'Taking part in decisions',
    statement: 'Residents take part in the decisions that affect our estate.',
    method: 'survey',
    tier: 'T2',
    ripple: 'public_services',
    direction: 'up',
    question: {
      text: 'In the last year, have you taken part in a decision about the estate?',
      scale: 'yesno',
    },
    source: LGA_TPAS,
  },
  {
    id: 'pins-answered',
    title: 'You said, we did',
    statement: 'When we raise something, we hear back what is being done.',
    method: 'pin_metric',
    tier: 'T3',
    ripple: 'public_services',
    direction: 'up',
    question: null,
    source: LGA_TPAS,
  },
] as const satisfies readonly KpiTemplate[];

export type KpiTemplateId = (typeof KPI_TEMPLATES)[number]['id'];
