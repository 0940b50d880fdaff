// The IoD2019 underlying indicators the catalogue offers (File 8, as the data mirror holds it):
// rates built from the published domain numerators, and indicators published as values. Columns
// are named by the reader's lists, so a typo is a type error rather than an empty rug column.
import type { IodIndicator, IodNumerator } from '../readers/iod-indicators.ts';
import type { IndicatorDefinition, Theme } from './indicator-definition.ts';
import type { IodPopulation } from './mirror-columns.ts';

/** A rate of deprivation: a File 8 numerator over a File 6 population. */
export interface DeprivationRateSpec {
  readonly id: string;
  readonly title: string;
  readonly shortLabel: string;
  readonly definition: string;
  readonly numerator: IodNumerator;
  readonly denominator: IodPopulation;
}

/** An underlying indicator published as a value per LSOA, without counts. */
export interface UnderlyingSpec {
  readonly id: string;
  readonly title: string;
  readonly shortLabel: string;
  readonly unit: string;
  readonly valueType: IndicatorDefinition['valueType'];
  /** Display multiplier, 1 when absent. */
  readonly multiplier?: number;
  /** Factor from the column to the unit (100 for a 0–1 share shown as %), 1 when absent. */
  readonly scale?: number;
  readonly decimals: number;
  readonly theme: Theme;
  readonly definition: string;
  readonly column: IodIndicator;
  readonly measuredFor?: 'local_authority';
}

/** Income, employment, IDACI and IDAOPI deprivation as shares of their populations. */
export const deprivationRates = [
  {
    id: 'income_deprivation_rate',
    title: 'Income deprivation',
    shortLabel: 'Income deprived',
    definition:
      'People experiencing deprivation relating to low income (IoD2019 Income Domain numerator) as a share of the total mid-2015 population.',
    numerator: 'income',
    denominator: 'total',
  },
  {
    id: 'employment_deprivation_rate',
    title: 'Employment deprivation',
    shortLabel: 'Employment deprived',
    definition:
      'Working-age people involuntarily excluded from the labour market (IoD2019 Employment Domain numerator) as a share of the working-age population (18–59/64).',
    numerator: 'employment',
    denominator: 'workingAge',
  },
  {
    id: 'idaci_rate',
    title: 'Income deprivation affecting children',
    shortLabel: 'Children income deprived',
    definition:
      'Children aged 0–15 living in income-deprived families (IDACI numerator) as a share of all children aged 0–15.',
    numerator: 'idaci',
    denominator: 'children0to15',
  },
  {
    id: 'idaopi_rate',
    title: 'Income deprivation affecting older people',
    shortLabel: 'Older people income deprived',
    definition:
      'People aged 60 and over experiencing income deprivation (IDAOPI numerator) as a share of all people aged 60 and over.',
    numerator: 'idaopi',
    denominator: 'aged60AndOver',
  },
] as const satisfies readonly DeprivationRateSpec[];

/** The health, housing, environment and access indicators, in rug order. */
export const underlyingIndicators = [
  {
    id: 'years_of_potential_life_lost',
    title: 'Years of potential life lost',
    shortLabel: 'Premature death (YPLL)',
    unit: 'score',
    valueType: 'score',
    decimals: 1,
    theme: 'health',
    definition: 'An age and sex standardised measure of premature death (IoD2019 Health domain).',
    column: 'years_of_potential_life_lost_indicator',
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
    id: 'distance_gp',
    title: 'Road distance to a GP surgery',
    shortLabel: 'Distance to GP',
    unit: 'km',
    valueType: 'mean',
    decimals: 2,
    theme: 'access',
    definition: 'Mean road distance to the closest GP surgery for people living in the area.',
    column: 'road_distance_to_a_gp_surgery_indicator_km',
  },
  {
    id: 'distance_primary_school',
    title: 'Road distance to a primary school',
    shortLabel: 'Distance to primary school',
    unit: 'km',
    valueType: 'mean',
    decimals: 2,
    theme: 'access',
    definition: 'Mean road distance to the closest primary school for people living in the area.',
    column: 'road_distance_to_a_primary_school_indicator_km',
  },
  {
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
  },
  {
    id: 'distance_post_office',
    title: 'Road distance to a post office',
    shortLabel: 'Distance to post office',
    unit: 'km',
    valueType: 'mean',
    decimals: 2,
    theme: 'access',
    definition: 'Mean road distance to the closest post office for people living in the area.',
    column: 'road_distance_to_a_post_office_indicator_km',
  },
] as const satisfies readonly UnderlyingSpec[];
