// Every catalogue indicator for small areas and for groups of them (wards, an authority,
// England), from the mirror's records: the composition behind `load-authority`. Pure: records
// in, value rows out.
import { aggregateIndicator, type SmallAreaFigures } from '../aggregate/aggregate-indicator.ts';
import { catalogue } from '../catalogue/catalogue.ts';
import type { IndicatorDefinition } from '../catalogue/indicator-definition.ts';
import { IOD_DOMAINS, type IodDomain } from '../imd/domains.ts';
import { summariseFrameByGroup } from '../imd/group-summaries.ts';
import type { LsoaFrame } from '../imd/lsoa-frame.ts';
import type { IodSummary } from '../imd/summary.ts';
import type { CniWardRecord } from '../readers/cni-wards.ts';
import type { IodDomainsRecord } from '../readers/iod-domains.ts';
import { IOD_NUMERATOR_COLUMNS, type IodIndicator, type IodIndicatorsRecord, type IodNumerator } from '../readers/iod-indicators.ts';
import type { PopulationRecord } from '../readers/population.ts';

/** One value row, shaped like the `indicator_value` table. */
export interface AreaValue {
  readonly indicatorId: string;
  readonly areaCode: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly note: string | null;
}

/** The LSOA records of the mirror, aligned with a frame (same order as File 2). */
export interface SmallAreaRecords {
  readonly frame: LsoaFrame;
  readonly domains: readonly IodDomainsRecord[];
  readonly populations: ReadonlyMap<string, PopulationRecord>;
  readonly indicators: ReadonlyMap<string, IodIndicatorsRecord>;
}

const SUMMARY_MEASURES = ['average_rank', 'proportion', 'extent', 'local_concentration'] as const;
type SummaryMeasure = (typeof SUMMARY_MEASURES)[number];
const SUMMARY_FIELD: Record<SummaryMeasure, keyof IodSummary> = {
  average_rank: 'averageRank',
  proportion: 'proportion',
  extent: 'extent',
  local_concentration: 'localConcentration',
};

// File 6 headers, as the catalogue names them, to the reader's fields.
const POPULATION_FIELD: Record<string, keyof Omit<PopulationRecord, 'lsoaCode' | 'lsoaName' | 'ladCode' | 'ladName'>> = {
  'Total population: mid 2015 (excluding prisoners)': 'total',
  'Dependent Children aged 0-15: mid 2015 (excluding prisoners)': 'children0to15',
  'Older population aged 60 and over: mid 2015 (excluding prisoners)': 'aged60AndOver',
  'Working age population 18-59/64: for use with Employment Deprivation Domain (excluding prisoners)': 'workingAge',
};

const NUMERATOR_BY_COLUMN = new Map<string, IodNumerator>(
  Object.entries(IOD_NUMERATOR_COLUMNS).map(([key, column]) => [column, key as IodNumerator]),
);

const row = (indicatorId: string, areaCode: string, value: number | null, extra: Partial<AreaValue> = {}): AreaValue => ({
  indicatorId,
  areaCode,
  value,
  numerator: null,
  denominator: null,
  lower: null,
  upper: null,
  note: null,
  ...extra,
});

/** What an LSOA contributes to an aggregated indicator, or undefined when the catalogue entry is not LSOA-based. */
function figuresOf(
  definition: IndicatorDefinition,
  population: PopulationRecord | undefined,
  underlying: IodIndicatorsRecord | undefined,
): SmallAreaFigures | undefined {
  const source = definition.source;
  if (source.geography !== 'lsoa11') return undefined;
  if (definition.aggregation === 'sum_of_counts') {
    const numeratorKey = source.numerator ? NUMERATOR_BY_COLUMN.get(source.numerator.column) : undefined;
    const denominatorField = source.denominator ? POPULATION_FIELD[source.denominator.column] : undefined;
    if (!numeratorKey || !denominatorField) return undefined;
    const numerator = underlying?.numerators[numeratorKey] ?? null;
    return { numerator, denominator: population ? population[denominatorField] : null, suppressed: numerator === null };
  }
  if (definition.aggregation === 'population_weighted_mean' && source.value) {
    const raw = underlying?.indicators[source.value.column as IodIndicator];
    const value = raw === undefined || raw === null ? null : raw * source.scale;
    return { value, population: population?.total ?? null, suppressed: value === null };
  }
  return undefined;
}

/** Catalogue indicators that aggregate from LSOAs by counts or weighted means. */
const aggregatable = catalogue.filter(
  (d) => d.source.geography === 'lsoa11' && (d.aggregation === 'sum_of_counts' || d.aggregation === 'population_weighted_mean'),
);

