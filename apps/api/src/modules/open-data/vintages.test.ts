import { indicatorById, type IndicatorDefinition } from '@thrive/indicators';
import { describe, expect, it } from 'vitest';
import { datasetsBehind, vintageLabel, vintagesLine } from './vintages.ts';

const defined = (...ids: string[]): IndicatorDefinition[] =>
  ids.flatMap((id) => {
    const definition = indicatorById(id);
    return definition ? [definition] : [];
  });

describe("the datasets behind a response's numbers", () => {
  it('names the ward boundaries first, then each dataset an indicator reads, with release and geography', () => {
    const datasets = datasetsBehind(defined('income_deprivation_rate', 'cni_score'), 'ward');
    expect(datasets.map((d) => [d.id, d.label])).toEqual([
      ['ward-boundaries-2013', 'Wards December 2013 (2013 local authorities)'],
      ['iod2019-population', 'IoD2019 (LSOA 2011)'],
      ['iod2019-indicators', 'IoD2019 (LSOA 2011)'],
      ['cni2019', 'CNI 2019 (Wards 2017)'],
    ]);
  });

  it('names the LSOA boundaries for an LSOA rug, and nothing for an indicator of no register dataset', () => {
    expect(datasetsBehind([], 'lsoa').map((d) => d.id)).toEqual(['lsoa-boundaries-2011']);
    expect(datasetsBehind([], 'estate')).toEqual([]);
  });

  it('labels a release by its geography, once when the geography already names it', () => {
    expect(vintageLabel('IoD2025', 'LSOA 2021')).toBe('IoD2025 (LSOA 2021)');
    expect(
      vintageLabel('Wards December 2013', 'Wards December 2013 (2013 local authorities)'),
    ).toBe('Wards December 2013 (2013 local authorities)');
    expect(vintagesLine(datasetsBehind([], 'lsoa'))).toBe(
      'Vintages: LSOA December 2011 (LSOA 2011).',
    );
  });
});
