// The rows of the speed table (issue 17) that `pnpm bench` prints at the end of its run. Each
// benchmark records the rows it measured with `recordRow`; the bootstrap (tooling/bootstrap/run.mjs)
// collects them from the file named by THRIVE_BENCH_ROWS and prints every row, measured or not,
// with its target, so a row missing from a run shows as missing instead of vanishing.
import { appendFileSync } from 'node:fs';

/** The rows, in the order the table prints them. */
export type BenchRowId =
  | 'rug-page'
  | 'profile-page'
  | 'api-rug'
  | 'rug-model'
  | 'imd-summaries'
  | 'read-file2-file6'
  | 'load-authority'
  | 'first-start';

/** One measured row: the figure as printed, the baseline it was compared with in the same run, and whether it meets the target. */
export interface BenchRow {
  readonly id: BenchRowId;
  /** The measured figure(s), e.g. "median 31.2 ms". */
  readonly measured: string;
  /** The same-run baseline and the ratio to it, e.g. "4.1× a trivial loop (7.6 ms)". */
  readonly baseline?: string;
  readonly met: boolean;
}

/** Records a row for the end-of-run table; prints nothing and does nothing outside `pnpm bench`. */
export function recordRow(row: BenchRow): void {
  const file = process.env.THRIVE_BENCH_ROWS;
  if (file) appendFileSync(file, `${JSON.stringify(row)}\n`);
}
