// The indicators Thrive ships with: English Indices of Deprivation 2019 (IMD, its seven
// domains, underlying indicators) and the Community Needs Index 2019, each mapped to the
// exact column of the file in the data mirror (see /work/shared/data/README.md).
import { IOD_DOMAIN_LABELS, IOD_DOMAINS, POPULATION_BASIS, type IodDomain as IodDomainKey } from '../imd/domains.ts';
import type { IndicatorDefinition, IndicatorSource, Theme } from './indicator-definition.ts';

const IOD = {
  dataset: 'English Indices of Deprivation 2019',
  publisher: 'Ministry of Housing, Communities and Local Government',
  url: 'https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019',
  licence: 'OGL-3.0',
  attribution:
    'Contains MHCLG English Indices of Deprivation 2019 data © Crown copyright and database right. Open Government Licence v3.0.',
} as const;

const CNI = {
  dataset: 'Community Needs Index 2019',
  publisher: 'OCSI for Local Trust',
  url: 'https://localtrust.org.uk/insights/research/left-behind-understanding-communities-on-the-edge/',
  // As the data mirror's README records for all its files; check the publisher's terms before
  // redistributing.
  licence: 'OGL-3.0 (as recorded in the data mirror)',
  attribution: 'Community Needs Index 2019 © OCSI for Local Trust.',
} as const;

const FILE_DOMAINS = 'imd2019/File_2_IoD2019_Domains_of_Deprivation.csv';
const FILE_POPULATION = 'imd2019/File_6_IoD2019_Population_Denominators.csv';
const FILE_INDICATORS = 'imd2019/imd2019_england_lsoa11_indicators.csv';
const FILE_CNI = 'cni2019/cni2019_england_ward17.csv';
const LSOA_CODE = 'LSOA code (2011)';
const LSOA_CODE_INDICATORS = 'lsoa11_code';

// Names and rug themes of the IMD and its seven domains; the list itself and the File 2 column
// stems come from imd/domains.ts, so there is one source for both.
const DOMAIN_META: Readonly<Record<IodDomainKey, { name: string; short: string; theme: Theme }>> = {
  imd: { name: 'Index of Multiple Deprivation', short: 'IMD', theme: 'deprivation' },
  income: { name: 'Income Deprivation', short: 'Income', theme: 'deprivation' },
  employment: { name: 'Employment Deprivation', short: 'Employment', theme: 'deprivation' },
  education: { name: 'Education, Skills and Training Deprivation', short: 'Education', theme: 'education' },
  health: { name: 'Health Deprivation and Disability', short: 'Health', theme: 'health' },
  crime: { name: 'Crime', short: 'Crime', theme: 'crime' },
  housing: { name: 'Barriers to Housing and Services', short: 'Barriers', theme: 'housing' },
  environment: { name: 'Living Environment Deprivation', short: 'Living env.', theme: 'environment' },
};

/** IMD and its seven domains: id prefix, published name, File 2 column stem, rug theme. */
export const iodDomains = IOD_DOMAINS.map((prefix) => ({
  prefix,
  stem: IOD_DOMAIN_LABELS[prefix],
  ...DOMAIN_META[prefix],
}));
export type IodDomainPrefix = IodDomainKey;

/** The four IoD2019 summary measures for larger areas (research report §3.6). */
export const iodSummaryMeasures = [
  'average_rank',
  'proportion',
  'extent',
  'local_concentration',
] as const;
export type IodSummaryMeasure = (typeof iodSummaryMeasures)[number];

type IodDomain = (typeof iodDomains)[number];

function rankColumn(domain: IodDomain): string {
  return `${domain.stem} Rank (where 1 is most deprived)`;
}
function decileColumn(domain: IodDomain): string {
  return `${domain.stem} Decile (where 1 is most deprived 10% of LSOAs)`;
}

function iodSource(
  value: IndicatorSource['value'],
  scale = 1,
  extra: Partial<IndicatorSource> = {},
): IndicatorSource {
  return {
    dataset: IOD.dataset,
    publisher: IOD.publisher,
    url: IOD.url,
    geography: 'lsoa11',
    value,
    scale,
    areaCodeColumn: value?.file === FILE_INDICATORS ? LSOA_CODE_INDICATORS : LSOA_CODE,
    ...extra,
  };
}

const iodLicence = { licence: IOD.licence, attribution: IOD.attribution } as const;

