import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { expectNoSeriousViolations } from './a11y.ts';
import { hasChromium, launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

// Dacorum is one of the demo authorities loaded on first start: 25 wards.
const DACORUM = 'E07000096';
const RUG = `/rug?parent=${DACORUM}&level=ward`;
const WARDS = 25;
// What the page does after a click or key (a client-side navigation, a re-render) takes its
// time on a busy machine: wait for the state for up to this long, never for a fixed time.
const SETTLE = { timeout: 15_000, interval: 100 };

describe.skipIf(!hasChromium)('the tartan rug in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /**
   * Opens the rug and waits until it is hydrated: the table says so (data-hydrated) once the
   * router handles the controls in place; before that a sort would reload the page.
   */
  async function openRug(path = RUG, viewport = { width: 1366, height: 768 }): Promise<Page> {
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    onTestFinished(() => context.close());
    const page = await context.newPage();
    const response = await page.goto(server.origin + path);
    expect(response?.status()).toBe(200);
    await page.waitForFunction(() => performance.getEntriesByName('rug-table-filled').length > 0);
    await page.locator('table[data-hydrated="true"]').waitFor({ timeout: 30_000 });
    return page;
  }

  const wardNames = (page: Page) => page.locator('tbody.areas th[scope="row"]').allTextContents();
  const columnTexts = (page: Page, column: number) =>
    page.locator(`tbody.areas td[data-c="${column}"]`).allTextContents();
  const tokens = (page: Page) =>
    page
      .locator('tbody td[data-token]')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-token')));
  const numberIn = (text: string) => Number(text.replace(/[^0-9.-]/g, ''));

  it('renders the rug on the server: 25 ward rows, then the authority and England', async () => {
    const html = await (await fetch(server.origin + RUG)).text();
    expect(html.match(/<tr data-code="E05/g)).toHaveLength(WARDS);

    const page = await openRug();
    expect(await page.locator('tbody.areas tr').count()).toBe(WARDS);
    expect(await page.locator('tbody.benchmarks th[scope="row"]').allTextContents()).toEqual([
      expect.stringContaining('Dacorum'),
      expect.stringContaining('England'),
    ]);
    expect(await page.locator('caption').textContent()).toContain('25 wards of Dacorum');
    // Theme groups over the column headers, each column header sortable.
    expect(await page.locator('th[scope="colgroup"]').allTextContents()).toEqual(
      expect.arrayContaining(['Deprivation', 'Health', 'Housing', 'Community needs']),
    );
    expect(await page.locator('thead th[scope="col"] button').count()).toBeGreaterThan(20);
    // A ward name links to its profile.
    expect(await page.locator('tbody.areas th a').first().getAttribute('href')).toMatch(
      /^\/areas\/E05\d+$/,
    );
  });

  it('colours every cell from the palette and writes its value and symbol as text', async () => {
    const page = await openRug();
    const cells = await page.locator('tbody td[data-token]').evaluateAll((all) =>
      all.map((td) => ({
        token: td.dataset.token,
        text: td.textContent?.trim(),
        background: getComputedStyle(td).backgroundColor,
        label: td.getAttribute('aria-label'),
      })),
    );
    expect(cells.length).toBe((WARDS + 2) * 28);
    for (const cell of cells) {
      expect(cell.text).not.toBe('');
      expect(cell.label).toBeTruthy();
    }
    const worse = cells.find((c) => c.token === 'worse');
    expect(worse?.background).toBe('rgb(230, 159, 0)'); // palette.worse #E69F00
    expect(worse?.text).toMatch(/[▲▼]$/);
    expect(new Set(cells.map((c) => c.background)).size).toBeGreaterThan(5);
  });

  it('sorts by a column on click, ascending then descending, missing values last', async () => {
    const page = await openRug();
    const before = await wardNames(page);
    const header = page.locator('th[data-column="income_deprivation_rate"]');
    await header.locator('button').click();
    await expect.poll(() => header.getAttribute('aria-sort'), SETTLE).toBe('ascending');
    const ascending = (await columnTexts(page, 2)).map(numberIn);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(await wardNames(page)).not.toEqual(before);
    expect(page.url()).toContain('sort=income_deprivation_rate%3Aasc');

    await header.locator('button').click();
    await expect.poll(() => header.getAttribute('aria-sort'), SETTLE).toBe('descending');
    const descending = (await columnTexts(page, 2)).map(numberIn);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
  });

  it('sorts with the keyboard alone: Tab to a sort button, Enter, focus stays on it', async () => {
    const page = await openRug();
    const before = await wardNames(page);
    const focusedColumn = () =>
      page.evaluate(() => document.activeElement?.closest('th')?.dataset.column ?? null);
    for (
      let presses = 0;
      presses < 80 && (await focusedColumn()) !== 'imd_average_rank';
      presses += 1
    )
      await page.keyboard.press('Tab');
    expect(await focusedColumn()).toBe('imd_average_rank');

    await page.keyboard.press('Enter');
    const header = page.locator('th[data-column="imd_average_rank"]');
    await expect.poll(() => header.getAttribute('aria-sort'), SETTLE).toBe('ascending');
    const after = await wardNames(page);
    expect(after).not.toEqual(before);
    expect(await focusedColumn()).toBe('imd_average_rank');

    await page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort'), SETTLE).toBe('descending');
    expect(await wardNames(page)).toEqual([...after].reverse());
  });

  it('filters wards by name', async () => {
    const page = await openRug();
    await page.getByLabel('Filter wards by name').fill('berkhamsted');
    await expect
      .poll(() => wardNames(page), SETTLE)
      .toEqual(['Berkhamsted Castle', 'Berkhamsted East', 'Berkhamsted West']);
    expect(await page.getByTestId('row-count').textContent()).toBe('Showing 3 of 25 wards');
    expect(await page.locator('tbody.benchmarks tr').count()).toBe(2);
  });

  it('re-colours the cells when the benchmark switches from Dacorum to England', async () => {
    const page = await openRug();
    const againstDacorum = await tokens(page);
    await page.getByRole('radio', { name: 'England' }).check();
    await page.waitForURL(/benchmark=england/);
    await expect
      .poll(() => page.locator('caption').textContent(), SETTLE)
      .toContain('compared with England');
    const againstEngland = await tokens(page);
    expect(againstEngland).toHaveLength(againstDacorum.length);
    const changed = againstEngland.findIndex((token, i) => token !== againstDacorum[i]);
    expect(changed).toBeGreaterThanOrEqual(0);
    // The confidence switch applies the same way.
    await page.getByRole('radio', { name: '99.8%' }).check();
    await page.waitForURL(/confidence=99\.8/);
    await expect
      .poll(() => page.locator('caption').textContent(), SETTLE)
      .toContain('99.8% confidence');
  });

  it('shows a cell’s details on focus and hover, moves with arrow keys, closes with Escape', async () => {
    const page = await openRug();
    const tip = page.getByRole('tooltip');
    await page.locator('tbody td[tabindex="0"]').focus();
    await expect.poll(() => tip.textContent(), SETTLE).toContain('Method');
    const first = await tip.textContent();
    expect(first).toContain('Dacorum');
    expect(first).toContain('England');
    expect(await page.locator('tbody td[tabindex="0"]').getAttribute('aria-describedby')).toBe(
      await tip.getAttribute('id'),
    );

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.c)).toBe('2');
    await expect.poll(() => tip.textContent(), SETTLE).toContain('95% CI');
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.count(), SETTLE).toBe(0);

    await page.locator('tbody.areas td[data-c="2"]').nth(3).hover();
    await expect.poll(() => tip.textContent(), SETTLE).toContain('Count');
  });

  it('offers the CSV the API serves for the same choices', async () => {
    const page = await openRug();
    const href = await page.getByTestId('rug-csv').getAttribute('href');
    expect(href).toBe(`/api/rug.csv?parent=${DACORUM}&level=ward&benchmark=parent&confidence=95`);
    const inPage = await page.evaluate(async (url) => (await fetch(url)).text(), href!);
    const direct = await (
      await fetch(`${server.origin}/api/rug.csv?parent=${DACORUM}&level=ward`)
    ).text();
    expect(inPage).toBe(direct);
    expect(inPage).toContain('Adeyfield East');
  });

  it('exports the rug as an SVG image and a PNG', async () => {
    const page = await openRug();
    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Image (SVG)' }).click(),
    ]);
    expect(svgDownload.suggestedFilename()).toBe(`rug-${DACORUM}-ward-parent-95.svg`);
    const svg = await readFile((await svgDownload.path())!, 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror') !== null,
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
      };
    }, svg);
    expect(parsed.error).toBe(false);
    const names = await wardNames(page);
    for (const name of names) expect(parsed.texts).toContain(name);

    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Image (PNG)' }).click(),
    ]);
    const png = await readFile((await pngDownload.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('selects a ward’s row when the ward is clicked on the map', async () => {
    const page = await openRug();
    const map = page.locator('[data-testid="rug-map"] [data-map-ready="true"]');
    await map.waitFor({ timeout: 30_000 });
    await map.scrollIntoViewIfNeeded();
    // The last row, so selecting it has to bring it into view.
    const code = await page.locator('tbody.areas tr').last().getAttribute('data-code');
    // The map's test hook (see Map.svelte) says where the ward is drawn, once the map has settled.
    const pointIn = () =>
      map.evaluate((node, ward) => {
        const hook = (
          node as unknown as Record<
            string,
            { pointIn(code: string): { x: number; y: number } | null }
          >
        ).__thriveMap;
        return hook?.pointIn(ward) ?? null;
      }, code!);
    await expect.poll(pointIn, { timeout: 15_000 }).not.toBeNull();
    const point = await pointIn();
    const box = await map.boundingBox();
    await page.mouse.click(box!.x + point!.x, box!.y + point!.y);

    const row = page.locator(`tbody.areas tr[data-code="${code}"]`);
    await expect.poll(() => row.getAttribute('class'), SETTLE).toContain('selected');
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.dataset.code)).toBe(
      code,
    );
    expect(await row.isVisible()).toBe(true);
  });

  it('has no serious accessibility violations at 1366×768, and looks right', async () => {
    const page = await openRug();
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 30_000 });
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: screenshotPath('rug-1366x768') });
    await page.screenshot({ path: screenshotPath('rug-1366x768-full'), fullPage: true });
    await page.locator('tbody td[tabindex="0"]').focus();
    await page.screenshot({ path: screenshotPath('rug-1366x768-details') });
  });

  it('has no serious accessibility violations at 768×1024, and scrolls the table, not the page', async () => {
    const page = await openRug(RUG, { width: 768, height: 1024 });
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 30_000 });
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: screenshotPath('rug-768x1024'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      768,
    );
    // Scrolled to the last columns, the ward names and the benchmark rows stay in view.
    await page
      .locator('.scroller')
      .evaluate((box) => box.scrollTo(box.scrollWidth, box.scrollHeight / 2));
    const name = await page.locator('tbody.areas th').first().boundingBox();
    const box = await page.locator('.scroller').boundingBox();
    expect(name!.x).toBeCloseTo(box!.x + 1, 0);
    const england = await page.locator('tbody.benchmarks tr').last().boundingBox();
    expect(england!.y + england!.height).toBeLessThanOrEqual(box!.y + box!.height);
    await page.locator('.scroller').screenshot({ path: screenshotPath('rug-768x1024-scrolled') });
  });

  it('works without JavaScript: the table is there and the sort buttons sort', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      javaScriptEnabled: false,
    });
    onTestFinished(() => context.close());
    const page = await context.newPage();
    await page.goto(server.origin + RUG);
    expect(await page.locator('tbody.areas tr').count()).toBe(WARDS);
    await page.locator('th[data-column="imd_average_rank"] button').click();
    await page.waitForURL(/sort=imd_average_rank%3Aasc/);
    const ranks = (await columnTexts(page, 0)).map(numberIn);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(await page.locator('th[data-column="imd_average_rank"]').getAttribute('aria-sort')).toBe(
      'ascending',
    );
  });

  it('says what is wrong, with a link home, for an authority that is not loaded', async () => {
    const context = await browser.newContext();
    onTestFinished(() => context.close());
    const page = await context.newPage();
    const response = await page.goto(`${server.origin}/rug?parent=E07000000&level=ward`);
    expect(response?.status()).toBe(404);
    expect(await page.getByTestId('rug-error').textContent()).toContain(
      'No area with code E07000000',
    );
    expect(
      await page
        .getByRole('link', { name: /Back to the list/ })
        .evaluate((a: HTMLAnchorElement) => a.href),
    ).toBe(`${server.origin}/`);
  });
});
