// Synthetic rug inputs for benchmarks: deterministic (seeded), shaped like the real thing —
// wards grouped into local authorities, a third of the columns with counts (Wilson), two rate
// columns (Byar / exact Poisson), the rest values without counts (quintiles).
import type { IndicatorDefinition } from '../src/catalogue/indicator-definition.ts';
import { catalogue } from '../src/catalogue/catalogue.ts';
import type { RugArea, RugBenchmarkAreas, RugValueInput } from '../src/rug/rug-model.ts';

/** Small deterministic PRNG (mulberry32) so runs are comparable. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticRug {
  readonly areas: RugArea[];
  readonly indicators: IndicatorDefinition[];
  readonly values: RugValueInput[];
  readonly benchmarks: RugBenchmarkAreas;
}

/** `areaCount` wards in authorities of `perParent`, `columnCount` indicators, one value per cell. */
export function syntheticRug(
  areaCount: number,
  columnCount: number,
  perParent = 100,
): SyntheticRug {
  const rand = random(42);
  const proportion = catalogue.find((d) => d.id === 'income_deprivation_rate');
  const others = catalogue.filter((d) => d.interval === null);
  if (proportion === undefined) throw new Error('catalogue lacks income_deprivation_rate');
  const indicators: IndicatorDefinition[] = [];
  for (let c = 0; c < columnCount; c++) {
    if (c % 3 === 0) indicators.push({ ...proportion, id: `proportion_${c}` });
    else if (c % 15 === 1) {
      indicators.push({
        ...proportion,
        id: `rate_${c}`,
        valueType: 'rate',
        interval: 'byar',
        multiplier: 1000,
      });
    } else {
      const base = others[c % others.length] ?? proportion;
      indicators.push({ ...base, id: `${base.id}_${c}` });
    }
  }
  const parentCount = Math.ceil(areaCount / perParent);
  const parents: RugArea[] = Array.from({ length: parentCount }, (_, p) => ({
    code: `E0700${String(p).padStart(4, '0')}`,
    name: `Authority ${p}`,
  }));
  const areas: RugArea[] = Array.from({ length: areaCount }, (_, i) => ({
    code: `E0500${String(i).padStart(4, '0')}`,
    name: `Ward ${(i * 7919) % areaCount}`,
    parentCode: parents[Math.floor(i / perParent)]?.code ?? null,
  }));
  const england: RugArea = { code: 'E92000001', name: 'England' };

  const values: RugValueInput[] = [];
  const push = (code: string, definition: IndicatorDefinition, size: number): void => {
    if (definition.interval === null) {
      values.push({ indicatorId: definition.id, areaCode: code, value: rand() * 100 });
      return;
    }
    const denominator = Math.round(size * (0.5 + rand()));
    const p = definition.interval === 'byar' ? rand() * 0.01 : rand() * 0.4;
    // About 1 in 50 cells suppressed, as small counts are in the published numerators.
    const suppressed = rand() < 0.02;
    values.push({
      indicatorId: definition.id,
      areaCode: code,
      numerator: suppressed ? null : Math.round(denominator * p),
      denominator,
      suppressed,
    });
  };
  // Area by area, as `ORDER BY area_code, indicator_id` returns them.
  for (const area of areas) for (const d of indicators) push(area.code, d, 6000);
  for (const parent of parents) for (const d of indicators) push(parent.code, d, 600_000);
  for (const d of indicators) push(england.code, d, 56_000_000);
  return { areas, indicators, values, benchmarks: { parents, england } };
}

/** Median of a list of timings. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
