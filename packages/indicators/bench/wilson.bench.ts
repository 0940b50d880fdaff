// Benchmark: Wilson score intervals per second with the allocation-free wilsonColumns /
// wilsonInto, over 1,000,000 synthetic (events, denominator) pairs. Runs on import. Prints
// the median rate of several runs, the rate of a trivial loop over the same arrays in the
// same run, and their ratio. Target: at least 20 million intervals per second.
import { zFor } from '../src/stats/interval.ts';
import { wilson, wilsonColumns } from '../src/stats/wilson.ts';
import { median, random } from './_synthetic-rug.ts';

const N = 1_000_000;
const RUNS = 15;
const TARGET_PER_SECOND = 20e6;

const rand = random(7);
const numerators = new Float64Array(N);
const denominators = new Float64Array(N);
for (let i = 0; i < N; i++) {
  const n = 1 + Math.floor(rand() * 10_000);
  denominators[i] = n;
  numerators[i] = Math.floor(rand() * (n + 1));
}
const out = new Float64Array(2 * N);
const z = zFor(0.95);

// Same reads and writes, simplest arithmetic: the memory-bound floor.
function trivialLoop(): void {
  for (let i = 0; i < N; i++) {
    const p = (numerators[i] ?? 0) / (denominators[i] ?? 1);
    out[2 * i] = p;
    out[2 * i + 1] = p;
  }
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

for (let i = 0; i < 3; i++) {
  wilsonColumns(out, numerators, denominators, z);
  trivialLoop();
}
const fast: number[] = [];
const loop: number[] = [];
for (let i = 0; i < RUNS; i++) {
  fast.push(time(() => wilsonColumns(out, numerators, denominators, z)));
  loop.push(time(trivialLoop));
}
// The validating, object-returning wilson() for comparison, on a tenth of the data.
const objects: number[] = [];
let sink = 0;
for (let r = 0; r < 5; r++) {
  objects.push(
    time(() => {
      for (let i = 0; i < N / 10; i++)
        sink += wilson(numerators[i] ?? 0, denominators[i] ?? 1).upper;
    }),
  );
}

const fastMs = median(fast);
const loopMs = median(loop);
const perSecond = N / (fastMs / 1000);
console.log(`wilson: ${N.toLocaleString('en-GB')} intervals per run, 95%`);
console.log(
  `  wilsonColumns median of ${RUNS}: ${fastMs.toFixed(2)} ms → ${(perSecond / 1e6).toFixed(1)} million intervals/s  target ≥ 20 million/s: ${perSecond >= TARGET_PER_SECOND ? 'met' : 'MISSED'}`,
);
console.log(
  `  trivial loop over the same arrays: ${loopMs.toFixed(2)} ms → ${(N / (loopMs / 1000) / 1e6).toFixed(1)} million/s; ratio ${(fastMs / loopMs).toFixed(2)}×`,
);
console.log(
  `  wilson() with validation and a result object: ${(N / 10 / (median(objects) / 1000) / 1e6).toFixed(1)} million intervals/s`,
);
if (sink === -1) console.log('');