// Summary measures are computed from LSOA ranks (File 2) weighted by mid-2015 population
// (File 6); the source names the rank column they are computed from.
function summaryMeasure(domain: IodDomain, measure: IodSummaryMeasure): IndicatorDefinition {
  // Employment is summarised over the working-age population, the rest over everyone (see
  // POPULATION_BASIS in imd/domains.ts, checked against File 10).
  const source = iodSource({ file: FILE_DOMAINS, column: rankColumn(domain) }, 1, {
    denominator: {
      file: FILE_POPULATION,
      column:
        POPULATION_BASIS[domain.prefix] === 'workingAge'
          ? 'Working age population 18-59/64: for use with Employment Deprivation Domain (excluding prisoners)'
          : 'Total population: mid 2015 (excluding prisoners)',
    },
  });
  const common = {
    theme: domain.theme,
    interval: null,
    aggregation: 'iod_summary',
    minimumCount: null,
    minimumDenominator: null,
    ...iodLicence,
    source,
  } as const;
  switch (measure) {
    case 'average_rank':
      return {
        ...common,
        id: `${domain.prefix}_average_rank`,
        title: `${domain.name}: average rank`,
        shortLabel: `${domain.short} avg rank`,
        unit: 'rank',
        valueType: 'rank',
        // MHCLG's File 10 scale: ranks reversed so the most deprived LSOA counts 32,844.
        polarity: 'low_is_good',
        multiplier: 1,
        decimals: 0,
        definition: `Population-weighted average of the ranks of the area's LSOAs on the ${domain.name}, on MHCLG's summary scale where the most deprived LSOA counts 32,844 (higher = more deprived).`,
      };
    case 'proportion':
      return {
        ...common,
        id: `${domain.prefix}_proportion`,
        title: `${domain.name}: proportion of LSOAs in most deprived 10%`,
        shortLabel: `${domain.short} % in worst 10%`,
        unit: '%',
        valueType: 'proportion',
        polarity: 'low_is_good',
        multiplier: 100,
        decimals: 1,
        definition: `Share of the area's LSOAs that are among the most deprived 10% of LSOAs in England on the ${domain.name}.`,
      };
    case 'extent':
      return {
        ...common,
        id: `${domain.prefix}_extent`,
        title: `${domain.name}: extent`,
        shortLabel: `${domain.short} extent`,
        unit: '%',
        valueType: 'proportion',
        polarity: 'low_is_good',
        multiplier: 100,
        decimals: 1,
        definition: `Share of the area's population living in the most deprived 30% of LSOAs nationally on the ${domain.name}, weighted 1 in the most deprived 10% falling to 0 at 30%.`,
      };
    case 'local_concentration':
      return {
        ...common,
        id: `${domain.prefix}_local_concentration`,
        title: `${domain.name}: local concentration`,
        shortLabel: `${domain.short} local conc.`,
        unit: 'rank',
        valueType: 'rank',
        polarity: 'low_is_good',
        multiplier: 1,
        decimals: 0,
        definition: `Population-weighted average rank of the area's most deprived LSOAs that together hold 10% of its population, on the ${domain.name}, on MHCLG's summary scale (most deprived LSOA = 32,844; higher = more deprived).`,
      };
  }
}

function smallAreaRank(domain: IodDomain): IndicatorDefinition {
  return {
    id: `${domain.prefix}_rank`,
    title: `${domain.name}: rank`,
    shortLabel: `${domain.short} rank`,
    unit: 'rank',
    valueType: 'rank',
    polarity: 'high_is_good',
    multiplier: 1,
    decimals: 0,
    theme: domain.theme,
    definition: `Rank of the LSOA among the 32,844 in England on the ${domain.name} (1 = most deprived).`,
    interval: null,
    // Ranks do not average into a larger area's rank: the summary measures describe larger areas.
    aggregation: 'none',
    minimumCount: null,
    minimumDenominator: null,
    ...iodLicence,
    source: iodSource({ file: FILE_DOMAINS, column: rankColumn(domain) }),
  };
}

function smallAreaDecile(domain: IodDomain): IndicatorDefinition {
  return {
    id: `${domain.prefix}_decile`,
    title: `${domain.name}: decile`,
    shortLabel: `${domain.short} decile`,
    unit: 'decile',
    valueType: 'decile',
    polarity: 'high_is_good',
    multiplier: 1,
    decimals: 0,
    theme: domain.theme,
    definition: `National decile of the LSOA on the ${domain.name} (1 = most deprived 10% of LSOAs in England).`,
    interval: null,
    aggregation: 'none',
    minimumCount: null,
    minimumDenominator: null,
    ...iodLicence,
    source: iodSource({ file: FILE_DOMAINS, column: decileColumn(domain) }),
  };
}

