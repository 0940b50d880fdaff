// The indicators Thrive ships with: English Indices of Deprivation 2019 (IMD, its seven
// domains, underlying indicators) and the Community Needs Index 2019, each mapped to the
// exact column of the file in the data mirror (see /work/shared/data/README.md). The tables
// live beside this file, named for what they hold; builders.ts turns them into definitions.
import {
  cniDomainMeasures,
  cniMeasure,
  deprivationRate,
  smallAreaDecile,
  smallAreaRank,
  summaryMeasure,
  underlying,
} from './builders.ts';
import { cniDomains, cniIndexMeasures } from './cni-measures.ts';
import type { IndicatorDefinition } from './indicator-definition.ts';
import { iodDomains, iodSummaryMeasures } from './iod-domain-measures.ts';
import { deprivationRates, underlyingIndicators } from './underlying-indicators.ts';

/** Every indicator Thrive knows out of the box, in a stable order (IoD, then CNI). */
export const catalogue: readonly IndicatorDefinition[] = Object.freeze([
  ...iodDomains.flatMap((domain) => iodSummaryMeasures.map((m) => summaryMeasure(domain, m))),
  ...iodDomains.map(smallAreaRank),
  ...iodDomains.map(smallAreaDecile),
  ...deprivationRates.map(deprivationRate),
  ...underlyingIndicators.map(underlying),
  ...cniDomains.flatMap(cniDomainMeasures).map(cniMeasure),
  ...cniIndexMeasures.map(cniMeasure),
]);

const byId: ReadonlyMap<string, IndicatorDefinition> = new Map(catalogue.map((d) => [d.id, d]));

/** The catalogue entry with this id, or undefined. */
export function indicatorById(id: string): IndicatorDefinition | undefined {
  return byId.get(id);
}
