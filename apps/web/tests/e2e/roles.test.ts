// Screens for every role (issue 15), in Chromium against the real built server: an admin
// creates, disables and re-enables an account and gives it a temporary password, which its
// owner must change at the next sign-in; the audit trail filters by who and what; an officer
// meets a friendly 403 on the admin pages, loads an authority from the mirror watching its
// progress, and uploads a GeoJSON file whose bad feature is named by number. Then what officers
// expect of the rug and the home page: a column picker kept in the URL, a ward found by name,
// the LSOA rug's link, two wards side by side. Axe checks every new page; screenshots at
// 1366, 768 and 375 px go to test-results/screenshots.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './a11y.ts';
import { addAccount } from './accounts.ts';
import { hasChromium, launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

const ADMIN = { role: 'admin', name: 'Ada', email: 'ada@example.org', password: 'a long admin password' } as const;
const OFFICER = { role: 'officer', name: 'Olive', email: 'olive@example.org', password: 'a long officer password' } as const;
const NEWCOMER = 'nia@example.org';
const DACORUM = 'E07000096';
const SIZES = [
  { name: '1366', width: 1366, height: 900 },
  { name: '768', width: 768, height: 1024 },
  { name: '375', width: 375, height: 812 },
] as const;

/** Waits for a state, never for a time: the machine is shared and slow. */
const slowly = <T>(read: () => T | Promise<T>, timeout = 45_000) =>
  expect.poll(read, { timeout, interval: 200 });

const square = (x: number, y: number, d = 0.002) => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
const bowTie = (x: number, y: number, d = 0.002) => [[x, y], [x + d, y + d], [x + d, y], [x, y + d], [x, y]];
const estate = (code: string, ring: number[][]) => ({
  type: 'Feature',
  properties: { code, name: `Estate ${code}` },
  geometry: { type: 'Polygon', coordinates: [ring] },
});

describe.skipIf(!hasChromium)('screens for every role, in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  let dataDir = '';
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'thrive-e2e-roles-'));
    const pglite = join(dataDir, 'pglite');
    addAccount(pglite, ADMIN);
    addAccount(pglite, OFFICER);
    server = await startServer({ PGLITE_DIR: pglite });
    browser = await launchBrowser();
    // The first start loads the demo authorities before it listens: minutes on a busy machine,
    // longer than startServer waits.
    const deadline = Date.now() + 330_000;
    while ((await fetch(`${server.origin}/api/health`).then((r) => r.status, () => 0)) !== 200) {
      if (Date.now() > deadline) throw new Error('the server did not start in 330 s');
      await new Promise((r) => setTimeout(r, 500));
    }
  }, 480_000);
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function newPage(width = 1366, height = 900): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height } });
    contexts.push(context);
    return context.newPage();
  }

  /** Signs in through the form and waits for the page it leads to. */
  async function signIn(page: Page, email: string, password: string, next = '/'): Promise<void> {
    await page.goto(`${server.origin}/signin?next=${encodeURIComponent(next)}`);
    await page.locator('form.signin[data-hydrated="true"]').waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await slowly(() => page.getByTestId('signed-in-as').count()).toBe(1);
  }

  /** Screenshots of a page at the three widths, checking it never scrolls sideways. */
  async function shoot(path: string, name: string, ready: (page: Page) => Promise<unknown>, as: { email: string; password: string } = ADMIN): Promise<void> {
    for (const size of SIZES) {
      const page = await newPage(size.width, size.height);
      await signIn(page, as.email, as.password, path);
      await page.goto(server.origin + path);
      await ready(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} at ${size.width}px scrolls sideways`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath(`roles-${name}-${size.name}`), fullPage: true });
      await page.context().close();
    }
  }

  let admin: Page;
  let officer: Page;

  it('answers an officer on the admin pages with a friendly 403 that says why, not a bare 404', async () => {
    officer = await newPage();
    await signIn(officer, OFFICER.email, OFFICER.password);
    const response = await officer.goto(`${server.origin}/admin`);
    expect(response?.status()).toBe(403);
    expect(await officer.getByRole('heading', { level: 1 }).textContent()).toBe('You cannot open this page');
    expect(await officer.getByTestId('access-error').textContent()).toContain('Your account (officer) cannot manage accounts');
    expect(await officer.getByRole('link', { name: 'Sign in with another account' }).getAttribute('href')).toContain('/signin?next=%2Fadmin');
    await expectNoSeriousViolations(officer);
    await officer.screenshot({ path: screenshotPath('roles-403-1366'), fullPage: true });
    const audit = await officer.goto(`${server.origin}/admin/audit`);
    expect(audit?.status()).toBe(403);
    // The header offers officers what they may use, and no Accounts link.
    expect(await officer.getByRole('link', { name: 'Load data' }).count()).toBe(1);
    expect(await officer.getByRole('link', { name: 'Accounts', exact: true }).count()).toBe(0);
  });

  it('asks someone not signed in to sign in to load data', async () => {
    const page = await newPage();
    const response = await page.goto(`${server.origin}/data`);
    expect(response?.status()).toBe(401);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to load data');
    await page.context().close();
  });

  it('lets an admin create an account through the form, then disable and re-enable it', { timeout: 120_000 }, async () => {
    admin = await newPage();
    await signIn(admin, ADMIN.email, ADMIN.password);
    await admin.getByRole('link', { name: 'Accounts', exact: true }).click();
    await admin.waitForURL(`${server.origin}/admin`);
    await admin.locator('nav[data-hydrated="true"]').waitFor();
    const list = admin.getByTestId('accounts');
    await slowly(() => list.locator('li').count()).toBe(2);
    await expectNoSeriousViolations(admin);

    await admin.getByLabel('Email').fill(NEWCOMER);
    await admin.getByLabel('Name (optional)').fill('Nia');
    await admin.getByLabel('Role', { exact: true }).selectOption('partner');
    await admin.getByLabel('Password', { exact: true }).fill('given by phone 1');
    expect(await admin.getByLabel('They must choose their own password when they first sign in').isChecked()).toBe(true);
    await admin.getByRole('button', { name: 'Create account' }).click();
    await slowly(() => admin.getByTestId('admin-notice').textContent()).toContain(`Account created for ${NEWCOMER} (partner)`);
    const row = list.locator(`li[data-email="${NEWCOMER}"]`);
    expect(await row.getByTestId('account-state').textContent()).toBe('Active');
    expect(await row.textContent()).toContain('must choose a new password');

    await row.getByRole('button', { name: `Disable ${NEWCOMER}` }).click();
    await slowly(() => row.getByTestId('account-state').textContent()).toMatch(/^Disabled since /);
    expect(await admin.getByTestId('admin-notice').textContent()).toBe('Nia is disabled and signed out everywhere.');
    // A disabled account cannot sign in.
    const refused = await fetch(`${server.origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: NEWCOMER, password: 'given by phone 1' }),
    });
    expect(refused.status).toBe(401);

    await row.getByRole('button', { name: `Enable ${NEWCOMER}` }).click();
    await slowly(() => row.getByTestId('account-state').textContent()).toBe('Active');
    // And the list the server gives says the same after a reload.
    await admin.reload();
    await admin.locator('nav[data-hydrated="true"]').waitFor();
    await slowly(() => admin.locator(`li[data-email="${NEWCOMER}"]`).getByTestId('account-state').textContent()).toBe('Active');
  });

  it('changes a role through the form, refusing to demote the only admin in words', async () => {
    const row = admin.getByTestId('accounts').locator(`li[data-email="${NEWCOMER}"]`);
    await row.getByLabel(`Role of ${NEWCOMER}`).selectOption('officer');
    await row.getByRole('button', { name: 'Change role' }).click();
    await slowly(() => admin.getByTestId('admin-notice').textContent()).toBe('Nia is now officer.');
    const self = admin.getByTestId('accounts').locator(`li[data-email="${ADMIN.email}"]`);
    await self.getByLabel(`Role of ${ADMIN.email}`).selectOption('partner');
    await self.getByRole('button', { name: 'Change role' }).click();
    await slowly(() => admin.getByTestId('admin-problem').textContent()).toBe('This is the only active admin; make another account admin first.');
  });

  it('makes the owner of a temporary password choose a new one at sign-in before anything else', { timeout: 120_000 }, async () => {
    const row = admin.getByTestId('accounts').locator(`li[data-email="${NEWCOMER}"]`);
    await row.getByText('Set a temporary password').click();
    await row.getByLabel(`Temporary password for ${NEWCOMER}`).fill('temporary by phone');
    await row.getByRole('button', { name: 'Set temporary password' }).click();
    await slowly(() => admin.getByTestId('admin-notice').textContent()).toContain('Nia has a temporary password');

    const nia = await newPage();
    await nia.goto(`${server.origin}/signin?next=%2Fdata`);
    await nia.locator('form.signin[data-hydrated="true"]').waitFor();
    await nia.locator('form.signin').waitFor();
    await nia.getByLabel('Email').fill(NEWCOMER);
    await nia.getByLabel('Password').fill('temporary by phone');
    await nia.getByRole('button', { name: 'Sign in' }).click();
    await nia.waitForURL(/\/account\/password\?next=%2Fdata$/);
    await nia.locator('form[data-hydrated="true"]').waitFor();
    await slowly(() => nia.getByTestId('must-change').isVisible()).toBe(true);
    await expectNoSeriousViolations(nia);
    // Nothing else opens meanwhile: the API refuses in words.
    const blocked = await nia.evaluate(async () => (await fetch('/api/workshops')).json());
    expect(blocked).toMatchObject({ statusCode: 403, message: 'Choose a new password first: the one you signed in with was temporary.' });

    await nia.getByLabel('The password you were given').fill('temporary by phone');
    await nia.getByLabel('New password', { exact: true }).fill('my very own words');
    await nia.getByLabel('New password again').fill('my very own words');
    await nia.getByRole('button', { name: 'Save new password' }).click();
    await nia.waitForURL(`${server.origin}/data`);
    await slowly(() => nia.getByRole('heading', { level: 1 }).textContent()).toBe('Load data');
  });

  it('filters the audit trail by who and what, with the filters in the URL', async () => {
    await admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Audit trail' }).click();
    await admin.waitForURL(`${server.origin}/admin/audit`);
    await admin.getByTestId('audit').waitFor();
    await admin.locator('nav[data-hydrated="true"]').waitFor();
    await expectNoSeriousViolations(admin);
    await admin.getByLabel('Who').selectOption({ label: ADMIN.email });
    await admin.getByLabel('What').selectOption({ label: 'Account disabled' });
    await admin.getByRole('button', { name: 'Show' }).click();
    await admin.waitForURL(/action=user\.disable/);
    expect(admin.url()).toContain('actor=');
    await slowly(() => admin.getByTestId('audit').locator('tbody tr').count()).toBe(1);
    const cells = await admin.getByTestId('audit').locator('tbody tr td').allTextContents();
    expect(cells.slice(1, 4)).toEqual([ADMIN.email, 'Account disabled', NEWCOMER]);
    // A day with nothing in it says so.
    await admin.goto(`${server.origin}/admin/audit?to=2000-01-01`);
    expect(await admin.getByTestId('audit-empty').textContent()).toContain('No events match these filters.');
  });

  it('lets an officer upload a GeoJSON file and names the bad feature by its number', { timeout: 120_000 }, async () => {
    await officer.goto(`${server.origin}/data`);
    await officer.locator('h1[data-hydrated="true"]').waitFor();
    await expectNoSeriousViolations(officer);
    const bad = join(dataDir, 'estates-bad.geojson');
    writeFileSync(bad, JSON.stringify({ type: 'FeatureCollection', features: [estate('HF1', square(-0.45, 51.75)), estate('HF2', square(-0.44, 51.75)), estate('HF3', bowTie(-0.43, 51.75))] }));
    const form = officer.getByTestId('boundary-upload');
    await form.getByLabel('GeoJSON file').setInputFiles(bad);
    await form.getByLabel('They belong to').selectOption(DACORUM);
    await form.getByRole('button', { name: 'Upload boundaries' }).click();
    const problem = officer.getByTestId('boundary-problem');
    await slowly(() => problem.textContent()).toMatch(/^feature 2 \(HF3\): .*crosses itself/);
    expect(await problem.textContent()).toContain('nothing was loaded');
    expect(await problem.textContent()).not.toContain('--');
    await expectNoSeriousViolations(officer);

    const good = join(dataDir, 'estates.geojson');
    writeFileSync(good, JSON.stringify({ type: 'FeatureCollection', features: [estate('HF1', square(-0.45, 51.75)), estate('HF2', square(-0.44, 51.75))] }));
    await form.getByLabel('GeoJSON file').setInputFiles(good);
    await form.getByRole('button', { name: 'Upload boundaries' }).click();
    await slowly(() => officer.getByTestId('boundary-done').textContent()).toContain('Loaded 2 areas');
    expect(await problem.textContent()).toBe('');
  });

  it('names the line of a bad row when an officer uploads indicators', async () => {
    const csv = join(dataDir, 'values.csv');
    const definitions = join(dataDir, 'definitions.json');
    writeFileSync(csv, 'indicator_id,area_code,period,value,numerator,denominator,lower_ci,upper_ci\nfeel_safe,HF1,2024,61.5,,,,\nfeel_safe,HF2,2024,lots,,,,\n');
    writeFileSync(definitions, JSON.stringify([{ id: 'feel_safe', title: 'Residents who feel safe', unit: '%', valueType: 'proportion', polarity: 'high_is_good', source: 'Estate survey 2024', licence: 'OGL v3.0', definition: 'Share answering yes.' }]));
    const form = officer.getByTestId('indicator-upload');
    await form.getByLabel('Values (CSV)').setInputFiles(csv);
    await form.getByLabel('Definitions (JSON)').setInputFiles(definitions);
    await form.getByRole('button', { name: 'Upload indicators' }).click();
    await slowly(() => officer.getByTestId('indicator-problem').textContent()).toBe('values CSV, line 3: value "lots" is not a number; nothing was loaded');
  });

  it('lets an officer load an authority from the mirror, showing its progress until it is done', { timeout: 420_000 }, async () => {
    await officer.goto(`${server.origin}/data`);
    await officer.locator('h1[data-hydrated="true"]').waitFor();
    await officer.getByLabel('Local authority code').fill(DACORUM);
    await officer.getByRole('button', { name: 'Load authority' }).click();
    // The job's steps show while it runs (the national files alone take seconds to read).
    await slowly(() => officer.getByTestId('authority-step').textContent(), 60_000).toMatch(new RegExp(`^Loading ${DACORUM}: `));
    expect(await officer.getByRole('button', { name: 'Loading…' }).isDisabled()).toBe(true);
    await expectNoSeriousViolations(officer);
    await slowly(() => officer.getByTestId('authority-done').textContent(), 400_000).toMatch(/^Loaded Dacorum: 25 wards, 94 LSOAs and \d+\s+values in [\d.]+ s\./);
    expect(await officer.getByRole('link', { name: 'Open its ward tartan rug' }).getAttribute('href')).toBe(`/rug?parent=${DACORUM}&level=ward`);
  });

  it('keeps the rug columns an officer picks in the URL', { timeout: 120_000 }, async () => {
    const page = await newPage();
    await page.goto(`${server.origin}/rug?parent=${DACORUM}&level=ward`);
    await page.locator('table[data-hydrated="true"]').waitFor({ timeout: 60_000 });
    const columns = () => page.locator('thead th[scope="col"]').count();
    const before = await columns();
    const picker = page.getByTestId('column-picker');
    await picker.locator('summary').click();
    const boxes = picker.locator('input[type="checkbox"]');
    await slowly(() => boxes.count()).toBeGreaterThan(5);
    const checked = picker.locator('input[type="checkbox"]:checked');
    await slowly(() => checked.count()).toBeGreaterThan(2);
    // Keep only the first two ticked columns.
    const keep = await checked.evaluateAll((inputs) => inputs.slice(0, 2).map((i) => (i as HTMLInputElement).value));
    for (const box of await boxes.all()) if (!keep.includes(await box.inputValue())) await box.uncheck();
    await expectNoSeriousViolations(page, { include: '[data-testid="column-picker"]' });
    await page.screenshot({ path: screenshotPath('roles-column-picker-1366'), fullPage: false });
    await picker.getByRole('button', { name: 'Show these indicators' }).click();
    await page.waitForURL(new RegExp(`indicators=${keep.join('%2C')}`));
    await slowly(columns).toBeLessThan(before);
    // The link holds the choice: a fresh page shows the same columns and ticks.
    await page.reload();
    await page.locator('table[data-hydrated="true"]').waitFor({ timeout: 60_000 });
    await picker.locator('summary').click();
    await slowly(() => picker.locator('input[type="checkbox"]:checked').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(keep);
    await page.context().close();
  });

  it('links the ward rug to the LSOA rug in words that say what a row is', async () => {
    const page = await newPage();
    await page.goto(`${server.origin}/rug?parent=${DACORUM}&level=ward`);
    const link = page.getByRole('link', { name: /Each row is an LSOA/ });
    await link.click();
    await page.waitForURL(/level=lsoa/);
    await slowly(() => page.locator('.lede').first().textContent()).toContain('Each row is an LSOA');
    await page.context().close();
  });

  it('finds a ward by name from the home page and opens its profile', { timeout: 120_000 }, async () => {
    const page = await newPage();
    await page.goto(`${server.origin}/`);
    await page.locator('form[role="search"][data-hydrated="true"]').waitFor();
    expect(await page.getByTestId('rug-sentence').textContent()).toMatch(/A tartan rug is a table with one row per ward/);
    expect(await page.getByTestId('engine').isVisible()).toBe(false);
    await expectNoSeriousViolations(page);
    const box = page.getByLabel('Find a ward or LSOA by name');
    await box.pressSequentially('adeyfield');
    const results = page.getByTestId('search-results');
    await slowly(() => results.locator('a').allTextContents()).toEqual(['Adeyfield East', 'Adeyfield West']);
    expect(await results.textContent()).toContain('Ward in Dacorum');
    await expectNoSeriousViolations(page);
    await results.getByRole('link', { name: 'Adeyfield East' }).click();
    await page.waitForURL(/\/areas\/E05/);
    await slowly(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Adeyfield East');
    // Enter (or no JavaScript) gives the results as a page.
    await page.goto(`${server.origin}/search?q=adeyfield`);
    expect(await page.getByTestId('search-page-results').locator('a').allTextContents()).toEqual(['Adeyfield East', 'Adeyfield West']);
    await expectNoSeriousViolations(page);
    await page.context().close();
  });

  it('puts two wards side by side from the profile', { timeout: 120_000 }, async () => {
    const page = await newPage();
    await page.goto(`${server.origin}/search?q=adeyfield`);
    await page.getByTestId('search-page-results').getByRole('link', { name: 'Adeyfield East' }).click();
    await page.getByRole('link', { name: 'Put Adeyfield East side by side with another ward' }).click();
    await page.waitForURL(/\/compare\?a=/);
    await page.getByLabel('Put Adeyfield East beside').selectOption({ label: 'Adeyfield West' });
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.waitForURL(/&b=/);
    const table = page.getByTestId('compare-table');
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual(['Indicator', 'Adeyfield East', 'Adeyfield West', 'Dacorum']);
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(10);
    await expectNoSeriousViolations(page);
    const url = page.url().replace(server.origin, '');
    await page.context().close();
    await shoot(url, 'compare', (p) => p.getByTestId('compare-table').waitFor());
  });

  it('fits every new page at 1366, 768 and 375 px, without sideways scrolling', { timeout: 600_000 }, async () => {
    await shoot('/admin', 'admin', (p) => p.getByTestId('accounts').waitFor());
    await shoot('/admin/audit', 'audit', (p) => p.getByTestId('audit').waitFor());
    await shoot('/data', 'data', (p) => p.getByTestId('boundary-upload').waitFor(), OFFICER);
    await shoot('/', 'home', (p) => p.getByTestId('rug-sentence').waitFor());
    // The home page at the narrowest phone.
    const narrow = await newPage(320, 640);
    await narrow.goto(`${server.origin}/`);
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await narrow.screenshot({ path: screenshotPath('roles-home-320'), fullPage: true });
  });
});