// Rates of income and employment deprivation from the published numerators (rounded to 5,
// empty where suppressed) over the File 6 denominators: proportions with Wilson intervals.
function deprivationRate(spec: {
  id: string;
  title: string;
  shortLabel: string;
  definition: string;
  numeratorColumn: string;
  denominatorColumn: string;
}): IndicatorDefinition {
  return {
    id: spec.id,
    title: spec.title,
    shortLabel: spec.shortLabel,
    unit: '%',
    valueType: 'proportion',
    polarity: 'low_is_good',
    multiplier: 100,
    decimals: 1,
    theme: 'deprivation',
    definition: spec.definition,
    interval: 'wilson',
    aggregation: 'sum_of_counts',
    minimumCount: 5,
    minimumDenominator: null,
    ...iodLicence,
    source: iodSource(null, 1, {
      numerator: { file: FILE_INDICATORS, column: spec.numeratorColumn },
      denominator: { file: FILE_POPULATION, column: spec.denominatorColumn },
      areaCodeColumn: LSOA_CODE_INDICATORS,
    }),
  };
}

// Underlying indicators published as values without counts: no sampling model, so the rug
// compares them by quintile and areas combine by population-weighted mean.
function underlying(spec: {
  id: string;
  title: string;
  shortLabel: string;
  unit: string;
  valueType: IndicatorDefinition['valueType'];
  multiplier?: number;
  scale?: number;
  decimals: number;
  theme: Theme;
  definition: string;
  column: string;
  measuredFor?: 'local_authority';
}): IndicatorDefinition {
  return {
    ...(spec.measuredFor ? { measuredFor: spec.measuredFor } : {}),
    id: spec.id,
    title: spec.title,
    shortLabel: spec.shortLabel,
    unit: spec.unit,
    valueType: spec.valueType,
    polarity: 'low_is_good',
    multiplier: spec.multiplier ?? 1,
    decimals: spec.decimals,
    theme: spec.theme,
    definition: spec.definition,
    interval: null,
    aggregation: 'population_weighted_mean',
    minimumCount: null,
    minimumDenominator: null,
    ...iodLicence,
    source: iodSource({ file: FILE_INDICATORS, column: spec.column }, spec.scale ?? 1),
  };
}

function cniMeasure(spec: {
  id: string;
  title: string;
  shortLabel: string;
  kind: 'score' | 'rank';
  definition: string;
  column: string;
}): IndicatorDefinition {
  const isScore = spec.kind === 'score';
  return {
    id: spec.id,
    title: spec.title,
    shortLabel: spec.shortLabel,
    unit: isScore ? 'score' : 'rank',
    valueType: spec.kind,
    // Higher score = higher need; rank 1 = highest need of 7,433 wards.
    polarity: isScore ? 'low_is_good' : 'high_is_good',
    multiplier: 1,
    decimals: isScore ? 1 : 0,
    theme: 'community_needs',
    definition: spec.definition,
    interval: null,
    aggregation: isScore ? 'population_weighted_mean' : 'none',
    minimumCount: null,
    minimumDenominator: null,
    licence: CNI.licence,
    attribution: CNI.attribution,
    source: {
      dataset: CNI.dataset,
      publisher: CNI.publisher,
      url: CNI.url,
      geography: 'ward17',
      value: { file: FILE_CNI, column: spec.column },
      scale: 1,
      areaCodeColumn: 'ward17_code',
    },
  };
}

const CNI_DOMAINS = [
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
] as const;

