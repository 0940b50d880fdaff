// Benchmark: the rug model for 7,500 synthetic wards × 30 indicators × 2 benchmarks (each
// ward's local authority and England), at 95%. Runs on import. Prints the median build time
// of several runs, the same for a trivial loop over the same input rows in the same run, and
// their ratio. Target (issue 17): ≤ 30 ms and ≤ 4× the loop. Labels are written when read, so a second figure reads
// every cell's text and label too.
import { buildRug } from '../src/rug/build-rug.ts';
import type { BuildRugInput } from '../src/rug/rug-model.ts';
import { recordRow } from '../../../tooling/bench/rows.ts';
import { median, syntheticRug } from './_synthetic-rug.ts';

const AREAS = 7_500;
const COLUMNS = 30;
const WARMUP = 3;
const RUNS = 11;
const TARGET_MS = 30;
const TARGET_RATIO = 4;

const data = syntheticRug(AREAS, COLUMNS);
const input: BuildRugInput = {
  ...data,
  level: 'ward',
  benchmark: 'parent',
  confidence: 0.95,
  sort: { by: 'indicator', indicatorId: data.indicators[0]?.id ?? '', direction: 'desc' },
};

// The floor any implementation pays: touch every input row once.
function trivialLoop(): number {
  let sum = 0;
  for (const v of input.values) sum += (v.value ?? 0) + (v.numerator ?? 0) / (v.denominator ?? 1);
  return sum;
}

function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

let sink = 0;
for (let i = 0; i < WARMUP; i++) {
  sink += buildRug(input).rows.length;
  sink += trivialLoop();
}
const build: number[] = [];
const loop: number[] = [];
for (let i = 0; i < RUNS; i++) {
  build.push(time(() => (sink += buildRug(input).rows.length)));
  loop.push(time(() => (sink += trivialLoop())));
}
const readAll: number[] = [];
for (let i = 0; i < 3; i++) {
  readAll.push(
    time(() => {
      const rug = buildRug(input);
      for (const row of rug.rows)
        for (const cell of row.cells) sink += cell.text.length + cell.label.length;
    }),
  );
}

const buildMs = median(build);
const loopMs = median(loop);
const cells = AREAS * COLUMNS;
console.log(
  `rug: ${AREAS.toLocaleString('en-GB')} areas × ${COLUMNS} indicators × 2 benchmarks (${cells.toLocaleString('en-GB')} cells, ${input.values.length.toLocaleString('en-GB')} input rows)`,
);
console.log(
  `  buildRug median of ${RUNS}: ${buildMs.toFixed(1)} ms (min ${Math.min(...build).toFixed(1)}, max ${Math.max(...build).toFixed(1)})  target ≤ ${TARGET_MS} ms and ≤ ${TARGET_RATIO}× the loop: ${buildMs <= TARGET_MS && buildMs / loopMs <= TARGET_RATIO ? 'met' : 'MISSED'}`,
);
console.log(
  `  trivial loop over the same rows: ${loopMs.toFixed(2)} ms → ratio ${(buildMs / loopMs).toFixed(1)}×`,
);
console.log(
  `  build and read every cell's text and label: ${median(readAll).toFixed(1)} ms (median of 3)`,
);
recordRow({
  id: 'rug-model',
  measured: `median ${buildMs.toFixed(1)} ms`,
  baseline: `${(buildMs / loopMs).toFixed(1)}× a trivial loop over the same rows (${loopMs.toFixed(2)} ms)`,
  met: buildMs <= TARGET_MS && buildMs / loopMs <= TARGET_RATIO,
});
if (sink === -1) console.log('');
