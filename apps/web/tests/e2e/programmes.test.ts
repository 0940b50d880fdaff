// A programme's board report in Chromium against the real built server. Residents (plain HTTP
// with their participant cookies) take part in a workshop on a drawn estate; an officer replies
// to their pins, then, in the browser, starts a programme on the estate, adds an objective, an
// update and a recorded output, and opens the engagement rug and the board report. The report's
// figures are checked against GET /api/programmes/:id/report digit for digit; it is printed to
// an A4 PDF (page.pdf) whose first page is turned into an image with pdftoppm; axe checks every
// new page; screenshots at 375, 768 and 1366 px go to test-results/screenshots/.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportBody } from '../../src/lib/programmes/api.ts';
import { countText, daysText, shareText } from '../../src/lib/programmes/format.ts';
import { expectNoSeriousViolations } from './a11y.ts';
import { addAccount } from './accounts.ts';
import { hasChromium, launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

const EMAIL = 'olive@example.org';
const PASSWORD = 'a long officer password';
const SIZES = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'phone', width: 375, height: 812 },
] as const;
// A small square near Hemel Hempstead, drawn as the estate's boundary.
const SQUARE = {
  type: 'Polygon',
  coordinates: [
    [
      [-0.47, 51.75],
      [-0.46, 51.75],
      [-0.46, 51.76],
      [-0.47, 51.76],
      [-0.47, 51.75],
    ],
  ],
};

const CLI = join(import.meta.dirname, '..', '..', '..', '..', 'apps/api/src/cli/main.ts');

