// Runs every benchmark module in this folder (`*.bench.ts`), one after another, in name order.
// Benchmarks run on import and print their own figures; pass names to run only some:
//   node bench/run.ts rug wilson
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const folder = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(folder)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((o) => name.startsWith(o)))
  .sort();

for (const name of files) {
  console.log(`\n── ${name} ──`);
  const module: unknown = await import(pathToFileURL(`${folder}${name}`).href);
  // A module may also export run() instead of running on import.
  if (
    typeof module === 'object' &&
    module !== null &&
    'run' in module &&
    typeof module.run === 'function'
  ) {
    await (module.run as () => unknown)();
  }
}
