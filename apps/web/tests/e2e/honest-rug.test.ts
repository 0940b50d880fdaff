// The rug and the profile as officers use them (issue 15): equal values share a colour, every
// gap says why, a phone reads the profile without sideways scrolling, and the rug prints whole.
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { expectNoSeriousViolations } from './a11y.ts';
import { hasChromium, launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

// Both demo authorities load on first start: Dacorum (25 wards, codes the same in 2013 and
// 2017) and Milton Keynes (re-warded in 2014, so the CNI's 2017 wards do not join).
const DACORUM = 'E07000096';
const MILTON_KEYNES = 'E06000042';
const ADEYFIELD_EAST = 'E05004691';
const WARDS = 25;
const SETTLE = { timeout: 15_000, interval: 100 };

describe.skipIf(!hasChromium)(
  'honest colours, explained gaps, phones and print in Chromium',
  // Each test opens pages on a shared, busy machine: more time than the default 60 s.
  { timeout: 150_000 },
  () => {
    let browser: Browser;
    let server: RunningServer;

    beforeAll(async () => {
      [browser, server] = await Promise.all([launchBrowser(), startServer()]);
    }, 300_000);
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    async function open(
      path: string,
      viewport = { width: 1366, height: 768 },
      hasTouch = false,
    ): Promise<Page> {
      const context = await browser.newContext({ viewport, hasTouch, isMobile: hasTouch });
      onTestFinished(() => context.close());
      const page = await context.newPage();
      const response = await page.goto(server.origin + path);
      expect(response?.status()).toBe(200);
      return page;
    }
    async function openRug(
      path: string,
      viewport?: { width: number; height: number },
      hasTouch = false,
    ): Promise<Page> {
      const page = await open(path, viewport, hasTouch);
      await page.locator('table[data-hydrated="true"]').waitFor({ timeout: 30_000 });
      return page;
    }

    /** Token and text of every ward cell in one indicator column. */
    const column = (page: Page, id: string) =>
      page.evaluate((indicator) => {
        const headers = [...document.querySelectorAll('thead tr.columns th')];
        const index = headers.findIndex((th) => (th as HTMLElement).dataset.column === indicator);
        return [...document.querySelectorAll(`tbody.areas td[data-c="${index}"]`)].map((td) => ({
          token: (td as HTMLElement).dataset.token ?? '',
          text: td.textContent?.replace(/\s+/g, ' ').trim() ?? '',
          background: getComputedStyle(td).backgroundColor,
        }));
      }, id);

    it("gives Dacorum's homelessness column, one figure for the whole authority, one colour and says so", async () => {
      const page = await openRug(`/rug?parent=${DACORUM}&level=ward`);
      const cells = await column(page, 'homelessness_rate');
      expect(cells).toHaveLength(WARDS);
      // The real values read 2.74 or 2.75 (an authority figure averaged over LSOAs).
      expect(cells.every((c) => /^2\.7[45] same for the whole authority$/.test(c.text))).toBe(true);
      expect(new Set(cells.map((c) => c.token))).toEqual(new Set(['not_compared']));
      expect(new Set(cells.map((c) => c.background)).size).toBe(1);
      await expect
        .poll(() => page.getByTestId('legend-summary').textContent(), SETTLE)
        .toContain('same for the whole authority');
      await expect
        .poll(() => page.getByTestId('legend-summary').textContent(), SETTLE)
        .toContain('values equal as displayed share the quintile');
      await page.screenshot({ path: screenshotPath('honest-rug-dacorum-1366'), fullPage: false });
    });

    it('colours cells that read the same alike in every quintile column of Milton Keynes (6.96 among them)', async () => {
      const page = await openRug(`/rug?parent=${MILTON_KEYNES}&level=ward`);
      const ids = await page
        .locator('thead tr.columns th[data-column]')
        .evaluateAll((ths) => ths.map((th) => (th as HTMLElement).dataset.column ?? ''));
      let ties = 0;
      for (const id of ids) {
        const seen = new Map<string, string>();
        for (const cell of await column(page, id)) {
          if (cell.text.startsWith('–')) continue;
          const before = seen.get(cell.text);
          if (before === undefined) seen.set(cell.text, cell.background);
          else {
            ties++;
            expect(`${id} ${cell.text} ${cell.background}`).toBe(`${id} ${cell.text} ${before}`);
          }
        }
      }
      expect(ties).toBeGreaterThan(0);
    });

    it("says on the rug why Milton Keynes's 2013 wards have no Community Needs Index", async () => {
      const page = await openRug(`/rug?parent=${MILTON_KEYNES}&level=ward`);
      const cni = await column(page, 'cni_score');
      expect(cni.length).toBeGreaterThan(0);
      expect(cni.every((c) => c.text === '– other ward vintage')).toBe(true);
      const headers = await page
        .locator('thead tr.columns th')
        .evaluateAll((ths) => ths.map((th) => (th as HTMLElement).dataset.column));
      const cell = page.locator(`tbody.areas td[data-c="${headers.indexOf('cni_score')}"]`).first();
      await cell.hover();
      const tip = page.getByRole('tooltip');
      await expect
        .poll(() => tip.textContent(), SETTLE)
        .toContain(
          "Milton Keynes's wards changed after December 2013: Community Needs Index 2019 is published for 2017 wards, which do not join these wards of December 2013",
        );
      await expect
        .poll(() => page.getByTestId('rug-vintage').textContent(), SETTLE)
        .toContain('December 2013');
      await page.screenshot({ path: screenshotPath('honest-rug-mk-cni-1366') });
    });

    it("says on a Milton Keynes ward's profile why it has no Community Needs Index", async () => {
      const profile = await open('/areas/E05002397');
      await expect
        .poll(() => profile.getByTestId('profile-missing').textContent(), SETTLE)
        .toContain('wards changed after December 2013');
      expect(await profile.getByTestId('profile-vintage').textContent()).toContain('December 2013');
      await expectNoSeriousViolations(profile);
    });

    it('shows a value and its spine chart at 375 px on the profile without sideways scrolling', async () => {
      const page = await open(`/areas/${ADEYFIELD_EAST}`, { width: 375, height: 812 }, true);
      await page.locator('[data-testid="profile-table"]').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        375,
      );
      const row = page.locator('[data-testid="profile-table"] tbody tr').first();
      const value = row.locator('td').first();
      const spine = row.locator('svg.spine');
      await spine.scrollIntoViewIfNeeded();
      for (const part of [value, spine]) {
        const box = await part.boundingBox();
        expect(box).not.toBeNull();
        expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 375).toBe(true);
      }
      expect((await value.textContent())?.trim()).toMatch(/\d/);
      // No table region scrolls sideways either.
      const sideways = await page
        .locator('.scroll')
        .evaluateAll((regions) => regions.filter((r) => r.scrollWidth > r.clientWidth + 1).length);
      expect(sideways).toBe(0);
      await page.screenshot({ path: screenshotPath('honest-profile-375'), fullPage: false });
      await expectNoSeriousViolations(page);
    });

    it('offers a phone a sticky ward column, a visible scroll cue, and says "tap" rather than "hover" on a touch screen', async () => {
      const page = await openRug(
        `/rug?parent=${DACORUM}&level=ward`,
        { width: 375, height: 812 },
        true,
      );
      await expect.poll(() => page.locator('.scroll-cue').isVisible(), SETTLE).toBe(true);
      expect(await page.locator('.touch-hint').isVisible()).toBe(true);
      expect(await page.locator('.pointer-hint').isVisible()).toBe(false);
      // Nothing on the page reaches past the screen's edge (the table scrolls inside its box).
      const overflowing = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter(
            (e) =>
              !e.parentElement?.closest('.scroller') &&
              e.getBoundingClientRect().right > window.innerWidth,
          )
          .map(
            (e) =>
              `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${e.getBoundingClientRect().right}`,
          ),
      );
      expect(overflowing).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        375,
      );
      const name = page.locator('tbody.areas th').first();
      expect(await name.evaluate((th) => getComputedStyle(th).position)).toBe('sticky');
      await page.locator('.scroller').evaluate((s) => (s.scrollLeft = 400));
      const box = await name.boundingBox();
      expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) < 40).toBe(true);
      await page.screenshot({ path: screenshotPath('honest-rug-375'), fullPage: false });
      await expectNoSeriousViolations(page, { exclude: ['.map-side canvas'] });
    });

    it('fits the home page into 320 px without sideways scrolling', async () => {
      const page = await open('/', { width: 320, height: 640 }, true);
      const overflowing = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
          .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`),
      );
      expect(overflowing).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        320,
      );
      await page.screenshot({ path: screenshotPath('honest-home-320'), fullPage: true });
    });

    it('takes screenshots of the rug at 768 px', async () => {
      const page = await openRug(`/rug?parent=${DACORUM}&level=ward`, { width: 768, height: 1024 });
      await page.screenshot({ path: screenshotPath('honest-rug-768'), fullPage: false });
      await expectNoSeriousViolations(page, { exclude: ['.map-side canvas'] });
    });

    it('prints the rug on A4 landscape with all 25 ward rows and every column, without controls or map', async () => {
      const page = await openRug(`/rug?parent=${DACORUM}&level=ward`);
      await page.emulateMedia({ media: 'print' });
      // As the print engine lays it out: the A4 landscape sheet less 8 mm margins is 1063 px wide.
      await page.setViewportSize({ width: 1063, height: 756 });
      const printed = await page.evaluate(() => {
        const visible = (selector: string) =>
          [...document.querySelectorAll(selector)].some(
            (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden',
          );
        const table = document.querySelector('.rug-page table')!;
        const zoom = Number(getComputedStyle(document.querySelector('.table-side')!).zoom || '1');
        const right = Math.max(
          ...[...table.querySelectorAll('thead tr.columns th')].map(
            (th) => th.getBoundingClientRect().right,
          ),
        );
        return {
          rows: table.querySelectorAll('tbody.areas tr').length,
          columns: table.querySelectorAll('thead tr.columns th').length,
          right,
          bottom: table.getBoundingClientRect().bottom + window.scrollY,
          zoom,
          controls: visible('.rug-page select') || visible('.rug-page input:not([type=hidden])'),
          map: visible('.map-side'),
          header: visible('.site-header'),
        };
      });
      // Saved first, so the sheet can be looked at whatever the checks below find.
      const pdf = await page.pdf({
        format: 'A4',
        landscape: true,
        printBackground: true,
        preferCSSPageSize: true,
      });
      writeFileSync(screenshotPath('honest-rug-print').replace(/\.png$/, '.pdf'), pdf);
      expect(printed.rows).toBe(WARDS);
      expect(printed.columns).toBe(28);
      expect(printed.right).toBeLessThanOrEqual(1063);
      // The whole table, header to England's row, on the first sheet (194 mm = 733 px between
      // the margins); the legend follows on the next.
      expect(printed.bottom).toBeLessThanOrEqual(733);
      expect(printed).toMatchObject({ controls: false, map: false, header: false });

      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    it('prints the profile without the site header and without a blank last page', async () => {
      const page = await open(`/areas/${ADEYFIELD_EAST}`);
      await page.locator('[data-testid="profile-table"]').first().waitFor();
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true });
      writeFileSync(screenshotPath('honest-profile-print').replace(/\.png$/, '.pdf'), pdf);
      expect(pdf.length).toBeGreaterThan(10_000);
    });
  },
);
