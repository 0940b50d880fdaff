// Web budgets (`pnpm bench` in apps/web): figures printed, never asserted. Needs a build
// (turbo runs `vite build` before `bench`; THRIVE_WEB_OUT=x reads build-x as vite.config.ts
// writes it) and, for the timings, Chromium (see tests/e2e/browser.ts).
//  1. JavaScript the rug page loads before the map, gzip-sized from the build; budget 120 KB.
//     The set is what the server-rendered HTML starts (modulepreloads, the inline start-up
//     imports) with everything those import statically, plus, in Chromium, every script the
//     page requested before its "rug-table-filled" mark (SvelteKit's start-up and error-page
//     chunks are imported dynamically). MapLibre's chunk is listed apart, with a check that it
//     is not in that set.
//  2. Navigation start → the filled table painted in Chromium (Element Timing of the first row,
//     elementtiming="rug-table-painted" / "profile-painted": the table is in the server-rendered
//     HTML, so this needs no script), for the Dacorum rug and a ward profile; target ≤ 400 ms
//     each (issue 17). The page's own "filled" mark (after hydration) is printed beside it, and
//     two same-run baselines from a bare Node server (bench/bare-pages.ts): a one-line page (this
//     browser's floor on this machine) and the page's own HTML with its scripts taken out.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { hasChromium, launchBrowser } from '../tests/e2e/browser.ts';
import { startServer } from '../tests/e2e/server.ts';
import { startBarePages } from './bare-pages.ts';
import { recordRow, type BenchRowId } from '../../../tooling/bench/rows.ts';

const WEB = join(import.meta.dirname, '..');
const OUT = process.env.THRIVE_WEB_OUT;
const BUILD = join(WEB, OUT ? `build-${OUT}` : 'build');
const CLIENT = join(BUILD, 'client');
const MANIFEST = join(
  WEB,
  OUT ? `.svelte-kit-${OUT}` : '.svelte-kit',
  'output',
  'client',
  '.vite',
  'manifest.json',
);
const TARGET_MS = 400;
const RUG = '/rug?parent=E07000096&level=ward';
const BUDGET_KB = 120;
const RUNS = 5;

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const gzipped = (file: string) => gzipSync(readFileSync(join(CLIENT, file)), { level: 9 }).length;
const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** Static imports of a built module ("./x.js", "../chunks/y.js"), as paths under the client root. */
function staticImports(file: string): string[] {
  const code = readFileSync(join(CLIENT, file), 'utf8');
  const dir = file.slice(0, file.lastIndexOf('/') + 1);
  const found: string[] = [];
  // `import{a}from"./x.js"`, `import"./x.js"`, `export{b}from"./y.js"`; not `import("./z.js")`.
  for (const match of code.matchAll(
    /\b(?:import|export)\s*(?:[^'"();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g,
  )) {
    found.push(new URL(match[1]!, `file:///${dir}`).pathname.slice(1));
  }
  return found;
}

/** A set of modules and everything they import statically. */
function closure(roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(file));
  }
  return seen;
}

/** A URL of the page (relative, as SvelteKit writes them, or absolute) as a path under the client root. */
const clientPath = (url: string) => new URL(url, 'http://page/rug').pathname.slice(1);

/** The modules a server-rendered page starts: its modulepreloads and the inline start-up imports. */
function initialModules(html: string): string[] {
  const urls = [
    ...[...html.matchAll(/<link\b[^>]*>/g)]
      .filter((m) => m[0].includes('modulepreload'))
      .map((m) => /href="([^"]+)"/.exec(m[0])?.[1] ?? ''),
    ...[...html.matchAll(/import\(\s*"([^"]+\.js)"\s*\)/g)].map((m) => m[1]!),
  ];
  return [...new Set(urls.filter(Boolean).map(clientPath))];
}

/** Scripts a cold load of the page requests before its mark, and after it. */
async function scriptsAround(
  browser: Browser,
  url: string,
  mark: string,
): Promise<{ before: string[]; after: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, {
      timeout: 15_000,
    });
    // The map has drawn, so its chunk has been requested too.
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 30_000 });
    const { marked, scripts } = await page.evaluate(
      (name) => ({
        marked: performance.getEntriesByName(name)[0]!.startTime,
        scripts: performance
          .getEntriesByType('resource')
          .filter((r) => r.name.endsWith('.js'))
          .map((r) => ({ url: r.name, start: r.startTime })),
      }),
      mark,
    );
    return {
      before: scripts.filter((s) => s.start < marked).map((s) => clientPath(s.url)),
      after: scripts.filter((s) => s.start >= marked).map((s) => clientPath(s.url)),
    };
  } finally {
    await context.close();
  }
}