/** Every indicator Thrive knows out of the box, in a stable order (IoD, then CNI). */
export const catalogue: readonly IndicatorDefinition[] = Object.freeze([
  ...iodDomains.flatMap((domain) => iodSummaryMeasures.map((m) => summaryMeasure(domain, m))),
  ...iodDomains.map(smallAreaRank),
  ...iodDomains.map(smallAreaDecile),
  deprivationRate({
    id: 'income_deprivation_rate',
    title: 'Income deprivation',
    shortLabel: 'Income deprived',
    definition:
      'People experiencing deprivation relating to low income (IoD2019 Income Domain numerator) as a share of the total mid-2015 population.',
    numeratorColumn: 'income_domain_numerator',
    denominatorColumn: 'Total population: mid 2015 (excluding prisoners)',
  }),
  deprivationRate({
    id: 'employment_deprivation_rate',
    title: 'Employment deprivation',
    shortLabel: 'Employment deprived',
    definition:
      'Working-age people involuntarily excluded from the labour market (IoD2019 Employment Domain numerator) as a share of the working-age population (18–59/64).',
    numeratorColumn: 'employment_domain_numerator',
    denominatorColumn:
      'Working age population 18-59/64: for use with Employment Deprivation Domain (excluding prisoners)',
  }),
  deprivationRate({
    id: 'idaci_rate',
    title: 'Income deprivation affecting children',
    shortLabel: 'Children income deprived',
    definition:
      'Children aged 0–15 living in income-deprived families (IDACI numerator) as a share of all children aged 0–15.',
    numeratorColumn: 'income_deprivation_affecting_children_index_idaci_numerator',
    denominatorColumn: 'Dependent Children aged 0-15: mid 2015 (excluding prisoners)',
  }),
  deprivationRate({
    id: 'idaopi_rate',
    title: 'Income deprivation affecting older people',
    shortLabel: 'Older people income deprived',
    definition:
      'People aged 60 and over experiencing income deprivation (IDAOPI numerator) as a share of all people aged 60 and over.',
    numeratorColumn: 'income_deprivation_affecting_older_people_index_idaopi_numerator',
    denominatorColumn: 'Older population aged 60 and over: mid 2015 (excluding prisoners)',
  }),
  underlying({
    id: 'years_of_potential_life_lost',
    title: 'Years of potential life lost',
    shortLabel: 'Premature death (YPLL)',
    unit: 'score',
    valueType: 'score',
    decimals: 1,
    theme: 'health',
    definition: 'An age and sex standardised measure of premature death (IoD2019 Health domain).',
    column: 'years_of_potential_life_lost_indicator',
  }),
  underlying({
    id: 'comparative_illness_disability_ratio',
    title: 'Comparative illness and disability ratio',
    shortLabel: 'Illness & disability',
    unit: 'ratio',
    valueType: 'score',
    decimals: 1,
    theme: 'health',
    definition:
      'An age and sex standardised measure of morbidity and disability (IoD2019 Health domain).',
    column: 'comparative_illness_and_disability_ratio_indicator',
  }),
  underlying({
    id: 'acute_morbidity',
    title: 'Acute morbidity',
    shortLabel: 'Emergency admissions',
    unit: 'ratio',
    valueType: 'score',
    decimals: 1,
    theme: 'health',
    definition:
      'An age and sex standardised rate of emergency admission to hospital (IoD2019 Health domain).',
    column: 'acute_morbidity_indicator',
  }),
  underlying({
    id: 'mood_anxiety_disorders',
    title: 'Mood and anxiety disorders',
    shortLabel: 'Mood & anxiety',
    unit: 'score',
    valueType: 'score',
    decimals: 2,
    theme: 'health',
    definition:
      'A composite of the rate of adults suffering from mood and anxiety disorders (prescribing, hospital episodes, suicides, benefits) (IoD2019 Health domain).',
    column: 'mood_and_anxiety_disorders_indicator',
  }),
  underlying({
    id: 'household_overcrowding',
    title: 'Household overcrowding',
    shortLabel: 'Overcrowding',
    unit: '%',
    valueType: 'proportion',
    multiplier: 100,
    scale: 100,
    decimals: 1,
    theme: 'housing',
    definition:
      'The proportion of households judged to have insufficient space to meet their needs.',
    column: 'household_overcrowding_indicator',
  }),
  underlying({
    id: 'housing_poor_condition',
    title: 'Housing in poor condition',
    shortLabel: 'Poor condition',
    unit: '%',
    valueType: 'proportion',
    multiplier: 100,
    scale: 100,
    decimals: 1,
    theme: 'housing',
    definition:
      'The modelled proportion of social and private homes that fail to meet the Decent Homes standard.',
    column: 'housing_in_poor_condition_indicator',
  }),
  underlying({
    id: 'no_central_heating',
    title: 'Houses without central heating',
    shortLabel: 'No central heating',
    unit: '%',
    valueType: 'proportion',
    multiplier: 100,
    scale: 100,
    decimals: 1,
    theme: 'housing',
    definition: 'The proportion of houses that do not have central heating.',
    column: 'houses_without_central_heating_indicator',
  }),
  underlying({
    id: 'homelessness_rate',
    title: 'Homelessness',
    shortLabel: 'Homelessness',
    unit: 'per 1,000 households',
    valueType: 'rate',
    decimals: 2,
    theme: 'housing',
    definition:
      'The rate of acceptances for housing assistance under the homelessness provisions of housing legislation, per 1,000 households (local authority figure applied to its LSOAs).',
    column: 'homelessness_indicator_rate_per_1000_households',
    // IoD2019 Technical Report (MHCLG, 2019), Wider Barriers sub-domain: the homelessness
    // indicator is a local authority district figure given to each of its LSOAs; in File 8 it
    // is one value per authority in 312 of 317 (the other 5 merged in 2019). Housing
    // affordability, by contrast, is modelled per LSOA and varies within every authority.
    measuredFor: 'local_authority',
  }),
  underlying({
    id: 'air_quality',
    title: 'Air quality',
    shortLabel: 'Air quality',
    unit: 'score',
    valueType: 'score',
    decimals: 2,
    theme: 'environment',
    definition:
      'A measure of air quality based on emission rates for four pollutants (nitrogen dioxide, benzene, sulphur dioxide, particulates); higher is worse.',
    column: 'air_quality_indicator',
  }),
  underlying({
    id: 'distance_gp',
    title: 'Road distance to a GP surgery',
    shortLabel: 'Distance to GP',
    unit: 'km',
    valueType: 'mean',
    decimals: 2,
    theme: 'access',
    definition: 'Mean road distance to the closest GP surgery for people living in the area.',
    column: 'road_distance_to_a_gp_surgery_indicator_km',
  }),
  underlying({
    id: 'distance_primary_school',
    title: 'Road distance to a primary school',
    shortLabel: 'Distance to primary school',
    unit: 'km',
    valueType: 'mean',
    decimals: 2,
    theme: 'access',
    definition: 'Mean road distance to the closest primary school for people living in the area.',
    column: 'road_distance_to_a_primary_school_indicator_km',
  }),
  underlying({
    id: 'distance_general_store',
    title: 'Road distance to a general store or supermarket',
    shortLabel: 'Distance to shop',
    unit: 'km',
    valueType: 'mean',
    decimals: 2,
    theme: 'access',
    definition:
      'Mean road distance to the closest general store or supermarket for people living in the area.',
    column: 'road_distance_to_general_store_or_supermarket_indicator_km',
  }),
  underlying({
    id: 'distance_post_office',
    title: 'Road distance to a post office',
    shortLabel: 'Distance to post office',
    unit: 'km',
    valueType: 'mean',
    decimals: 2,
    theme: 'access',
    definition: 'Mean road distance to the closest post office for people living in the area.',
    column: 'road_distance_to_a_post_office_indicator_km',
  }),
  ...CNI_DOMAINS.flatMap((d) => [
    cniMeasure({
      id: `cni_${d.key}_score`,
      title: `Community Needs Index: ${d.name} score`,
      shortLabel: `${d.name} need`,
      kind: 'score',
      definition: `Community Needs Index domain score for ${d.what}; higher score = higher need.`,
      column: `${d.column} score`,
    }),
    cniMeasure({
      id: `cni_${d.key}_rank`,
      title: `Community Needs Index: ${d.name} rank`,
      shortLabel: `${d.name} rank`,
      kind: 'rank',
      definition: `Rank of the ward on the Community Needs Index ${d.name} domain (1 = highest need of 7,433 wards).`,
      column: `${d.column} rank`,
    }),
  ]),
  cniMeasure({
    id: 'cni_score',
    title: 'Community Needs Index score',
    shortLabel: 'Community need',
    kind: 'score',
    definition:
      'Overall Community Needs Index: the sum of the Civic Assets, Connectedness and Engaged Community scores; higher score = higher need.',
    column: 'Community Needs Index score',
  }),
  cniMeasure({
    id: 'cni_rank',
    title: 'Community Needs Index rank',
    shortLabel: 'Community need rank',
    kind: 'rank',
    definition:
      'Rank of the ward on the overall Community Needs Index (1 = highest need of 7,433 wards).',
    column: 'Community Needs Index rank',
  }),
]);

const byId: ReadonlyMap<string, IndicatorDefinition> = new Map(catalogue.map((d) => [d.id, d]));

/** The catalogue entry with this id, or undefined. */
export function indicatorById(id: string): IndicatorDefinition | undefined {
  return byId.get(id);
}
