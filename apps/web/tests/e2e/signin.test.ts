// Signing in and out in Chromium against the real built server, and the Content Security
// Policy: every page hydrates (the sign-in form only works once it has) with no violation
// reported, MapLibre and the API docs included.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './a11y.ts';
import { addAccount } from './accounts.ts';
import { hasChromium, launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

const EMAIL = 'ada@example.org';
const PASSWORD = 'a long test password';

/** A page that records every CSP violation and every console error mentioning the policy. */
async function watchedPage(browser: Browser): Promise<{ page: Page; violations: string[] }> {
  // A context of its own (axe needs one), closed with the page.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.once('close', () => void context.close());
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|CSP/i.test(message.text()))
      violations.push(message.text());
  });
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (t: string) => void }).reportViolation(
        `${event.violatedDirective} blocked ${event.blockedURI}`,
      );
    });
  });
  return { page, violations };
}

describe.skipIf(!hasChromium)('signing in, in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  let dataDir = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'thrive-e2e-signin-'));
    const pglite = join(dataDir, 'pglite');
    // The first admin, as the README says: `npm run thrive -- user add --role admin EMAIL`.
    addAccount(pglite, { role: 'admin', name: 'Ada', email: EMAIL, password: PASSWORD });
    server = await startServer({ PGLITE_DIR: pglite });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves pages with one policy: the server directives plus a nonce for the start-up script', async () => {
    const response = await fetch(`${server.origin}/`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(policy).toContain("worker-src 'self' blob:");
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).not.toContain(',');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
  });

  it('signs in with the keyboard, saying why when it fails, and shows who is signed in', async () => {
    const { page, violations } = await watchedPage(browser);
    await page.goto(`${server.origin}/`);
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(/\/signin/);
    // The form works once the page's script runs (the button is disabled until then).
    await page.locator('form.signin[data-hydrated="true"]').waitFor();

    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill('not the password');
    await page.getByLabel('Password').press('Enter');
    const problem = page.locator('#signin-problem');
    await expect.poll(() => problem.textContent()).toBe('Email or password is incorrect.');
    expect(await problem.getAttribute('aria-live')).toBe('assertive');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('signin-password');
    await expectNoSeriousViolations(page);

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL(`${server.origin}/`);
    await expect
      .poll(() => page.getByTestId('signed-in-as').textContent())
      .toMatch(/Signed in as\s+Ada\s+\(admin\)/);
    await page.screenshot({ path: screenshotPath('signed-in-1280x800') });

    // Rendered on the server too: the cookie reaches the API through server-side rendering.
    await page.reload();
    expect(await page.getByTestId('signed-in-as').textContent()).toMatch(/Ada/);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Sign in' }).isVisible()).toBe(true);
    expect(violations).toEqual([]);
    await page.close();
  });

  it.each([
    ['the home page', '/'],
    ['a ward profile with its MapLibre map', '/areas/E05004691'],
    ['the API docs', '/api/docs/'],
  ])('loads %s with no Content Security Policy violation', async (_what, path) => {
    const { page, violations } = await watchedPage(browser);
    const response = await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    await page.waitForTimeout(500);
    expect(violations).toEqual([]);
    await page.close();
  });
});
