// Benchmark: IoD2019 summaries (average rank, proportion, extent, local concentration) for all
// 317 local authorities × the IMD and 7 domains, from the open-data mirror. Runs on import.
// Reports reading + parsing separately, then the median of several runs of the join and of the
// summaries, against a trivial loop over the same arrays in the same run (the floor any
// implementation pays to touch every LSOA of every domain once). Targets (issue 17): join +
// summaries ≤ 10 ms; reading File 2 + File 6 ≤ 250 ms, beside splitting the same text on its
// newlines and commas in the same run (the floor any CSV reader pays).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  IOD_DOMAINS,
  POPULATION_BASIS,
  buildLsoaFrame,
  summariseAuthorities,
  type LsoaFrame,
} from '../src/imd/index.ts';
import { readIodDomains, readPopulationDenominators } from '../src/readers/index.ts';
import { mirrorDir } from '@thrive/geo/test-support/mirror';
import { recordRow } from '../../../tooling/bench/rows.ts';

const RUNS = 15;
const MIRROR = mirrorDir();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

/** The trivial baseline: one multiply-add per LSOA per domain, nothing else. */
function baselineLoop(frame: LsoaFrame): number {
  let sum = 0;
  for (const domain of IOD_DOMAINS) {
    const rank = frame.ranks[domain];
    const people = frame.populations[POPULATION_BASIS[domain]];
    for (let i = 0; i < rank.length; i++) sum += (rank[i] ?? 0) * (people[i] ?? 0);
  }
  return sum;
}

const FILE_2 = join(MIRROR, 'imd2019/File_2_IoD2019_Domains_of_Deprivation.csv');
const FILE_6 = join(MIRROR, 'imd2019/File_6_IoD2019_Population_Denominators.csv');
// The first read in this process, as a command reads once: cold code included.
const parse = timed(() => ({
  domains: readIodDomains(readFileSync(FILE_2, 'utf8')),
  populations: readPopulationDenominators(readFileSync(FILE_6, 'utf8')),
}));
const split = timed(() => {
  let cells = 0;
  for (const file of [FILE_2, FILE_6])
    for (const line of readFileSync(file, 'utf8').split('\n')) cells += line.split(',').length;
  return cells;
});
const { domains, populations } = parse.result;

const joinMs: number[] = [];
const summaryMs: number[] = [];
const totalMs: number[] = [];
const baselineMs: number[] = [];
let authorities = 0;
let checksum = 0;
for (let run = 0; run < RUNS; run++) {
  const frame = timed(() => buildLsoaFrame(domains, populations));
  const summaries = timed(() => summariseAuthorities(frame.result));
  const baseline = timed(() => baselineLoop(frame.result));
  joinMs.push(frame.ms);
  summaryMs.push(summaries.ms);
  totalMs.push(frame.ms + summaries.ms);
  baselineMs.push(baseline.ms);
  authorities = summaries.result.length;
  checksum += baseline.result;
}

const f = (ms: number) => ms.toFixed(2);
const summaryMedian = median(summaryMs);
const baselineMedian = median(baselineMs);
console.log(
  `imd-summary: read + parse File 2 and File 6 (${domains.length} LSOAs): ${f(parse.ms)} ms (once)`,
);
console.log(
  `imd-summary: ${authorities} authorities × ${IOD_DOMAINS.length} domains × 4 measures, median of ${RUNS} runs:`,
);
console.log(`  join File 2 to File 6 into typed columns: ${f(median(joinMs))} ms`);
console.log(`  summaries:                                ${f(summaryMedian)} ms`);
const totalMedian = median(totalMs);
console.log(
  `  join + summaries:                         ${f(totalMedian)} ms (target ≤ 10 ms: ${totalMedian <= 10 ? 'met' : 'MISSED'})`,
);
console.log(
  `imd-summary: read + parse File 2 and File 6, first read: ${f(parse.ms)} ms (target ≤ 250 ms: ${parse.ms <= 250 ? 'met' : 'MISSED'}); splitting the same text on newlines and commas: ${f(split.ms)} ms → ${(parse.ms / split.ms).toFixed(1)}×`,
);
recordRow({
  id: 'read-file2-file6',
  measured: `${f(parse.ms)} ms (first read)`,
  baseline: `${(parse.ms / split.ms).toFixed(1)}× splitting the text on newlines and commas (${f(split.ms)} ms)`,
  met: parse.ms <= 250,
});
console.log(
  `  trivial baseline loop over the same data: ${f(baselineMedian)} ms → summaries are ${(summaryMedian / baselineMedian).toFixed(1)}× the baseline`,
);
recordRow({
  id: 'imd-summaries',
  measured: `median ${f(totalMedian)} ms (join ${f(median(joinMs))} + summaries ${f(summaryMedian)})`,
  baseline: `${(totalMedian / baselineMedian).toFixed(0)}× a trivial loop over the same arrays (${f(baselineMedian)} ms)`,
  met: totalMedian <= 10,
});
if (!Number.isFinite(checksum)) console.log('  (baseline checksum is not finite)');
