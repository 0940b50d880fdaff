// Residents inspect their own blocks, in Chromium against the real built server: an officer
// signs in, sets the standards and the blocks and makes an invite link; a resident opens it on
// a phone (375 px, touch), goes offline, inspects a block (the inspection waits on the phone),
// comes back online (it is sent, once); more inspections arrive over plain HTTP; the officer's
// results page, the residents' public page and the printed monthly summary (a PDF turned into
// an image) show the month. Axe checks each new page; screenshots at 375, 768 and 1366 px.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './a11y.ts';
import { addAccount } from './accounts.ts';
import { hasChromium, launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

const EMAIL = 'ines@example.org';
const PASSWORD = 'a long officer password';
const ESTATE = 'EST-E2EINS';
const CLI = resolve(import.meta.dirname, '..', '..', '..', '..', 'apps/api/src/cli/main.ts');
// MapLibre draws on a WebGL canvas axe cannot read; every block is also in the lists.
const AXE_SCOPE = { exclude: ['.maplibregl-canvas'] };
const SIZES = [
  { name: '1366', width: 1366, height: 900 },
  { name: '768', width: 768, height: 1024 },
  { name: '375', width: 375, height: 812 },
] as const;

/** Polls until the value matches: the machine is shared. */
const slowly = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 45_000, interval: 250 });

