// Benchmark: best fit of every LSOA 2011 centroid in England into every 2013 ward of England.
// Prints read, parse, validation, index build and assignment times, the counts, and ratios
// against two baselines measured in the same run: a bbox-only index lookup (the floor: what
// the index costs without point-in-polygon) and a linear scan over all wards (no index).
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { AreaFeature } from '../src/area-feature.ts';
import { createAreaIndex } from '../src/area-index.ts';
import { bboxContains, bboxOf } from '../src/bbox.ts';
import { bestFitByCentroid } from '../src/best-fit.ts';
import { validateAreaCollection } from '../src/validate/area-collection.ts';
import { formatValidationError } from '../src/validate/validation-error.ts';
import {
  boundaryPath,
  mirrorDir,
  parseCentroidsCsv,
  wardFileNames,
} from '../test-support/mirror.ts';

const WARM_RUNS = 5;
const TARGET_MS = 1000;

/** Six authorities were recoded after 2013; the centroid file keeps the old codes, the ward files the new. */
const RECODED_LADS: Record<string, string> = {
  E06000048: 'E06000057',
  E07000097: 'E07000242',
  E07000100: 'E07000240',
  E07000101: 'E07000243',
  E07000104: 'E07000241',
  E08000020: 'E08000037',
};

function time<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

console.log(`mirror: ${mirrorDir()}`);
const files = wardFileNames();

const read = time(() => ({
  wards: files.map((name) => readFileSync(boundaryPath('wards-2013', name), 'utf8')),
  centroids: readFileSync(boundaryPath('lsoa-2011-centroids.csv'), 'utf8'),
}));
const parsed = time(() => ({
  wards: read.value.wards.map((text) => JSON.parse(text) as unknown),
  centroids: parseCentroidsCsv(read.value.centroids),
}));
const megabytes = read.value.wards.reduce((sum, text) => sum + text.length, 0) / 1e6;

const validated = time(() => {
  const wards: AreaFeature[] = [];
  const wardFile = new Map<string, string>();
  parsed.value.wards.forEach((json, i) => {
    const file = files[i] ?? '?';
    const result = validateAreaCollection(json);
    if (!result.ok) {
      throw new Error(
        `${file} is not valid:\n${result.errors.map(formatValidationError).join('\n')}`,
      );
    }
    for (const feature of result.features) {
      wards.push(feature);
      wardFile.set(feature.code, file.replace('.geojson', ''));
    }
  });
  return { wards, wardFile };
});
const { wards, wardFile } = validated.value;
const centroids = parsed.value.centroids;

const built = time(() => createAreaIndex(wards));
const index = built.value;

// Assignment: one cold run, then warm runs for a steadier figure.
const cold = time(() => bestFitByCentroid(centroids, index));
const warm = Array.from(
  { length: WARM_RUNS },
  () => time(() => bestFitByCentroid(centroids, index)).ms,
);
const result = cold.value;

// Baseline 1: the same kind of index, bounding boxes only, no point-in-polygon.
const boxes = wards.map((ward) => bboxOf(ward.geometry));
const boxTree = new Flatbush(boxes.length);
for (const [minx, miny, maxx, maxy] of boxes) boxTree.add(minx, miny, maxx, maxy);
boxTree.finish();
const bboxOnly = () => {
  let hits = 0;
  for (const { lon, lat } of centroids) hits += boxTree.search(lon, lat, lon, lat).length;
  return hits;
};
bboxOnly();
const bboxRuns = Array.from({ length: WARM_RUNS }, () => time(bboxOnly));

// Baseline 2: no index, every ward's box checked for every point, then point-in-polygon.
const linearScan = () => {
  let matched = 0;
  for (const { lon, lat } of centroids) {
    let found = 0;
    for (let w = 0; w < wards.length; w++) {
      const box = boxes[w];
      const ward = wards[w];
      if (box === undefined || ward === undefined || !bboxContains(box, lon, lat)) continue;
      if (booleanPointInPolygon([lon, lat], ward.geometry)) found += 1;
    }
    if (found === 1) matched += 1;
  }
  return matched;
};
const linear = time(linearScan);

const withFallback = bestFitByCentroid(centroids, index, { nearestWithinMetres: 50 });
// How far the rest are from any ward, to tell clipped coastline from missing data.
const pointOf = new Map(centroids.map((c) => [c.code, c]));
const farther = withFallback.unmatched.map((code) => {
  const c = pointOf.get(code);
  const near = c === undefined ? undefined : index.nearestAreaWithin(c.lon, c.lat, 5000);
  return `${code} ${near === undefined ? '> 5 km' : `${near.metres.toFixed(0)} m from ${near.code}`}`;
});

// Sanity: does each LSOA land in a ward of its own authority?
const ladOf = new Map(centroids.map((c) => [c.code, RECODED_LADS[c.ladCode] ?? c.ladCode]));
const otherAuthority = result.links.filter(
  (link) => wardFile.get(link.to) !== ladOf.get(link.from),
);

const warmMedian = median(warm);
console.log(`
files        ${files.length} ward files (${megabytes.toFixed(1)} MB), ${wards.length} wards; ${centroids.length} LSOA centroids
read         ${ms(read.ms)}
parse        ${ms(parsed.ms)} (JSON.parse of the ward files + centroid CSV split)
validate     ${ms(validated.ms)} (validateAreaCollection on every ward file)
index build  ${ms(built.ms)} (flatbush over ${wards.reduce((n, w) => n + (w.geometry.type === 'Polygon' ? 1 : w.geometry.coordinates.length), 0)} polygon parts)
assignment   cold ${ms(cold.ms)}, warm median ${ms(warmMedian)} of ${WARM_RUNS} (target < ${TARGET_MS} ms: ${cold.ms < TARGET_MS ? 'met' : 'MISSED'})
             ${((warmMedian * 1e6) / centroids.length / 1e3).toFixed(2)} µs per point

counts       matched ${result.links.length}, unmatched ${result.unmatched.length}, ambiguous ${result.ambiguous.length}
unmatched    ${result.unmatched.map((code) => `${code} (${ladOf.get(code)})`).join(', ') || 'none'}
ambiguous    ${result.ambiguous.map((a) => `${a.code} in ${a.wards.join(' & ')}`).join(', ') || 'none'}
fallback     nearest boundary within 50 m would place ${withFallback.nearest.length}: ${withFallback.nearest.map((n) => `${n.code} → ${n.to} at ${n.metres.toFixed(1)} m`).join(', ') || 'none'}; still unmatched ${withFallback.unmatched.length}
beyond 50 m  ${farther.join(', ') || 'none'}
authority    ${otherAuthority.length} LSOAs land in a ward of another authority's file${
  otherAuthority.length > 0
    ? `: ${otherAuthority
        .slice(0, 10)
        .map((l) => `${l.from} (${ladOf.get(l.from)}) → ${l.to} (${wardFile.get(l.to)})`)
        .join(', ')}${otherAuthority.length > 10 ? ', …' : ''}`
    : ''
}

baselines (same run, same points)
  bbox-only flatbush lookup   median ${ms(median(bboxRuns.map((r) => r.ms)))} → best fit costs ${(warmMedian / median(bboxRuns.map((r) => r.ms))).toFixed(1)}× the bare index lookup
  linear scan, no index       ${ms(linear.ms)} (${linear.value} matched, ${linear.value === result.links.length ? 'same as' : 'DIFFERENT FROM'} best fit) → the index is ${(linear.ms / warmMedian).toFixed(1)}× faster
`);
