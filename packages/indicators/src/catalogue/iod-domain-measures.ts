// The IMD and its seven domains as the catalogue shows them, and the measures each one has.
// The list itself and the File 2 column stems come from imd/domains.ts, so there is one source
// for both; this adds only the names shown and the rug theme.
import { IOD_DOMAIN_LABELS, IOD_DOMAINS, type IodDomain } from '../imd/domains.ts';
import type { Theme } from './indicator-definition.ts';

/** How the catalogue shows a domain: its published name, a short label for rug headers, and its theme. */
export interface IodDomainNames {
  readonly name: string;
  readonly short: string;
  readonly theme: Theme;
}

const DOMAIN_NAMES = {
  imd: { name: 'Index of Multiple Deprivation', short: 'IMD', theme: 'deprivation' },
  income: { name: 'Income Deprivation', short: 'Income', theme: 'deprivation' },
  employment: { name: 'Employment Deprivation', short: 'Employment', theme: 'deprivation' },
  education: {
    name: 'Education, Skills and Training Deprivation',
    short: 'Education',
    theme: 'education',
  },
  health: { name: 'Health Deprivation and Disability', short: 'Health', theme: 'health' },
  crime: { name: 'Crime', short: 'Crime', theme: 'crime' },
  housing: { name: 'Barriers to Housing and Services', short: 'Barriers', theme: 'housing' },
  environment: {
    name: 'Living Environment Deprivation',
    short: 'Living env.',
    theme: 'environment',
  },
} as const satisfies Readonly<Record<IodDomain, IodDomainNames>>;

/** The IMD or a domain as the catalogue builds its indicators: id prefix, File 2 column stem, names, theme. */
export interface IodDomainEntry extends IodDomainNames {
  readonly prefix: IodDomain;
  /** How the IoD2019 files name it, e.g. "Income" in "Income Rank (where 1 is most deprived)". */
  readonly stem: string;
}

/** IMD and its seven domains: id prefix, published name, File 2 column stem, rug theme. */
export const iodDomains: readonly IodDomainEntry[] = IOD_DOMAINS.map((prefix) => ({
  prefix,
  stem: IOD_DOMAIN_LABELS[prefix],
  ...DOMAIN_NAMES[prefix],
}));
export type IodDomainPrefix = IodDomain;

/** The four IoD2019 summary measures for larger areas (research report §3.6). */
export const iodSummaryMeasures = [
  'average_rank',
  'proportion',
  'extent',
  'local_concentration',
] as const;
export type IodSummaryMeasure = (typeof iodSummaryMeasures)[number];
