// An estate's indicator values from the LSOAs that make it up (docs/decisions/0021): the same
// methods as for wards (IoD2019 summary measures from ranks and populations, summed counts,
// population-weighted means), each LSOA counting whole. Values that cannot be made for an
// estate come back empty with the reason, so the rug explains the gap instead of showing zero.
import type { IndicatorDefinition } from '../catalogue/indicator-definition.ts';
import {
  IOD_DOMAINS,
  POPULATION_BASIS,
  type IodDomain,
  type PopulationBasis,
} from '../imd/domains.ts';
import { summariseLsoaGroup, type IodSummary, type RankedLsoa } from '../imd/summary.ts';
import type { RugValueInput } from '../rug/rug-model.ts';
import { aggregateIndicator, type SmallAreaFigures } from './aggregate-indicator.ts';

/** One LSOA's stored figures for one indicator. */
export interface LsoaFigure {
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

/** What one LSOA of an estate brings: its ranks, its populations and its indicator values. */
export interface EstateLsoaFigures {
  readonly code: string;
  /** National rank (1 = most deprived) of the IMD and each domain, where loaded. */
  readonly ranks: Partial<Record<IodDomain, number | null>>;
  /** IoD2019 mid-2015 populations (File 6): total and working-age. */
  readonly population: Readonly<Record<PopulationBasis, number | null>>;
  /** Indicator id → the LSOA's value row. */
  readonly values: ReadonlyMap<string, LsoaFigure>;
}

const SUMMARY_FIELD = {
  average_rank: 'averageRank',
  proportion: 'proportion',
  extent: 'extent',
  local_concentration: 'localConcentration',
} as const satisfies Record<string, keyof IodSummary>;

/** The domain and measure of a summary-measure id such as `imd_average_rank`, or undefined. */
function summaryOf(id: string): { domain: IodDomain; field: keyof IodSummary } | undefined {
  for (const domain of IOD_DOMAINS) {
    if (!id.startsWith(`${domain}_`)) continue;
    const measure = id.slice(domain.length + 1);
    if (measure in SUMMARY_FIELD)
      return { domain, field: SUMMARY_FIELD[measure as keyof typeof SUMMARY_FIELD] };
  }
  return undefined;
}

const lsoas = (n: number) => `${n} LSOA${n === 1 ? '' : 's'}`;

function gap(indicatorId: string, areaCode: string, note: string): RugValueInput {
  return { indicatorId, areaCode, value: null, note };
}

function summaryValue(
  definition: IndicatorDefinition,
  areaCode: string,
  members: readonly EstateLsoaFigures[],
): RugValueInput {
  const which = summaryOf(definition.id);
  if (!which)
    return gap(definition.id, areaCode, 'not an IoD2019 summary measure this app can compute');
  const basis = POPULATION_BASIS[which.domain];
  const ranked: RankedLsoa[] = [];
  for (const m of members) {
    const rank = m.ranks[which.domain];
    const population = m.population[basis];
    if (typeof rank === 'number' && typeof population === 'number')
      ranked.push({ rank, population });
  }
  if (ranked.length === 0)
    return gap(
      definition.id,
      areaCode,
      `no ranks or populations loaded for its ${lsoas(members.length)}`,
    );
  const value = summariseLsoaGroup(ranked)[which.field];
  return {
    indicatorId: definition.id,
    areaCode,
    // Proportion and extent are fractions in the summary; the catalogue shows them as %.
    value: value === null ? null : value * definition.multiplier,
    status: ranked.length === members.length ? 'complete' : 'partial',
    note:
      ranked.length === members.length ? null : `from ${ranked.length} of ${lsoas(members.length)}`,
  };
}

/**
 * Values of `definitions` for an estate made of `members` (whole LSOAs). IoD2019 summary
 * measures from ranks weighted by the domain's population basis; counts summed (then the rug
 * computes the interval); other LSOA values as population-weighted means; anything published
 * for wards only, or not adding up from LSOAs, is a gap with its reason.
 * @see docs/methods.md §3–4; IoD2019 Research Report, Appendix A
 */
export function estateValues(
  areaCode: string,
  definitions: readonly IndicatorDefinition[],
  members: readonly EstateLsoaFigures[],
): RugValueInput[] {
  return definitions.map((definition): RugValueInput => {
    if (members.length === 0) return gap(definition.id, areaCode, 'no LSOA lies under this estate');
    if (definition.source.geography !== 'lsoa11') {
      return gap(
        definition.id,
        areaCode,
        `published for ${definition.source.geography.replace(/\d+$/, '')}s only, not for estates`,
      );
    }
    switch (definition.aggregation) {
      case 'iod_summary':
        return summaryValue(definition, areaCode, members);
      case 'sum_of_counts':
      case 'population_weighted_mean': {
        const figures: SmallAreaFigures[] = members.map((m) => {
          const own = m.values.get(definition.id);
          return definition.aggregation === 'sum_of_counts'
            ? {
                numerator: own?.numerator ?? null,
                denominator: own?.denominator ?? null,
                suppressed: (own?.numerator ?? null) === null,
              }
            : {
                value: own?.value ?? null,
                population: m.population.total,
                suppressed: (own?.value ?? null) === null,
              };
        });
        const result = aggregateIndicator(definition, figures);
        const note =
          result.status === 'complete'
            ? null
            : `${result.status}: ${result.inputsCovered} of ${lsoas(result.inputsTotal)}`;
        return definition.aggregation === 'sum_of_counts'
          ? {
              indicatorId: definition.id,
              areaCode,
              numerator: result.numerator,
              denominator: result.denominator,
              status: result.status,
              note,
            }
          : {
              indicatorId: definition.id,
              areaCode,
              value: result.value,
              status: result.status,
              note,
            };
      }
      case 'none':
        return gap(definition.id, areaCode, 'an LSOA measure that does not add up to larger areas');
    }
  });
}
