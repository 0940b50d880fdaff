// The estate rug with a community-defined KPI column, in Chromium: an officer draws an estate
// for a workshop in Dacorum, residents answer its survey (plain HTTP, as their phones would), a
// forum adopts a KPI on it, and /rug?level=estate shows the KPI beside the deprivation columns.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { expectNoSeriousViolations } from './a11y.ts';
import { addAccount } from './accounts.ts';
import { hasChromium, launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

const DACORUM = 'E07000096';
const WARD = 'E05004691';
const EMAIL = 'esme@example.org';
const PASSWORD = 'a long officer password';
const RUG = `/rug?parent=${DACORUM}&level=estate`;
const RESIDENTS = 30;
const AGREEING = 24; // 80%, above the 70% target; 30 answers reach the survey minimum of 30
const SETTLE = { timeout: 45_000, interval: 250 };

describe.skipIf(!hasChromium)('the estate rug with a community-defined KPI, in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  let dataDir = '';
  let cookie = '';
  let estate = '';

  /** A JSON request as the officer (same origin, session cookie). */
  async function officer<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(server.origin + path, {
      method,
      headers: { cookie, origin: server.origin, 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(
      300,
    );
    return (await response.json()) as T;
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'thrive-e2e-estate-rug-'));
    const pglite = join(dataDir, 'pglite');
    addAccount(pglite, { role: 'officer', name: 'Esme', email: EMAIL, password: PASSWORD });
    [server, browser] = await Promise.all([startServer({ PGLITE_DIR: pglite }), launchBrowser()]);
    // The demo authorities load on first start: wait for Dacorum's ward.
    const deadline = Date.now() + 240_000;
    // On a busy machine the server may still be starting (refusing connections) when startServer gives up waiting.
    const loaded = () =>
      fetch(`${server.origin}/api/areas/${WARD}`).then(
        (r) => r.status === 200,
        () => false,
      );
    while (!(await loaded())) {
      if (Date.now() > deadline) throw new Error(`${WARD} was not loaded in 240 s`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const login = await fetch(`${server.origin}/api/auth/login`, {
      method: 'POST',
      headers: { origin: server.origin, 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^thrive_session=/);

    // An estate of about 300 m square at the middle of a Dacorum ward, drawn for a workshop.
    const ward = await officer<{ bbox: number[] }>('GET', `/api/areas/${WARD}`);
    const [minx = 0, miny = 0, maxx = 0, maxy = 0] = ward.bbox;
    const [x, y] = [(minx + maxx) / 2, (miny + maxy) / 2];
    const ring = [
      [x - 0.002, y - 0.0015],
      [x + 0.002, y - 0.0015],
      [x + 0.002, y + 0.0015],
      [x - 0.002, y + 0.0015],
      [x - 0.002, y - 0.0015],
    ];
    const workshop = await officer<{ areaCode: string }>('POST', '/api/workshops', {
      title: 'Have your say: Orchard estate',
      estateName: 'Orchard estate',
      boundary: { type: 'Polygon', coordinates: [ring] },
    });
    estate = workshop.areaCode;
    expect(estate).toMatch(/^EST-/);

    // Residents answer the estate's survey, each from their own phone (their own participant).
    const survey = await officer<{ id: string; questions: { id: string }[] }>(
      'POST',
      '/api/surveys',
      {
        title: 'Orchard estate survey',
        areaCode: estate,
        questions: [
          { text: 'I feel safe walking through the estate after dark.', scale: 'agree5' },
        ],
      },
    );
    await officer('POST', `/api/surveys/${survey.id}/waves`, { period: '2026' });
    const questionId = survey.questions[0]?.id ?? '';
    for (let i = 0; i < RESIDENTS; i++) {
      const joined = await fetch(`${server.origin}/api/surveys/${survey.id}/join`, {
        method: 'POST',
        headers: { origin: server.origin },
      });
      expect(joined.status).toBe(201);
      const participant = (joined.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const answered = await fetch(`${server.origin}/api/surveys/${survey.id}/responses`, {
        method: 'POST',
        headers: { cookie: participant, origin: server.origin, 'content-type': 'application/json' },
        body: JSON.stringify({
          id: randomUUID(),
          answers: [{ questionId, value: i < AGREEING ? 4 : 2 }],
        }),
      });
      expect(answered.status, await answered.clone().text()).toBeLessThan(300);
    }

    const kpi = await officer<{ id: string }>('POST', '/api/kpis', {
      areaCode: estate,
      title: 'Safe after dark',
      statement: 'I feel safe walking through the estate after dark.',
      method: 'survey',
      tier: 'T2',
      ripple: 'place',
      direction: 'up',
      target: { value: 0.7, by: '2028' },
      surveyQuestionId: questionId,
    });
    await officer('POST', `/api/kpis/${kpi.id}/adoption`, {
      forum: 'Orchard Residents’ Forum',
      adoptedOn: '2026-11-20',
    });
  }, 420_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function openRug(viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    onTestFinished(() => context.close());
    const page = await context.newPage();
    const response = await page.goto(server.origin + RUG);
    expect(response?.status()).toBe(200);
    await page.locator('table[data-hydrated="true"]').waitFor({ timeout: 60_000 });
    return page;
  }

  it(
    'shows the estate as a row with its deprivation columns from its LSOAs',
    { timeout: 120_000 },
    async () => {
      const page = await openRug({ width: 1366, height: 900 });
      const row = page.locator(`tbody.areas tr[data-code="${estate}"]`);
      expect(await row.locator('th').textContent()).toContain('Orchard estate');
      // The IMD average rank is a number, made from the LSOAs under the estate, which are listed.
      expect(await row.locator('td[data-c="0"]').textContent()).toMatch(/\d/);
      expect(await page.getByTestId('composition').textContent()).toMatch(
        /Orchard estate:\s+E01\d+/,
      );
      expect(await page.locator('tbody.benchmarks th[scope="row"]').allTextContents()).toEqual([
        expect.stringContaining('Dacorum'),
        expect.stringContaining('England'),
      ]);
    },
  );

  it(
    'adds the adopted KPI as a column marked community-defined, with its status in words',
    { timeout: 120_000 },
    async () => {
      const page = await openRug({ width: 1366, height: 900 });
      const heading = page.locator('thead th[data-kpi-column]');
      expect(await heading.count()).toBe(1);
      expect(await heading.textContent()).toContain('Community-defined');
      expect(await heading.textContent()).toContain('Safe after dark');
      expect(await page.getByTestId('kpi-theme').textContent()).toContain("residents' own targets");
      const cell = page.locator(`tbody.areas tr[data-code="${estate}"] td[data-kpi]`);
      expect(await cell.textContent()).toContain('On track');
      expect(await cell.getAttribute('data-token')).toBe('kpi_on_track');
      expect(await cell.getAttribute('aria-label')).toMatch(
        /80%.*on track against the residents' own target of 70% or more by 2028/,
      );
      expect(await page.getByTestId('kpi-legend').textContent()).toContain(
        'not a comparison with the authority or England',
      );

      // Reached by keyboard like every cell: focus the row's first cell, End goes to the KPI cell.
      await page.locator(`tbody.areas tr[data-code="${estate}"] td[data-c="0"]`).focus();
      await page.keyboard.press('End');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-kpi')), SETTLE)
        .toBeTruthy();
      await expect
        .poll(
          () => page.locator('[role="tooltip"], #rug-cell-details').first().textContent(),
          SETTLE,
        )
        .toContain('In residents’ words');

      await expectNoSeriousViolations(page, { exclude: ['.maplibregl-canvas'] });
      await page.keyboard.press('Escape');
      await page.screenshot({ path: screenshotPath('estate-rug-1366'), fullPage: true });
    },
  );

  it(
    'reads on a phone: the KPI column is reachable and the page passes axe',
    { timeout: 120_000 },
    async () => {
      const page = await openRug({ width: 375, height: 812 });
      const heading = page.locator('thead th[data-kpi-column]');
      // Swiped to the end of the table, past the sticky estate names, the KPI column shows whole.
      await page.locator('.scroller').evaluate((box) => box.scrollTo({ left: box.scrollWidth }));
      await expect.poll(() => heading.isVisible(), SETTLE).toBe(true);
      await page.locator('.scroller').scrollIntoViewIfNeeded();
      await expectNoSeriousViolations(page, { exclude: ['.maplibregl-canvas'] });
      await page.screenshot({ path: screenshotPath('estate-rug-375') });
    },
  );
});
