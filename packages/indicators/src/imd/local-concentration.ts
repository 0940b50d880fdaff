// The "local concentration" summary measure: how deprived a larger area's worst-off tenth is.
import { summaryRank } from './ranks.ts';

/**
 * Local concentration of one group whose LSOAs are listed most deprived first: the
 * population-weighted average summary rank (N + 1 − rank) of the group's most deprived LSOAs
 * that together hold exactly 10% of the group's population, the last of them taken in part.
 * LSOAs after the 10% is reached, including one that starts exactly on it, weigh nothing.
 * Returns null when the group has no population.
 *
 * `order[start..end)` holds indices into `rank` and `population`, sorted by rank ascending.
 * @see https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019 (IoD2019 Research Report, Appendix A; File 10 notes)
 */
export function localConcentration(
  order: Int32Array,
  start: number,
  end: number,
  rank: ArrayLike<number>,
  population: ArrayLike<number>,
  totalPopulation: number,
  lsoaCount: number,
): number | null {
  if (!(totalPopulation > 0)) return null;
  const target = totalPopulation / 10;
  let remaining = target;
  let weighted = 0;
  for (let k = start; k < end && remaining > 0; k++) {
    const i = order[k] as number;
    const people = population[i] as number;
    const taken = people < remaining ? people : remaining;
    weighted += taken * summaryRank(rank[i] as number, lsoaCount);
    remaining -= taken;
  }
  return weighted / target;
}
