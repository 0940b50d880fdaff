import { inflateSync } from 'node:zlib';
import { imdDecileColour } from '@thrive/indicators';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MapPixel, MapTestHook } from '../../src/lib/map/test-hook.ts';
import { expectNoSeriousViolations } from './a11y.ts';
import { hasChromium, launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

// Adeyfield East, a Dacorum ward (demo data loaded on first start): 4 LSOAs with polygons.
const WARD = 'E05004691';
const PROFILE = `/areas/${WARD}`;
const LSOAS = ['E01023345', 'E01023346', 'E01023347', 'E01023348'];
// Waits for what the page does after an input, never a fixed time: generous for a busy 2-core
// machine, where one round trip to the page can take longer than expect.poll's 1 s default.
const SETTLE = { timeout: 15_000, interval: 100 };

/** The RGB of one pixel of the page (a 1×1 PNG screenshot, decoded by hand: no image library). */
async function pixelAt(page: Page, x: number, y: number): Promise<[number, number, number]> {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT')
      idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  // One row of one pixel: a filter byte, then RGB(A); no neighbours, so every filter is a no-op.
  const [, r = 0, g = 0, b = 0] = inflateSync(Buffer.concat(idat));
  return [r, g, b];
}

function rgbOf(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

describe.skipIf(!hasChromium)('the ward profile in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Opens a profile and waits until its tables are on screen (the page marks that). */
  async function openProfile(
    path = PROFILE,
    viewport = { width: 1366, height: 768 },
  ): Promise<Page> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const response = await page.goto(server.origin + path);
    expect(response?.status()).toBe(200);
    await page.waitForFunction(() => performance.getEntriesByName('profile-filled').length > 0);
    return page;
  }

  /** The map once its areas are drawn. */
  async function readyMap(page: Page): Promise<Locator> {
    const map = page.locator('[data-map-ready="true"]');
    await map.waitFor({ timeout: 30_000 });
    return map;
  }

  /** A page pixel inside the drawn shape of an area, via the map's test hook. */
  async function pointIn(map: Locator, code: string): Promise<MapPixel> {
    const at = await map.evaluate(
      (node, c) => (node as HTMLElement & { __thriveMap: MapTestHook }).__thriveMap.pointIn(c),
      code,
    );
    const box = await map.boundingBox();
    if (!at || !box) throw new Error(`${code} is not drawn on the map`);
    return { x: box.x + at.x, y: box.y + at.y };
  }

  it('renders the profile on the server: facts, LSOAs, an indicator table and spine charts', async () => {
    const html = await (await fetch(server.origin + PROFILE)).text();
    expect(html).toMatch(/<h1[^>]*>Adeyfield East<\/h1>/);
    for (const code of LSOAS) expect(html).toContain(`data-code="${code}"`);
    expect(html.match(/<svg class="spine/g)?.length).toBeGreaterThan(40);

    const page = await openProfile();
    expect(await page.title()).toBe('Adeyfield East ward profile · Thrive');
    const facts = await page.locator('.facts dt').allTextContents();
    expect(facts).toEqual(
      expect.arrayContaining(['Local authority', 'Population', 'Small areas (LSOAs)']),
    );
    expect(await page.locator('.facts').textContent()).toContain('Dacorum');
    expect(await page.locator('.measures li').first().textContent()).toMatch(
      /^Income deprivation is 14\.1%, worse than Dacorum/,
    );

    // The decile table, with a colour and the number for each LSOA.
    expect(
      await page
        .locator('[data-testid="lsoa-table"] tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code'))),
    ).toEqual(LSOAS);
    expect(await page.locator('[data-testid="lsoa-table"] .decile').allTextContents()).toEqual([
      '7',
      '4',
      '7',
      '3',
    ]);

    // One table per theme; values, intervals and comparisons in words.
    const tables = page.locator('[data-testid="profile-table"]');
    expect(await tables.count()).toBeGreaterThanOrEqual(6);
    const income = page.locator('tr[data-indicator="income_deprivation_rate"]');
    expect(await income.textContent()).toMatch(
      /14\.1%.*13\.2–15\.0%, 95% CI.*Worse than Dacorum.*Worse than England/s,
    );

    // Each spine chart is an image whose name says what it shows.
    const charts = await page
      .locator('svg.spine')
      .evaluateAll((all) => all.map((svg) => svg.getAttribute('aria-label') ?? ''));
    expect(charts.length).toBeGreaterThan(40);
    for (const label of charts)
      expect(label).toMatch(/^Adeyfield East: .+ Dacorum's 2\d wards range from /);
    await page.context().close();
  });

  it('draws the LSOAs on the map in their decile colours, linked to the table', async () => {
    const page = await openProfile();
    const map = await readyMap(page);
    await map.scrollIntoViewIfNeeded();
    expect(await page.locator('canvas.maplibregl-canvas').getAttribute('aria-label')).toBe(
      'Map of the LSOAs in Adeyfield East, coloured by national IMD decile',
    );
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain(
      'Contains OS data © Crown copyright and database right',
    );

    const deciles = [7, 4, 7, 3];
    for (const [i, code] of LSOAS.entries()) {
      const at = await pointIn(map, code);
      const expected = rgbOf(imdDecileColour(deciles[i])?.background ?? '#000000');
      const actual = await pixelAt(page, Math.round(at.x), Math.round(at.y));
      for (let c = 0; c < 3; c++)
        expect(
          Math.abs((actual[c] ?? 0) - (expected[c] ?? 0)),
          `${code} ${actual.join()}`,
        ).toBeLessThanOrEqual(4);
    }

    // Pointing at an LSOA on the map names it and marks its row; clicking selects it.
    const at = await pointIn(map, 'E01023348');
    await page.mouse.move(at.x, at.y);
    await expect
      .poll(() => page.locator('[data-testid="lsoa-table"] tr.hovered').getAttribute('data-code'), SETTLE)
      .toBe('E01023348');
    expect(await page.getByText('IMD decile 3').isVisible()).toBe(true);
    await page.mouse.click(at.x, at.y);
    await expect
      .poll(() => page.locator('[data-testid="lsoa-table"] tr.selected').getAttribute('data-code'), SETTLE)
      .toBe('E01023348');
    await page.context().close();
  });

  it('works by keyboard alone: the form, the map and every table are reached in order, nothing traps focus', async () => {
    const page = await openProfile();
    const map = await readyMap(page);
    const stops: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      stops.push(
        await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return 'body';
          const name =
            el.getAttribute('aria-label') ??
            (el.getAttribute('aria-labelledby')
              ? document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent
              : null) ??
            el.textContent?.trim();
          return `${el.tagName.toLowerCase()}:${name}`;
        }),
      );
    }
    const index = (pattern: RegExp) => stops.findIndex((s) => pattern.test(s));
    const select = index(/^select:/);
    const canvas = index(/^canvas:Map of the LSOAs in Adeyfield East/);
    const zoomIn = index(/^button:Zoom in/);
    const deprivation = index(/^div:Deprivation$/);
    const health = index(/^div:Health$/);
    expect(select).toBeGreaterThanOrEqual(0);
    expect(canvas).toBeGreaterThan(select);
    expect(zoomIn).toBeGreaterThan(canvas);
    expect(deprivation).toBeGreaterThan(zoomIn);
    expect(health).toBeGreaterThan(deprivation);

    // The focused map zooms with the keyboard, and Tab goes on past it.
    await page.locator('canvas.maplibregl-canvas').focus();
    const before = await map.evaluate((node) =>
      (node as HTMLElement & { __thriveMap: MapTestHook }).__thriveMap.project(-0.44, 51.76),
    );
    await page.keyboard.press('Equal');
    await expect
      .poll(async () => {
        const after = await map.evaluate((node) =>
          (node as HTMLElement & { __thriveMap: MapTestHook }).__thriveMap.project(-0.44, 51.76),
        );
        return Math.hypot(after.x - before.x, after.y - before.y);
      }, SETTLE)
      .toBeGreaterThan(5);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Zoom in',
    );

    // Changing the confidence level by keyboard gives a shareable URL.
    await page.locator('select[name="confidence"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/confidence=99\.8/);
    await expect.poll(() => page.getByTestId('profile-meta').textContent(), SETTLE).toContain('99.8% confidence');
    const income = page.locator('tr[data-indicator="income_deprivation_rate"]');
    expect(await income.textContent()).toContain('99.8% CI');
    await page.context().close();
  });

  it('has no serious or critical accessibility violations', async () => {
    const page = await openProfile();
    await readyMap(page);
    await expectNoSeriousViolations(page);
    await page.context().close();
  });

  it('looks right at 1366×768, 768×1024 and in print', async () => {
    const wide = await openProfile();
    await readyMap(wide);
    await wide.screenshot({ path: screenshotPath('profile-1366x768'), fullPage: true });
    await wide.locator('#lsoa-heading').evaluate((heading) => heading.scrollIntoView());
    await wide.screenshot({ path: screenshotPath('profile-lsoas-1366x768') });
    await wide.context().close();

    const narrow = await openProfile(PROFILE, { width: 768, height: 1024 });
    await readyMap(narrow);
    await narrow.screenshot({ path: screenshotPath('profile-768x1024'), fullPage: true });
    await narrow.context().close();

    // A4 at 96 dpi is 794 px wide: controls and the map give way to the tables.
    const print = await openProfile(PROFILE, { width: 794, height: 1123 });
    await readyMap(print);
    await print.emulateMedia({ media: 'print' });
    expect(await print.locator('form.controls').isVisible()).toBe(false);
    expect(await print.locator('[data-map-ready]').isVisible()).toBe(false);
    expect(await print.locator('[data-testid="lsoa-table"]').isVisible()).toBe(true);
    await print.screenshot({ path: screenshotPath('profile-print'), fullPage: true });
    await print.context().close();
  });

  it('answers an unknown code with a 404 page in the API’s words and a way home', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(server.origin + '/areas/E05999999');
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Area not found');
    expect(await page.getByRole('alert').textContent()).toBe('No area with code E05999999.');
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await page.waitForURL(server.origin + '/');
    await context.close();
  });

  it('explains a code that is not a ward and offers the wards of its authority', async () => {
    const page = await openProfileOf('/areas/E07000096');
    expect(await page.locator('h1').textContent()).toBe('Dacorum');
    expect(await page.getByRole('status').textContent()).toContain('is a local authority');
    expect(await page.locator('.wards li').count()).toBe(25);
    await page.getByRole('link', { name: 'Adeyfield East' }).click();
    await page.waitForFunction(() => performance.getEntriesByName('profile-filled').length > 0);
    expect(page.url()).toBe(server.origin + PROFILE);
    await page.context().close();
  });

  it('opens from a ward name on the rug', async () => {
    const page = await openProfileOf('/rug?parent=E07000096&level=ward');
    // Once the rug is hydrated, the link is a client-side navigation.
    await page.waitForFunction(() => performance.getEntriesByName('rug-table-filled').length > 0);
    await page.locator('tbody.areas th a', { hasText: 'Adeyfield East' }).click();
    await page.waitForURL(server.origin + PROFILE);
    await page.waitForFunction(() => performance.getEntriesByName('profile-filled').length > 0);
    expect(await page.locator('h1').textContent()).toBe('Adeyfield East');
    await readyMap(page);
    await page.context().close();
  });

  /** A page that is not a ward profile (no profile-filled mark to wait for). */
  async function openProfileOf(path: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      bypassCSP: true /* TEMP-CSP */,
    });
    const page = await context.newPage();
    const response = await page.goto(server.origin + path);
    expect(response?.status()).toBe(200);
    await page.waitForLoadState('networkidle');
    return page;
  }
});
