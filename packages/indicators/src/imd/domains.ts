// The Index of Multiple Deprivation and its seven domains, and the population each is summarised
// over. The prefixes are the column prefixes of `imd-summary` output; the labels are how the
// IoD2019 files name them.

/** The IMD and the seven IoD2019 domains, in the order MHCLG publishes them. @see https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019 (IoD2019 Technical Report, ch. 3) */
export const IOD_DOMAINS = [
  'imd',
  'income',
  'employment',
  'education',
  'health',
  'crime',
  'housing',
  'environment',
] as const;

/** One of the IMD and its seven domains. @see IOD_DOMAINS */
export type IodDomain = (typeof IOD_DOMAINS)[number];

/** A record with a value for the IMD and every domain; the object literal lets the compiler check none is left out. @see IOD_DOMAINS */
export function byDomain<T>(value: (domain: IodDomain) => T): Record<IodDomain, T> {
  return {
    imd: value('imd'),
    income: value('income'),
    employment: value('employment'),
    education: value('education'),
    health: value('health'),
    crime: value('crime'),
    housing: value('housing'),
    environment: value('environment'),
  };
}

/** How the IoD2019 files (File 2, File 10) name each domain. @see https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019 (File 2 headers) */
export const IOD_DOMAIN_LABELS: Readonly<Record<IodDomain, string>> = {
  imd: 'Index of Multiple Deprivation (IMD)',
  income: 'Income',
  employment: 'Employment',
  education: 'Education, Skills and Training',
  health: 'Health Deprivation and Disability',
  crime: 'Crime',
  housing: 'Barriers to Housing and Services',
  environment: 'Living Environment',
};

/** Which File 6 denominator weights a domain's summaries: the working-age population (women 18–59, men 18–64) for Employment, the total population for the rest. @see https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019 (IoD2019 Research Report, Appendix A; File 6 "for use with Employment Deprivation Domain") */
export type PopulationBasis = 'total' | 'workingAge';

/**
 * The population each domain is summarised over. Checked against published File 10 average
 * ranks for the 32 London boroughs: total population reproduces IMD, Income, Education,
 * Health, Crime, Barriers and Living Environment to the published 0.1; for Employment the
 * total population misses by hundreds (Tower Hamlets 18,833 against 18,064.2) while the
 * working-age population lands within 0.6 (likely because File 6 rounds it to whole people).
 * @see https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019 (IoD2019 Research Report, Appendix A)
 */
export const POPULATION_BASIS: Readonly<Record<IodDomain, PopulationBasis>> = {
  imd: 'total',
  income: 'total',
  employment: 'workingAge',
  education: 'total',
  health: 'total',
  crime: 'total',
  housing: 'total',
  environment: 'total',
};
