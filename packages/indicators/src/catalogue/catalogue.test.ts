// The catalogue against the real headers of the data mirror (read-only, never copied into the
// repo): every source column an importer is told to read must exist. The mirror is at
// DATA_MIRROR or, by default, ../shared/data from the repository root.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mirrorDir } from '@thrive/geo/test-support/mirror';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { catalogue, indicatorById } from './catalogue.ts';
import {
  aggregationMethods,
  comparisonMethodOf,
  polarities,
  themes,
  valueTypes,
} from './indicator-definition.ts';
import { iodDomains, iodSummaryMeasures } from './iod-domain-measures.ts';

const MIRROR = mirrorDir();

const headerCache = new Map<string, readonly string[]>();
function headerOf(file: string): readonly string[] {
  let header = headerCache.get(file);
  if (header === undefined) {
    const path = join(MIRROR, file);
    if (!existsSync(path)) throw new Error(`data mirror file not found: ${path} (set DATA_MIRROR)`);
    const firstLine = readFileSync(path, 'utf8').split(/\r?\n/, 1)[0] ?? '';
    const rows: unknown = parse(firstLine);
    header = Array.isArray(rows) && Array.isArray(rows[0]) ? rows[0].map(String) : [];
    headerCache.set(file, header);
  }
  return header;
}

describe('catalogue', () => {
  it('has unique snake_case ids', () => {
    const ids = catalogue.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
  });

  it('names the IoD2019 summary measures <prefix>_<measure> for the IMD and all seven domains', () => {
    for (const { prefix } of iodDomains) {
      for (const measure of iodSummaryMeasures) {
        expect(indicatorById(`${prefix}_${measure}`)?.aggregation).toBe('iod_summary');
      }
      expect(indicatorById(`${prefix}_rank`)?.valueType).toBe('rank');
      expect(indicatorById(`${prefix}_decile`)?.valueType).toBe('decile');
    }
    expect(iodDomains.map((d) => d.prefix)).toEqual([
      'imd',
      'income',
      'employment',
      'education',
      'health',
      'crime',
      'housing',
      'environment',
    ]);
  });

  it('uses only the declared value types, polarities, themes and aggregation methods', () => {
    for (const d of catalogue) {
      expect(valueTypes).toContain(d.valueType);
      expect(polarities).toContain(d.polarity);
      expect(themes).toContain(d.theme);
      expect(aggregationMethods).toContain(d.aggregation);
      expect(d.multiplier).toBeGreaterThan(0);
      expect(Number.isInteger(d.decimals) && d.decimals >= 0 && d.decimals <= 3).toBe(true);
      expect(d.shortLabel.length).toBeLessThanOrEqual(30);
      expect(d.attribution).not.toBe('');
    }
  });

  it('names a source column that exists in the mirror file for every entry', () => {
    for (const d of catalogue) {
      const columns = [d.source.value, d.source.numerator, d.source.denominator].filter(
        (c) => c !== undefined && c !== null,
      );
      expect(columns.length, d.id).toBeGreaterThan(0);
      for (const c of columns) expect(headerOf(c.file), `${d.id}: ${c.column}`).toContain(c.column);
      const codeFile = (d.source.value ?? d.source.numerator)?.file ?? '';
      expect(headerOf(codeFile), d.id).toContain(d.source.areaCodeColumn);
    }
  });

  it('computes income and employment deprivation rates from numerators as proportions with Wilson intervals', () => {
    for (const id of [
      'income_deprivation_rate',
      'employment_deprivation_rate',
      'idaci_rate',
      'idaopi_rate',
    ]) {
      const d = indicatorById(id);
      expect(d).toMatchObject({
        valueType: 'proportion',
        polarity: 'low_is_good',
        interval: 'wilson',
        aggregation: 'sum_of_counts',
        multiplier: 100,
        unit: '%',
      });
      expect(d?.source.value).toBeNull();
      expect(d?.source.numerator?.column).toMatch(/numerator$/);
    }
    expect(indicatorById('employment_deprivation_rate')?.source.denominator?.column).toMatch(
      /^Working age population/,
    );
  });

  it('only sums counts for indicators that have a numerator and a denominator', () => {
    for (const d of catalogue.filter((x) => x.aggregation === 'sum_of_counts')) {
      expect(d.source.numerator, d.id).toBeDefined();
      expect(d.source.denominator, d.id).toBeDefined();
      expect(d.interval, d.id).not.toBeNull();
    }
  });

  it('compares indicators without counts by quintile', () => {
    for (const id of [
      'distance_gp',
      'air_quality',
      'household_overcrowding',
      'cni_score',
      'imd_extent',
    ]) {
      const d = indicatorById(id);
      expect(d && comparisonMethodOf(d)).toBe('quintile');
    }
    const income = indicatorById('income_deprivation_rate');
    expect(income && comparisonMethodOf(income)).toBe('significance');
  });

  it('treats a higher Community Needs Index score as higher need (low is good) and rank 1 as highest need', () => {
    for (const key of ['civic_assets', 'connectedness', 'engaged_community']) {
      expect(indicatorById(`cni_${key}_score`)?.polarity).toBe('low_is_good');
      expect(indicatorById(`cni_${key}_rank`)?.polarity).toBe('high_is_good');
    }
    expect(indicatorById('cni_score')).toMatchObject({
      polarity: 'low_is_good',
      theme: 'community_needs',
    });
    expect(indicatorById('cni_score')?.source.geography).toBe('ward17');
  });

  it('scales 0–1 shares from the source to percentages', () => {
    expect(indicatorById('household_overcrowding')?.source.scale).toBe(100);
    expect(indicatorById('distance_gp')?.source.scale).toBe(1);
  });

  it('returns undefined for an unknown id', () => {
    expect(indicatorById('no_such_indicator')).toBeUndefined();
  });
});
