// Which datasets, of which release and geography, a response's numbers come from: read from the
// register (data/sources.json), so a rug or profile always says IoD2019 on LSOA 2011 aggregated
// to wards of December 2013, and a new release shows as one.
import type { IndicatorDefinition } from '@thrive/indicators';
import { register } from '../open-data/datasets.ts';
import type { DatasetVintageBody } from './schemas.ts';

// The areas a level's rows are drawn from, as load-authority loads them.
const AREAS_BY_LEVEL: Record<string, string> = {
  ward: 'ward-boundaries-2013',
  lsoa: 'lsoa-boundaries-2011',
};

/** The register's datasets behind these indicators at this level: the areas, then the values. */
export function datasetsBehind(
  definitions: readonly IndicatorDefinition[],
  level: string,
): DatasetVintageBody[] {
  const files = new Set<string>();
  for (const { source, aggregation } of definitions) {
    for (const column of [source.value, source.numerator, source.denominator])
      if (column) files.add(column.file);
    // Ward and authority figures are weighted by, or summarised over, File 6's populations.
    if (aggregation === 'population_weighted_mean' || aggregation === 'iod_summary')
      files.add(register.datasets.find((d) => d.id === 'iod2019-population')?.mirror ?? '');
  }
  const areas = AREAS_BY_LEVEL[level];
  return register.datasets
    .filter((d) => d.id === areas || files.has(d.mirror))
    .sort((a, b) => Number(b.id === areas) - Number(a.id === areas))
    .map(({ id, title, publisher, release, geography }) => ({
      id,
      title,
      publisher,
      release,
      geography,
      label: vintageLabel(release, geography),
    }));
}

/** "IoD2019 (LSOA 2011)"; a geography that already names the release stands alone. */
export function vintageLabel(release: string, geography: string): string {
  return geography.startsWith(release) ? geography : `${release} (${geography})`;
}

/** One line naming the vintages, for a CSV's comment or a caption. */
export function vintagesLine(datasets: readonly DatasetVintageBody[]): string {
  return datasets.length === 0 ? '' : `Vintages: ${datasets.map((d) => d.label).join('; ')}.`;
}