/** Imports boundaries with the CLI, as the README says (`thrive import-boundaries FILE --level L`). */
function importBoundaries(pgliteDir: string, file: string, level: string): void {
  const env = { ...process.env, PGLITE_DIR: pgliteDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
  const run = spawnSync(process.execPath, [CLI, 'import-boundaries', file, '--level', level], {
    env,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`import-boundaries failed: ${run.stderr}`);
}

const slowly = <T>(read: () => T | Promise<T>) =>
  expect.poll(read, { timeout: 45_000, interval: 250 });

describe.skipIf(!hasChromium)('the board report of a programme, in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  let dataDir = '';
  let officer: BrowserContext;
  let page: Page;
  let estate = '';
  let programmeId = '';

  /** JSON from the API as the officer (a session cookie from signing in over HTTP). */
  let cookie = '';
  const api = async <T>(method: string, path: string, body?: unknown, who = cookie): Promise<T> => {
    const response = await fetch(`${server.origin}${path}`, {
      method,
      headers: {
        ...(who ? { cookie: who } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(
      300,
    );
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'thrive-e2e-programmes-'));
    const pglite = join(dataDir, 'pglite');
    addAccount(pglite, { role: 'officer', name: 'Olive', email: EMAIL, password: PASSWORD });
    // The LSOA under the estate, so pins fall in it and the population (IoD2019 File 6) is known.
    const lsoaFile = join(dataDir, 'lsoa.geojson');
    writeFileSync(
      lsoaFile,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: 'E01023345', name: 'Dacorum 013A' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [-0.48, 51.74],
                  [-0.45, 51.74],
                  [-0.45, 51.77],
                  [-0.48, 51.77],
                  [-0.48, 51.74],
                ],
              ],
            },
          },
        ],
      }),
    );
    importBoundaries(pglite, lsoaFile, 'lsoa');
    // No demo authorities: the estate is drawn, so the start is quick.
    server = await startServer({ PGLITE_DIR: pglite, LOAD_DEMO: 'false' });
    browser = await launchBrowser();
    officer = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    page = await officer.newPage();

    const login = await fetch(`${server.origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const workshop = await api<{ id: string; code: string; areaCode: string }>(
      'POST',
      '/api/workshops',
      {
        title: 'Meadow walkabout',
        boundary: SQUARE,
        estateName: 'Meadow Estate',
      },
    );
    estate = workshop.areaCode;
    // Eight residents give their age and pin; the last seven say "me too" to the first pin.
    const ages = ['25_44', '25_44', '25_44', '45_59', '45_59', '60_74', '16_24', '25_44'];
    const pins: string[] = [];
    const residents: string[] = [];
    for (const ageBand of ages) {
      const joined = await fetch(`${server.origin}/api/workshops/${workshop.code}/join`, {
        method: 'POST',
      });
      const resident = (joined.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      residents.push(resident);
      await fetch(`${server.origin}/api/workshops/${workshop.code}/me/about`, {
        method: 'PUT',
        headers: { cookie: resident, 'content-type': 'application/json' },
        body: JSON.stringify({ ageBand }),
      });
      const pin = await api<{ id: string }>(
        'POST',
        `/api/workshops/${workshop.code}/pins`,
        {
          id: randomUUID(),
          kind: 'issue',
          theme: 'safety',
          text: `The lights on path ${pins.length + 1} are out`,
          lon: -0.465,
          lat: 51.755,
        },
        resident,
      );
      pins.push(pin.id);
    }
    for (const resident of residents.slice(1))
      await api(
        'POST',
        `/api/workshops/${workshop.code}/pins/${pins[0]}/support`,
        undefined,
        resident,
      );
    // "You said, we did": five done, one planned.
    for (const id of pins.slice(0, 5))
      await api('POST', `/api/pins/${id}/responses`, {
        status: 'done',
        reply: 'New lights were fitted on the path.',
      });
    await api('POST', `/api/pins/${pins[5]}/responses`, {
      status: 'planned',
      reply: 'Lights are ordered.',
      expectedBy: '2027-01-31',
    });
    // A community KPI on the estate: the share of pins with a reply, adopted by the forum.
    const kpi = await api<{ id: string }>('POST', '/api/kpis', {
      areaCode: estate,
      title: 'Replies to residents',
      statement: 'We hear back when we raise something',
      method: 'pin_metric',
      tier: 'T3',
      ripple: 'public_services',
      direction: 'up',
      target: { value: 0.9, by: '2027' },
      pinMetric: { measure: 'share_answered' },
      minimumN: 5,
    });
    await api('POST', `/api/kpis/${kpi.id}/adoption`, {
      forum: 'Meadow Residents Forum',
      adoptedOn: '2026-11-01',
    });
  }, 360_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'signs the officer in and starts a programme on the estate through the form',
    { timeout: 120_000 },
    async () => {
      await page.goto(`${server.origin}/signin?next=%2Fprogrammes`);
      await page.locator('form.signin[data-hydrated="true"]').waitFor();
      await page.getByLabel('Email').fill(EMAIL);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByLabel('Password').press('Enter');
      await page.waitForURL(`${server.origin}/programmes`);
      await slowly(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(
        'Regeneration programmes',
      );
      // Sending it empty says what is missing, focused.
      await page.getByRole('button', { name: 'Start the programme' }).click();
      await slowly(() => page.getByRole('alert').textContent()).toContain(
        'Give the programme a name.',
      );
      await expectNoSeriousViolations(page);
      await page.getByLabel('Name').fill('Meadow Regeneration');
      await page.getByLabel('Starts on').fill('2026-04-01');
      await page.getByLabel('Estates or wards').fill(estate);
      await page.getByRole('button', { name: 'Start the programme' }).click();
      await page.waitForURL(/\/programmes\/[0-9a-f-]{36}$/);
      programmeId = page.url().split('/').at(-1) ?? '';
      await slowly(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(
        'Meadow Regeneration',
      );
    },
  );

  it(
    'adds an objective, a dated update and a recorded output, and shows the engagement rug',
    { timeout: 120_000 },
    async () => {
      await page
        .getByLabel('New objective under People')
        .fill('Residents shape the new community hub');
      await page.getByRole('button', { name: 'Add objective' }).first().click();
      await slowly(() => page.getByText('Residents shape the new community hub').count()).toBe(1);
      await page.getByLabel('Update date').fill('2026-11-20');
      await page
        .getByLabel('Update', { exact: true })
        .fill('49 residents have taken part in co-design events.');
      await page.getByRole('button', { name: 'Add update' }).click();
      await slowly(() =>
        page.getByText('49 residents have taken part in co-design events.').count(),
      ).toBe(1);
      await page.getByLabel('What was counted').fill('People into paid work');
      await page.getByLabel('Count', { exact: true }).fill('559');
      await page.getByLabel('Date', { exact: true }).fill('2026-10-31');
      await page.getByLabel('Source').fill('Employment support provider returns');
      await page.getByRole('button', { name: 'Record output' }).click();
      await slowly(() => page.getByRole('cell', { name: '559' }).count()).toBe(1);
      // The engagement rug: the estate against the programme's own average.
      const rug = page.getByRole('table').filter({ hasText: 'Participants /1,000' });
      await slowly(() => rug.getByRole('rowheader').allTextContents()).toEqual(
        expect.arrayContaining(['Meadow Estate', 'Meadow Regeneration average benchmark']),
      );
      await expectNoSeriousViolations(page);
      await page.screenshot({ path: screenshotPath('programme-page-1366'), fullPage: true });
    },
  );

  it(
    'shows the board report with every number as the API gives it',
    { timeout: 120_000 },
    async () => {
      const report = await api<ReportBody>(
        'GET',
        `/api/programmes/${programmeId}/report`,
        undefined,
        '',
      );
      await page.goto(`${server.origin}/programmes/${programmeId}/report`);
      await slowly(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(
        'Meadow Regeneration',
      );
      const total = report.engagement.total;
      expect(total.participants).toBe(8);
      expect(total.changesMade).toBe(5);
      const row = (label: string) =>
        page
          .getByTestId('engagement-table')
          .getByRole('row')
          .filter({ hasText: label })
          .getByRole('cell');
      expect(await row('Participants per').count()).toBe(2);
      expect((await row('Participants').first().textContent())?.trim()).toBe(
        countText(total.participants),
      );
      expect((await row('Pins with a').first().textContent())?.trim()).toBe(
        shareText(total.responseShare),
      );
      expect((await row('Median time to a reply').first().textContent())?.trim()).toBe(
        daysText(total.medianDaysToReply),
      );
      expect((await row('Changes made').first().textContent())?.trim()).toBe(
        countText(total.changesMade),
      );
      expect((await row('“Me too” support').first().textContent())?.trim()).toBe('7');
      // Nobody under 16 and nobody 60+ beyond one resident: who is not heard is named.
      expect(await page.getByTestId('not-heard').textContent()).toContain(
        'nobody aged 0–15 has taken part',
      );
      expect(await page.getByText('New lights were fitted on the path.').count()).toBe(5);
      // The KPI with its status as the API judged it.
      expect(report.kpis.map((k) => [k.title, k.status])).toEqual([
        ['Replies to residents', 'off_track'],
      ]);
      // 6 of 8 pins replied: the 2 without a reply would show, so the share is held back.
      const kpiRow = await page
        .getByRole('row')
        .filter({ hasText: 'Replies to residents' })
        .textContent();
      expect(kpiRow).toContain('Off target');
      expect(kpiRow).toContain('not shown (fewer than 5)');
      expect(await page.getByText('recorded, not measured', { exact: true }).count()).toBe(1);
      expect(await page.getByRole('cell', { name: '559' }).count()).toBe(1);
      await expectNoSeriousViolations(page);
    },
  );

  it('looks right at phone, tablet and desktop widths', { timeout: 120_000 }, async () => {
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.reload();
      await slowly(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(
        'Meadow Regeneration',
      );
      // Nothing wider than the screen but the scrollable engagement table.
      const overflowing = await page.evaluate(() =>
        document.documentElement.scrollWidth <= window.innerWidth + 1
          ? []
          : [...document.querySelectorAll('main *')]
              .filter(
                (el) =>
                  el.getBoundingClientRect().right > window.innerWidth + 1 &&
                  !el.closest('.scroll'),
              )
              .map((el) => `${el.tagName}.${el.className}`)
              .slice(0, 5),
      );
      expect(overflowing).toEqual([]);
      await expectNoSeriousViolations(page);
      await page.screenshot({
        path: screenshotPath(`programme-report-${size.width}`),
        fullPage: true,
      });
      await page.getByTestId('engagement-table').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`programme-report-${size.width}-engagement`) });
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it(
    'prints to an A4 PDF without the site chrome, its first page turned into an image',
    { timeout: 120_000 },
    async () => {
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      expect(await page.locator('.controls').isVisible()).toBe(false);
      await page.screenshot({ path: screenshotPath('programme-report-print'), fullPage: true });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      await page.emulateMedia({ media: 'screen' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const pdfPath = screenshotPath('programme-report').replace(/\.png$/, '.pdf');
      writeFileSync(pdfPath, pdf);
      // A4 is 595 × 842 points.
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45][.\d]* 84[12][.\d]*\]/);
      const image = pdfPath.replace(/\.pdf$/, '-page1');
      const converted = spawnSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        pdfPath,
        image,
      ]);
      if (converted.error) {
        // Without poppler the print-emulated screenshot above is the image to look at.
        process.stderr.write('thrive: pdftoppm not found; look at programme-report-print.png\n');
        return;
      }
      expect(converted.status).toBe(0);
      expect(existsSync(`${image}.png`) && statSync(`${image}.png`).size).toBeGreaterThan(10_000);
    },
  );
});