/** Values of every LSOA-level indicator for the LSOAs whose frame index passes `include`. */
export function smallAreaValues(records: SmallAreaRecords, include: (lsoa: number) => boolean): AreaValue[] {
  const out: AreaValue[] = [];
  const { frame } = records;
  for (let i = 0; i < frame.lsoaCodes.length; i++) {
    if (!include(i)) continue;
    const code = frame.lsoaCodes[i] as string;
    const domains = records.domains[i] as IodDomainsRecord;
    for (const domain of IOD_DOMAINS) {
      out.push(row(`${domain}_rank`, code, domains.ranks[domain]), row(`${domain}_decile`, code, domains.deciles[domain]));
    }
    const population = records.populations.get(code);
    const underlying = records.indicators.get(code);
    for (const definition of aggregatable) {
      const figures = figuresOf(definition, population, underlying);
      if (!figures) continue;
      if (definition.aggregation === 'sum_of_counts') {
        const one = aggregateIndicator(definition, [figures]);
        out.push(row(definition.id, code, one.value, { numerator: one.numerator, denominator: one.denominator, lower: one.lower, upper: one.upper, note: figures.suppressed ? 'suppressed in the source' : null }));
      } else {
        out.push(row(definition.id, code, figures.value ?? null, { note: figures.value === null ? 'missing in the source' : null }));
      }
    }
  }
  return out;
}

/** IoD summary measures and aggregated indicators for each group of LSOAs (`groupOf` gives an LSOA's group code). */
export function groupValues(records: SmallAreaRecords, groupOf: (lsoa: number) => string | undefined): AreaValue[] {
  const out: AreaValue[] = [];
  const { frame } = records;
  for (const group of summariseFrameByGroup(frame, groupOf)) {
    for (const domain of IOD_DOMAINS) out.push(...summaryRows(domain, group.key, group.measures[domain]));
  }
  const members = new Map<string, number[]>();
  for (let i = 0; i < frame.lsoaCodes.length; i++) {
    const key = groupOf(i);
    if (key === undefined) continue;
    let list = members.get(key);
    if (!list) members.set(key, (list = []));
    list.push(i);
  }
  for (const [code, lsoas] of members) {
    // Each LSOA's records are looked up once, not once per indicator.
    const populations = lsoas.map((i) => records.populations.get(frame.lsoaCodes[i] as string));
    const underlying = lsoas.map((i) => records.indicators.get(frame.lsoaCodes[i] as string));
    for (const definition of aggregatable) {
      const figures = lsoas
        .map((_, k) => figuresOf(definition, populations[k], underlying[k]))
        .filter((f) => f !== undefined);
      const result = aggregateIndicator(definition, figures);
      const note = result.status === 'complete' ? null : `${result.status}: ${result.inputsCovered} of ${result.inputsTotal} LSOAs`;
      out.push(row(definition.id, code, result.value, { numerator: result.numerator, denominator: result.denominator, lower: result.lower, upper: result.upper, note }));
    }
  }
  return out;
}

function summaryRows(domain: IodDomain, areaCode: string, summary: IodSummary): AreaValue[] {
  return SUMMARY_MEASURES.map((measure) => {
    const id = `${domain}_${measure}`;
    const definition = catalogue.find((d) => d.id === id);
    const value = summary[SUMMARY_FIELD[measure]];
    // Proportion and extent are fractions in the summary; the catalogue shows them as %.
    const scaled = value === null ? null : value * (definition?.multiplier ?? 1);
    return row(id, areaCode, scaled);
  });
}

/** Community Needs Index values for the wards whose (2017) codes are given. */
export function cniWardValues(records: readonly CniWardRecord[], wardCodes: ReadonlySet<string>): AreaValue[] {
  const out: AreaValue[] = [];
  for (const ward of records) {
    if (!wardCodes.has(ward.wardCode)) continue;
    const scores = {
      civic_assets: ward.civicAssets,
      connectedness: ward.connectedness,
      engaged_community: ward.engagedCommunity,
    } as const;
    for (const [key, s] of Object.entries(scores)) {
      out.push(row(`cni_${key}_score`, ward.wardCode, s.score), row(`cni_${key}_rank`, ward.wardCode, s.rank));
    }
    out.push(row('cni_score', ward.wardCode, ward.communityNeedsIndex.score), row('cni_rank', ward.wardCode, ward.communityNeedsIndex.rank));
  }
  return out;
}