if (!existsSync(join(BUILD, 'handler.js'))) {
  console.log(
    `No web build at ${BUILD}: \`pnpm bench\` builds it first (turbo); alone, run \`vite build\` in apps/web.`,
  );
  process.exit(1);
}

const server = await startServer({ WEB_BUILD_DIR: BUILD });
const browser = hasChromium ? await launchBrowser() : null;
const bare = await startBarePages();
try {
  const html = await (await fetch(server.origin + RUG)).text();
  const observed = browser
    ? await scriptsAround(browser, server.origin + RUG, 'rug-table-filled')
    : null;
  const initial = closure([...initialModules(html), ...(observed?.before ?? [])]);
  const sizes = [...initial]
    .map((file) => ({ file, gz: gzipped(file) }))
    .sort((a, b) => b.gz - a.gz);
  const total = sizes.reduce((sum, s) => sum + s.gz, 0);

  console.log(
    `\n── /rug: JavaScript before the map (gzip -9)${observed ? '' : ', from the HTML only (no Chromium)'} ──`,
  );
  for (const { file, gz } of sizes) console.log(`  ${kb(gz).padStart(7)} KB  ${file}`);
  console.log(
    `  ${kb(total).padStart(7)} KB  in ${sizes.length} modules — budget ${BUDGET_KB} KB: ${total <= BUDGET_KB * 1024 ? 'within' : 'OVER'}`,
  );

  console.log(`\n── the map, loaded after the table ──`);
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, { file: string }>;
  const mapEntry = manifest['src/lib/map/Map.svelte'];
  if (!mapEntry) console.log('  Map.svelte is not in the build manifest.');
  else {
    const lazy = [...closure([mapEntry.file])].filter((file) => !initial.has(file));
    for (const file of lazy) {
      const mapLibre = readFileSync(join(CLIENT, file), 'utf8').includes('maplibre');
      const when = observed
        ? observed.after.includes(file)
          ? ', requested after the mark'
          : ', not seen requested'
        : '';
      console.log(
        `  ${kb(gzipped(file)).padStart(7)} KB  ${file}${mapLibre ? '  (MapLibre)' : ''}${when}`,
      );
    }
    const leaked = [...initial].filter((file) =>
      readFileSync(join(CLIENT, file), 'utf8').includes('maplibre'),
    );
    console.log(
      `  MapLibre in the initial set: ${leaked.length === 0 ? 'no' : `YES (${leaked.join(', ')})`}`,
    );
  }

  if (!browser) {
    console.log('\nNo Chromium: timings skipped.');
    for (const id of ['rug-page', 'profile-page'] as const)
      recordRow({ id, measured: 'not measured: no Chromium', met: false });
  } else {
    /** Navigation start → the element marked elementtiming="<painted>" painted, and the page's own mark if it has one. */
    const timeTo = async (
      url: string,
      painted: string,
      mark?: string,
    ): Promise<{ painted: number; mark: number; fcp: number } | string> => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
      try {
        await page.goto(url);
        if (mark)
          await page.waitForFunction(
            (name) => performance.getEntriesByName(name).length > 0,
            mark,
            {
              timeout: 15_000,
            },
          );
        // The first paint can come after the mark (hydration may finish before the first frame).
        await page
          .waitForFunction(
            () => performance.getEntriesByName('first-contentful-paint').length > 0,
            null,
            {
              timeout: 5_000,
            },
          )
          .catch(() => undefined);
        return await page.evaluate(
          ({ painted, mark }) =>
            // Element Timing: when the element marked elementtiming="<painted>" was painted, which
            // for a server-rendered table is before any script has run.
            new Promise<{ painted: number; mark: number; fcp: number }>((resolve, reject) => {
              const observer = new PerformanceObserver((list) => {
                const entry = list
                  .getEntries()
                  .find(
                    (e) => (e as PerformanceEntry & { identifier?: string }).identifier === painted,
                  );
                if (!entry) return;
                observer.disconnect();
                const fcp =
                  performance.getEntriesByName('first-contentful-paint')[0]?.startTime ??
                  Number.NaN;
                const timing = entry as PerformanceEntry & { renderTime?: number };
                resolve({
                  painted: timing.renderTime || entry.startTime,
                  mark: mark ? performance.getEntriesByName(mark)[0]!.startTime : Number.NaN,
                  fcp,
                });
              });
              observer.observe({ type: 'element', buffered: true });
              setTimeout(() => reject(new Error(`no element timing "${painted}"`)), 5_000);
            }),
          { painted, mark },
        );
      } catch (problem) {
        return `no ${mark ? `"${mark}" mark or ` : ''}"${painted}" paint within 15 s${problems.length ? `: ${problems[0]}` : ''} (${String(problem).split('\n')[0]})`;
      } finally {
        await context.close();
      }
    };

    /** Median paint of `url`'s marked element over RUNS cold loads, or why it could not be timed. */
    const medianPaint = async (url: string, painted: string): Promise<number | string> => {
      const paints: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const result = await timeTo(url, painted);
        if (typeof result === 'string') return result;
        paints.push(result.painted);
      }
      return median(paints);
    };

    const report = async (
      title: string,
      path: string,
      painted: string,
      mark: string,
      target: number,
      id: BenchRowId,
    ) => {
      console.log(
        `\n── ${title}: navigation start → the filled table painted ("${painted}"), and interactive ("${mark}") (${RUNS} cold loads, ms) ──`,
      );
      const paints: number[] = [];
      const marks: number[] = [];
      const fcps: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const result = await timeTo(server.origin + path, painted, mark);
        if (typeof result === 'string') {
          console.log(`  ${result}`);
          recordRow({ id, measured: result, met: false });
          return;
        }
        paints.push(result.painted);
        marks.push(result.mark);
        fcps.push(result.fcp);
      }
      const m = median(paints);
      console.log(`  painted: runs ${paints.map((x) => x.toFixed(0)).join(', ')}`);
      console.log(`  interactive: runs ${marks.map((x) => x.toFixed(0)).join(', ')}`);
      console.log(
        `  median: painted ${m.toFixed(0)} ms, first contentful paint ${median(fcps).toFixed(0)} ms, interactive ${median(marks).toFixed(0)} ms — target ≤ ${target} ms painted: ${m <= target ? 'met' : 'MISSED'}`,
      );
      // Same-run baselines, served by a bare Node server: what this browser on this machine takes
      // to paint a one-line page (the floor for any page), and to paint this page's own
      // server-rendered HTML with its scripts taken out (what the markup alone costs).
      const floor = await medianPaint(bare.pageWith(painted), painted);
      const html = await (await fetch(server.origin + path)).text();
      const markup = await medianPaint(bare.pageFrom(html), painted);
      const ms = (x: number | string) => (typeof x === 'number' ? `${x.toFixed(0)} ms` : x);
      console.log(
        `  same run, bare Node server: a one-line page painted ${ms(floor)}; this page's HTML without its scripts ${ms(markup)}`,
      );
      recordRow({
        id,
        measured: `median ${m.toFixed(0)} ms painted (FCP ${median(fcps).toFixed(0)}, interactive ${median(marks).toFixed(0)})`,
        baseline:
          typeof floor === 'number'
            ? `${(m / floor).toFixed(1)}× a one-line page's paint (${floor.toFixed(0)} ms); its HTML without scripts ${ms(markup)}`
            : `no baseline: ${floor}`,
        met: m <= target,
      });
    };

    await report(
      '/rug, Dacorum',
      RUG,
      'rug-table-painted',
      'rug-table-filled',
      TARGET_MS,
      'rug-page',
    );
    const wards = (await (
      await fetch(`${server.origin}/api/areas?level=ward&parent=E07000096&simplify=0`)
    ).json()) as { features: { id: string }[] };
    const ward = wards.features[0]?.id;
    if (ward)
      await report(
        `/areas/${ward}`,
        `/areas/${ward}`,
        'profile-painted',
        'profile-filled',
        TARGET_MS,
        'profile-page',
      );
  }
} finally {
  await browser?.close();
  await bare.close();
  await server.stop();
}
