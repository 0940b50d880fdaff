import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

describe.skipIf(!hasChromium)('the home page in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the app name and the embedded engine reported by /api/health', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const response = await page.goto(server.origin + '/');
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('Thrive');
    const engine = page.getByTestId('engine');
    await engine.waitFor();
    expect(await engine.textContent()).toContain('embedded PGlite');
    await page.screenshot({ path: screenshotPath('home-1366x768'), fullPage: true });
    await page.close();
  });
});
