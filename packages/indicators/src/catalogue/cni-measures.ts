// The Community Needs Index 2019 measures the catalogue offers: a score and a rank for each of
// its three domains, then for the index itself, columns named as the ward file names them.

/** A CNI domain: id key, published name, the stem of its score and rank columns, and what it measures. */
export interface CniDomainSpec {
  readonly key: string;
  readonly name: string;
  /** The file's stem, e.g. "Engaged community" in "Engaged community score". */
  readonly column: string;
  /** What the domain measures, completing "domain score for …". */
  readonly what: string;
}

/** One CNI score or rank. */
export interface CniMeasureSpec {
  readonly id: string;
  readonly title: string;
  readonly shortLabel: string;
  readonly kind: 'score' | 'rank';
  readonly definition: string;
  readonly column: string;
}

/** The three CNI domains, in the order OCSI publishes them. */
export const cniDomains = [
  {
    key: 'civic_assets',
    name: 'Civic Assets',
    column: 'Civic Assets',
    what: 'the presence of key community, civic, educational and cultural assets in or near the ward',
  },
  {
    key: 'connectedness',
    name: 'Connectedness',
    column: 'Connectedness',
    what: 'connectivity to key services, digital infrastructure, isolation and the strength of the local jobs market',
  },
  {
    key: 'engaged_community',
    name: 'Engaged Community',
    column: 'Engaged community',
    what: 'third sector civic and community activity and barriers to participation and engagement',
  },
] as const satisfies readonly CniDomainSpec[];

/** The overall index's score and rank, after the domains. */
export const cniIndexMeasures = [
  {
    id: 'cni_score',
    title: 'Community Needs Index score',
    shortLabel: 'Community need',
    kind: 'score',
    definition:
      'Overall Community Needs Index: the sum of the Civic Assets, Connectedness and Engaged Community scores; higher score = higher need.',
    column: 'Community Needs Index score',
  },
  {
    id: 'cni_rank',
    title: 'Community Needs Index rank',
    shortLabel: 'Community need rank',
    kind: 'rank',
    definition:
      'Rank of the ward on the overall Community Needs Index (1 = highest need of 7,433 wards).',
    column: 'Community Needs Index rank',
  },
] as const satisfies readonly CniMeasureSpec[];
