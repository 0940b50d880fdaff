// The standard ward rug: one or two columns per theme, in the order officers read them
// (deprivation, then the domains' underlying measures, then community needs).

/** Indicator ids of the default rug, in column order. */
export const DEFAULT_RUG_INDICATORS: readonly string[] = Object.freeze([
  'imd_average_rank',
  'imd_extent',
  'income_deprivation_rate',
  'employment_deprivation_rate',
  'idaci_rate',
  'idaopi_rate',
  'education_average_rank',
  'health_average_rank',
  'years_of_potential_life_lost',
  'comparative_illness_disability_ratio',
  'acute_morbidity',
  'mood_anxiety_disorders',
  'crime_average_rank',
  'housing_average_rank',
  'household_overcrowding',
  'housing_poor_condition',
  'no_central_heating',
  'homelessness_rate',
  'environment_average_rank',
  'air_quality',
  'distance_gp',
  'distance_primary_school',
  'distance_general_store',
  'distance_post_office',
  'cni_score',
  'cni_civic_assets_score',
  'cni_connectedness_score',
  'cni_engaged_community_score',
]);
