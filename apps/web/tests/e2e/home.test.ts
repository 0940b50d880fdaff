import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

describe.skipIf(!hasChromium)('the home page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  describe('on first start with the data mirror', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer();
    });
    afterAll(() => server?.stop());

    it('shows the app name, the embedded engine and the demo authorities', async () => {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      const response = await page.goto(server.origin + '/');
      expect(response?.status()).toBe(200);
      expect(await page.locator('h1').textContent()).toBe('Thrive');
      expect(await page.getByTestId('engine').textContent()).toContain('embedded PGlite');
      const authorities = await page.locator('.authorities .name').allTextContents();
      expect(authorities).toEqual(['Dacorum', 'Milton Keynes']);
      await page.screenshot({ path: screenshotPath('home-1366x768'), fullPage: true });
      await page.close();
    });
  });

  describe('without a data mirror', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({ DATA_MIRROR: '/nonexistent/thrive-mirror' });
    });
    afterAll(() => server?.stop());

    it('starts empty and sends officers to the Load data page, not to a command line', async () => {
      const page = await browser.newPage({ viewport: { width: 768, height: 1024 } });
      await page.goto(server.origin + '/');
      await expect(page.getByText('No local authority is loaded yet.').isVisible()).resolves.toBe(true);
      expect(await page.getByRole('link', { name: 'Load data' }).first().getAttribute('href')).toBe('/data');
      expect(await page.locator('main').textContent()).not.toContain('npm run');
      await page.screenshot({ path: screenshotPath('home-empty-768x1024'), fullPage: true });
      await page.close();
    });
  });
});
