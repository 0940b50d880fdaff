// Builders that turn the catalogue's data tables into indicator definitions: the IoD2019 summary
// measures, small-area ranks and deciles, rates from numerators, underlying values, and CNI
// scores and ranks. Every definition cites its publication from publications.ts, the one copy
// of that wording.
import { POPULATION_BASIS } from '../imd/domains.ts';
import { IOD_NUMERATOR_COLUMNS } from '../readers/iod-indicators.ts';
import { iodDecileHeader, iodRankHeader } from '../readers/iod-domains.ts';
import type { CniDomainSpec, CniMeasureSpec } from './cni-measures.ts';
import type {
  IndicatorDefinition,
  IndicatorSource,
  SourceGeography,
} from './indicator-definition.ts';
import type { IodDomainEntry, IodSummaryMeasure } from './iod-domain-measures.ts';
import { cniColumn, iodPopulationColumns, mirrorFiles, type MirrorFile } from './mirror-columns.ts';
import { publications, type Publication } from './publications.ts';
import type { DeprivationRateSpec, UnderlyingSpec } from './underlying-indicators.ts';

// Where a definition's numbers come from: the publication's words, then the file and columns.
function sourceOf(
  publication: Publication,
  geography: SourceGeography,
  file: MirrorFile,
  valueColumn: string | null,
  scale = 1,
  counts: Pick<IndicatorSource, 'numerator' | 'denominator'> = {},
): IndicatorSource {
  return {
    dataset: publication.name,
    publisher: publication.publisher,
    url: publication.url,
    geography,
    value: valueColumn === null ? null : { file: file.path, column: valueColumn },
    scale,
    areaCodeColumn: file.areaCodeColumn,
    ...counts,
  };
}

// The licence and attribution every definition carries, in the publication's words.
function creditOf(publication: Publication): Pick<IndicatorDefinition, 'licence' | 'attribution'> {
  return { licence: publication.licence, attribution: publication.attribution };
}

const IOD = publications.iod2019;
const CNI = publications.cni2019;

/**
 * A summary measure of the IMD or a domain for larger areas, computed from LSOA ranks (File 2)
 * weighted by mid-2015 population (File 6); the source names the rank column it is computed from.
 */
export function summaryMeasure(
  domain: IodDomainEntry,
  measure: IodSummaryMeasure,
): IndicatorDefinition {
  // Employment is summarised over the working-age population, the rest over everyone (see
  // POPULATION_BASIS in imd/domains.ts, checked against File 10).
  const source = sourceOf(IOD, 'lsoa11', mirrorFiles.iodDomains, iodRankHeader(domain.prefix), 1, {
    denominator: {
      file: mirrorFiles.iodPopulation.path,
      column: iodPopulationColumns[POPULATION_BASIS[domain.prefix]],
    },
  });
  const common = {
    theme: domain.theme,
    interval: null,
    aggregation: 'iod_summary',
    minimumCount: null,
    minimumDenominator: null,
    ...creditOf(IOD),
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

/** An LSOA's national rank on the IMD or a domain (File 2). */
export function smallAreaRank(domain: IodDomainEntry): IndicatorDefinition {
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
    ...creditOf(IOD),
    source: sourceOf(IOD, 'lsoa11', mirrorFiles.iodDomains, iodRankHeader(domain.prefix)),
  };
}

/** An LSOA's national decile on the IMD or a domain (File 2). */
export function smallAreaDecile(domain: IodDomainEntry): IndicatorDefinition {
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
    ...creditOf(IOD),
    source: sourceOf(IOD, 'lsoa11', mirrorFiles.iodDomains, iodDecileHeader(domain.prefix)),
  };
}

/**
 * A rate of deprivation from a published numerator (rounded to 5, empty where suppressed) over
 * its File 6 denominator: a proportion with Wilson intervals, summed over areas.
 */
export function deprivationRate(spec: DeprivationRateSpec): IndicatorDefinition {
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
    ...creditOf(IOD),
    source: sourceOf(IOD, 'lsoa11', mirrorFiles.iodIndicators, null, 1, {
      numerator: {
        file: mirrorFiles.iodIndicators.path,
        column: IOD_NUMERATOR_COLUMNS[spec.numerator],
      },
      denominator: {
        file: mirrorFiles.iodPopulation.path,
        column: iodPopulationColumns[spec.denominator],
      },
    }),
  };
}

/**
 * An underlying indicator published as a value without counts: no sampling model, so the rug
 * compares it by quintile and areas combine by population-weighted mean.
 */
export function underlying(spec: UnderlyingSpec): IndicatorDefinition {
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
    ...creditOf(IOD),
    source: sourceOf(IOD, 'lsoa11', mirrorFiles.iodIndicators, spec.column, spec.scale ?? 1),
  };
}

/** A CNI domain's score and rank, as measure specs. */
export function cniDomainMeasures(domain: CniDomainSpec): CniMeasureSpec[] {
  return [
    {
      id: `cni_${domain.key}_score`,
      title: `Community Needs Index: ${domain.name} score`,
      shortLabel: `${domain.name} need`,
      kind: 'score',
      definition: `Community Needs Index domain score for ${domain.what}; higher score = higher need.`,
      column: cniColumn(domain.column, 'score'),
    },
    {
      id: `cni_${domain.key}_rank`,
      title: `Community Needs Index: ${domain.name} rank`,
      shortLabel: `${domain.name} rank`,
      kind: 'rank',
      definition: `Rank of the ward on the Community Needs Index ${domain.name} domain (1 = highest need of 7,433 wards).`,
      column: cniColumn(domain.column, 'rank'),
    },
  ];
}

/** A CNI score (higher = higher need, population-weighted over areas) or rank (1 = highest need; not aggregated). */
export function cniMeasure(spec: CniMeasureSpec): IndicatorDefinition {
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
    ...creditOf(CNI),
    source: sourceOf(CNI, 'ward17', mirrorFiles.cniWards, spec.column),
  };
}