/** A hand-made estate (a small square in Hemel Hempstead) loaded as the README says. */
function addEstate(pgliteDir: string, dir: string): void {
  const file = join(dir, 'estate.geojson');
  const ring = [[-0.472, 51.751], [-0.468, 51.751], [-0.468, 51.754], [-0.472, 51.754], [-0.472, 51.751]];
  writeFileSync(file, JSON.stringify({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { code: ESTATE, name: 'Highfield Towers' }, geometry: { type: 'Polygon', coordinates: [ring] } }],
  }));
  const done = spawnSync(process.execPath, [CLI, 'import-boundaries', file, '--level', 'estate'], {
    env: { ...process.env, PGLITE_DIR: pgliteDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (done.status !== 0) throw new Error(`import-boundaries failed: ${done.stderr}`);
}

describe.skipIf(!hasChromium)('residents inspect their own blocks, in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  let dataDir = '';
  let officer: BrowserContext;
  let page: Page;
  let phone: BrowserContext;
  let inspect: Page;
  let inviteUrl = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'thrive-e2e-inspections-'));
    const pglite = join(dataDir, 'pglite');
    addAccount(pglite, { role: 'officer', name: 'Ines', email: EMAIL, password: PASSWORD });
    addEstate(pglite, dataDir);
    server = await startServer({ PGLITE_DIR: pglite, LOAD_DEMO: 'false' });
    browser = await launchBrowser();
    officer = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    page = await officer.newPage();
  }, 360_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Screenshots of the page as it is at the three widths, then back to the first. */
  async function shoot(p: Page, name: string) {
    const before = p.viewportSize();
    for (const size of SIZES) {
      await p.setViewportSize({ width: size.width, height: size.height });
      await p.screenshot({ path: screenshotPath(`inspections-${name}-${size.name}`), fullPage: true });
    }
    if (before) await p.setViewportSize(before);
  }

  it('lets the officer set the standards and blocks and make an invite link', { timeout: 240_000 }, async () => {
    await page.goto(`${server.origin}/signin?next=%2Finspections%2F${ESTATE}`);
    await page.locator('form.signin[data-hydrated="true"]').waitFor();
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL(`${server.origin}/inspections/${ESTATE}`);
    await slowly(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Block inspections: Highfield Towers');

    await page.getByLabel('Title').fill('Stairwells clean');
    await page.getByLabel('What residents check, in plain words').fill('No litter or smells; floors swept.');
    await page.getByLabel('Target (% of inspections meeting it)').fill('95');
    await page.getByRole('button', { name: 'Add an item' }).click();
    await page.locator('#title-1').fill('Lifts working');
    await page.locator('#description-1').fill('Every lift comes when called.');
    await page.locator('#scale-1').selectOption('1-5');
    await page.locator('#threshold-1').fill('4');
    await page.locator('#target-1').fill('90');
    await page.getByRole('button', { name: 'Save standards' }).click();
    await slowly(() => page.getByText('Saved as version 1.').count()).toBe(1);

    for (const [name, lon, lat] of [['Block A', '-0.4710', '51.7520'], ['Block B', '-0.4695', '51.7530']] as const) {
      await page.getByLabel('Block name').fill(name);
      await page.getByLabel('Longitude').fill(lon);
      await page.getByLabel('Latitude').fill(lat);
      await page.getByRole('button', { name: 'Add block' }).click();
      await slowly(() => page.getByTestId('blocks').getByText(name, { exact: false }).count()).toBe(1);
    }
    await page.getByRole('button', { name: 'Make an invite link' }).click();
    await slowly(() => page.getByTestId('invite-url').inputValue()).toContain('/api/inspector-invites/');
    inviteUrl = await page.getByTestId('invite-url').inputValue();
    await slowly(() => page.getByTestId('invites').locator('tbody tr').count()).toBe(1);

    // A second link, stopped at once (sent too widely, say): it opens nothing; the first still works.
    await page.getByRole('button', { name: 'Make an invite link' }).click();
    await slowly(() => page.getByTestId('invites').locator('tbody tr').count()).toBe(2);
    const leaked = await page.getByTestId('invite-url').inputValue();
    expect(leaked).not.toBe(inviteUrl);
    // Newest first: the first "Stop this link" button is the second link's.
    await page.getByRole('button', { name: /^Stop this link, made / }).first().click();
    await slowly(() => page.getByRole('status').filter({ hasText: 'is stopped' }).count()).toBe(1);
    await slowly(() => page.getByTestId('invites').getByText(/^\s*Stopped /).count()).toBe(1);
    expect((await fetch(leaked, { redirect: 'manual' })).status).toBe(404);
    await expectNoSeriousViolations(page, AXE_SCOPE);
    await shoot(page, 'setup');
  });

  it('makes whoever opens the invite an inspector, and keeps an inspection made offline until the phone is back online', { timeout: 240_000 }, async () => {
    phone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    inspect = await phone.newPage();
    await inspect.goto(inviteUrl);
    await inspect.waitForURL(`${server.origin}/inspect/${ESTATE}`);
    const cookies = await phone.cookies();
    expect(cookies.find((c) => c.name === 'thrive_participant')?.httpOnly).toBe(true);
    await slowly(() => inspect.getByTestId('inspect-item').count()).toBe(2);
    await expectNoSeriousViolations(inspect, AXE_SCOPE);
    await inspect.screenshot({ path: screenshotPath('inspections-phone-form-375'), fullPage: true });

    await phone.setOffline(true);
    await slowly(() => inspect.getByText('You are offline.', { exact: false }).count()).toBe(1);
    await inspect.getByLabel('Which block are you inspecting?').selectOption({ label: 'Block A' });
    await inspect.getByLabel('Date of the inspection').fill('2026-11-05');
    await inspect.getByTestId('inspect-item').nth(0).getByText('Meets the standard').tap();
    await inspect.getByTestId('inspect-item').nth(1).getByText('5', { exact: true }).tap();
    await inspect.locator('textarea').first().fill('Swept this morning');
    await inspect.getByRole('button', { name: 'Send inspection' }).tap();
    await slowly(() => inspect.getByTestId('inspect-done').getAttribute('data-done')).toBe('queued');
    expect(await inspect.getByTestId('inspect-status').getAttribute('data-waiting')).toBe('1');
    await inspect.screenshot({ path: screenshotPath('inspections-phone-offline-375'), fullPage: true });

    await phone.setOffline(false);
    await slowly(() => inspect.getByTestId('inspect-status').getAttribute('data-waiting')).toBe('0');
    await slowly(() => inspect.getByText('Your inspection has arrived.', { exact: false }).count()).toBeGreaterThan(0);
    await inspect.screenshot({ path: screenshotPath('inspections-phone-sent-375'), fullPage: true });

    // The server holds it once: the officer's summary counts one inspection of Block A.
    const rows = await page.evaluate(async (code) => (await fetch(`/api/inspections/summary?estate=${code}&period=2026-11`)).json(), ESTATE);
    expect(rows.filter((r: { n: number }) => r.n === 1)).toHaveLength(2);
  });

  it('shows the month on the results page, the residents’ page and the printed summary', { timeout: 300_000 }, async () => {
    // 19 more inspections from another inspector's phone, as plain HTTP: Block A's stairwells
    // meet the standard in 17 of 20, Block B's in 2 of 6.
    const opened = await fetch(inviteUrl, { redirect: 'manual' });
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0]!;
    const me = (await (await fetch(`${server.origin}/api/inspect/me`, { headers: { cookie } })).json()) as {
      standard: { items: { id: string }[] };
      blocks: { id: string; name: string }[];
    };
    const [stairs, lifts] = me.standard.items;
    const block = (name: string) => me.blocks.find((b) => b.name === name)!.id;
    const send = async (blockId: string, day: number, stairsMeet: boolean, lift: number) => {
      const response = await fetch(`${server.origin}/api/inspections`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', origin: server.origin },
        body: JSON.stringify({
          id: randomUUID(),
          blockId,
          inspectedOn: `2026-11-${String(day).padStart(2, '0')}`,
          scores: [{ itemId: stairs!.id, value: stairsMeet ? 1 : 0 }, { itemId: lifts!.id, value: lift }],
        }),
      });
      expect(response.status, await response.clone().text()).toBe(201);
    };
    for (let i = 0; i < 19; i++) await send(block('Block A'), i + 6, i < 16, i < 18 ? 5 : 2);
    for (let i = 0; i < 6; i++) await send(block('Block B'), i + 6, i < 2, 3);

    await page.goto(`${server.origin}/inspections/${ESTATE}/results?period=2026-11`);
    const blockA = page.locator('[data-testid="block-results"][data-block="Block A"]');
    await slowly(() => blockA.textContent()).toContain('85%');
    expect(await blockA.textContent()).toContain('likely between 64.0% and 94.8%');
    expect(await blockA.textContent()).toContain('Below the target');
    const blockB = page.locator('[data-testid="block-results"][data-block="Block B"]');
    expect(await blockB.textContent()).toContain('✗ Worse');
    // A failed item becomes "you said, we did"; the officer answers and closes it.
    await blockB.locator('tr', { hasText: 'Stairwells clean' }).getByRole('button', { name: /you said, we did/ }).click();
    await slowly(() => page.getByTestId('action').count()).toBe(1);
    await page.getByLabel('What was done').fill('Extra clean booked every Tuesday.');
    await page.getByRole('button', { name: 'Answer and close' }).click();
    await slowly(() => page.getByTestId('action').textContent()).toContain('closed');
    await expectNoSeriousViolations(page, AXE_SCOPE);
    await shoot(page, 'results');

    const resident = await phone.newPage();
    await resident.goto(`${server.origin}/estates/${ESTATE}/inspections?block=${block('Block B')}&period=2026-11`);
    await slowly(() => resident.getByRole('heading', { level: 1 }).textContent()).toBe('How your blocks are kept: Highfield Towers');
    const text = (await resident.locator('main').textContent()) ?? '';
    expect(text).toContain('33%');
    expect(text).toContain('Extra clean booked every Tuesday.');
    expect(text).not.toContain('Block A');
    await expectNoSeriousViolations(resident, AXE_SCOPE);
    await shoot(resident, 'public');

    await page.goto(`${server.origin}/inspections/${ESTATE}/print?period=2026-11`);
    await slowly(() => page.getByTestId('monthly-summary').textContent()).toContain('November 2026');
    await expectNoSeriousViolations(page, AXE_SCOPE);
    await shoot(page, 'print-screen');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pdfPath = screenshotPath('inspections-monthly-summary').replace(/\.png$/, '.pdf');
    writeFileSync(pdfPath, pdf);
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    // The printed page as an image, to look at (poppler's pdftoppm where it is installed).
    const image = spawnSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdfPath, pdfPath.replace(/\.pdf$/, '-pdf')]);
    if (image.error) process.stderr.write(`thrive: pdftoppm not available (${image.error.message}); the PDF is at ${pdfPath}\n`);
  });
});
