// Officers run a workshop in Chromium against the real built server: sign in, create a
// workshop on a Dacorum ward through the form, see the code and print the poster, open the
// live wall (no sign-in) in a second page; a resident (plain HTTP with the participant cookie)
// posts pins that arrive on the wall over server-sent events; the officer hides one (it leaves
// the wall) and records a "you said, we did" reply. Axe checks every officer page and the wall
// at desktop, tablet and phone widths. Screenshots and the poster's PDF go to test-results/.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './a11y.ts';
import { addAccount } from './accounts.ts';
import { hasChromium, launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

const EMAIL = 'olive@example.org';
const PASSWORD = 'a long officer password';
const WARD = 'E05004691';
// MapLibre draws on a WebGL canvas axe cannot read; the page lists everything on the map.
const AXE_SCOPE = { exclude: ['.maplibregl-canvas'] };
const SIZES = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'phone', width: 375, height: 812 },
] as const;

/** Polls until the value matches: the machine is shared and software WebGL is slow. */
const slowly = <T>(read: () => T | Promise<T>) =>
  expect.poll(read, { timeout: 45_000, interval: 250 });

/** A resident as plain HTTP: joins (keeping the participant cookie) and posts pins. */
async function residentJoins(origin: string, code: string) {
  const joined = await fetch(`${origin}/api/workshops/${code}/join`, { method: 'POST' });
  expect(joined.status).toBe(201);
  const cookie = (joined.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(cookie).toMatch(/^thrive_participant=/);
  return {
    async pin(body: Record<string, unknown>) {
      const response = await fetch(`${origin}/api/workshops/${code}/pins`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ id: randomUUID(), ...body }),
      });
      expect(response.status, await response.clone().text()).toBe(201);
      return (await response.json()) as { id: string };
    },
  };
}

describe.skipIf(!hasChromium)('officers run a workshop, in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  let dataDir = '';
  let officer: BrowserContext;
  let page: Page;
  let workshop = { id: '', code: '' };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'thrive-e2e-workshops-'));
    const pglite = join(dataDir, 'pglite');
    addAccount(pglite, { role: 'officer', name: 'Olive', email: EMAIL, password: PASSWORD });
    server = await startServer({ PGLITE_DIR: pglite });
    browser = await launchBrowser();
    officer = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    page = await officer.newPage();
    // The first start loads the demo authorities: minutes on a busy machine.
  }, 360_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('asks a visitor who is not signed in to sign in, in words, with a link', async () => {
    const anonymous = await browser.newPage();
    await anonymous.goto(`${server.origin}/workshops`);
    await slowly(() => anonymous.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Sign in to run workshops',
    );
    const link = anonymous.locator('main').getByRole('link', { name: 'Sign in', exact: true });
    expect(await link.getAttribute('href')).toContain('/signin?next=%2Fworkshops');
    await anonymous.close();
  });

  it('signs the officer in and shows an empty list that says what to do next', async () => {
    await page.goto(`${server.origin}/signin?next=%2Fworkshops`);
    await page.locator('form.signin[data-hydrated="true"]').waitFor();
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL(`${server.origin}/workshops`);
    await slowly(() => page.getByTestId('workshops-empty').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Workshops', exact: true }).count()).toBe(1);
  });

  it(
    'creates a workshop on a Dacorum ward through the form, errors shown by the fields',
    { timeout: 240_000 },
    async () => {
      await page.getByRole('link', { name: 'New workshop' }).click();
      await page.waitForURL(/\/workshops\/new$/);
      // Sending it empty names each problem in a summary linked to its field.
      await page.getByRole('button', { name: 'Create workshop' }).click();
      const summary = page.getByTestId('error-summary');
      await slowly(() => summary.textContent()).toContain('Enter a title for the workshop');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'error-summary',
      );
      await expectNoSeriousViolations(page, AXE_SCOPE);

      await page.getByLabel('Title').fill('Have your say: Highfield');
      await page.getByLabel('Local authority').selectOption({ label: 'Dacorum' });
      const wards = page.getByLabel('Ward', { exact: true });
      await slowly(() => wards.locator('option').count()).toBeGreaterThan(10);
      await wards.selectOption(WARD);

      // A named place, clicked on the map of the chosen ward.
      await page.getByLabel('Place name').fill('the community centre');
      const placesMap = page.locator('[data-map-ready="true"]').last();
      await slowly(() => page.locator('[data-map-ready="true"]').count()).toBe(2);
      const at = await placesMap.evaluate(
        (node, code) =>
          (
            node as unknown as {
              __thriveMap: { pointIn(c: string): { x: number; y: number } | null };
            }
          ).__thriveMap.pointIn(code),
        WARD,
      );
      expect(at).not.toBeNull();
      await placesMap.scrollIntoViewIfNeeded();
      const box = await placesMap.boundingBox();
      await page.mouse.click(box!.x + at!.x, box!.y + at!.y);
      await slowly(() => page.getByLabel('Longitude').inputValue()).not.toBe('');
      await page.getByRole('button', { name: 'Add place' }).click();
      await slowly(() => page.getByText('the community centre', { exact: true }).count()).toBe(1);

      // One theme renamed, one added.
      await page.getByLabel('Theme 9').fill('shops, cafés and services');
      await page.getByLabel('New theme').fill('noise');
      await page.getByRole('button', { name: 'Add theme' }).click();
      await page.screenshot({ path: screenshotPath('workshops-new-filled-1366'), fullPage: true });

      await page.getByRole('button', { name: 'Create workshop' }).click();
      await page.waitForURL(/\/workshops\/[0-9a-f-]{36}$/);
      const code = (await page.getByTestId('join-code').textContent())?.trim() ?? '';
      expect(code).toMatch(/^[A-Z0-9]{4,10}$/);
      workshop = { id: page.url().split('/').pop() ?? '', code };
      await page.screenshot({ path: screenshotPath('workshops-detail-1366'), fullPage: true });
    },
  );

  it(
    'prints an A4 poster with the code and a QR code, without the site header',
    { timeout: 120_000 },
    async () => {
      await page.getByRole('link', { name: 'Print the poster' }).click();
      await page.waitForURL(/\/poster$/);
      expect(await page.getByTestId('poster-code').textContent()).toContain(workshop.code);
      expect(await page.locator('[data-testid="qr"] svg path').count()).toBeGreaterThan(0);
      await page.screenshot({
        path: screenshotPath('workshops-poster-screen-1366'),
        fullPage: true,
      });
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      await page.emulateMedia({ media: null });
      writeFileSync(screenshotPath('workshops-poster').replace(/\.png$/, '.pdf'), pdf);
      // One A4 page: the poster must not spill onto a second sheet.
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    },
  );

  it(
    'fills the live wall over server-sent events and empties it when the officer hides a pin',
    { timeout: 240_000 },
    async () => {
      const wallContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const wall = await wallContext.newPage();
      await wall.goto(`${server.origin}/workshops/${workshop.id}/wall`);
      await slowly(() => wall.getByTestId('wall').getAttribute('data-connection')).toBe('live');
      expect(await wall.getByTestId('wall-total').textContent()).toBe('0');

      const details = (await (
        await page.request.get(`${server.origin}/api/workshops/${workshop.id}`)
      ).json()) as { places: { id: string }[] };
      const resident = await residentJoins(server.origin, workshop.code);
      const hidden = await resident.pin({
        kind: 'issue',
        theme: 'safety',
        text: 'The underpass lights are broken <script>alert(1)</script>',
        placeId: details.places[0]?.id,
      });
      const kept = await resident.pin({
        kind: 'aspiration',
        theme: 'young people',
        text: 'A covered place for teenagers to meet',
        placeId: details.places[0]?.id,
      });
      await slowly(() => wall.getByTestId('wall-total').textContent()).toBe('2');
      const latest = wall.getByTestId('wall-latest');
      expect(await latest.textContent()).toContain('<script>alert(1)</script>');
      expect(await wall.getByTestId('wall-kind-issue').textContent()).toContain('1');
      await wall.waitForTimeout(300);
      await wall.screenshot({ path: screenshotPath('workshops-wall-1366') });

      await page.goto(`${server.origin}/workshops/${workshop.id}/moderate`);
      const card = page.locator(`article[data-pin="${hidden.id}"]`);
      await card.getByLabel('Reason for hiding').fill('Names a neighbour');
      await card.getByRole('button', { name: 'Hide' }).click();
      await slowly(() => card.getByTestId('pin-state').textContent()).toBe('Hidden');
      await slowly(() => wall.getByTestId('wall-total').textContent()).toBe('1');
      expect(await latest.textContent()).not.toContain('underpass');

      // "You said, we did": planned work needs a date; the reply shows in the history.
      const other = page.locator(`article[data-pin="${kept.id}"]`);
      await other.getByLabel('Where it stands').selectOption('planned');
      await other.getByLabel('Reply in plain words').fill('We will build a shelter by the park.');
      await other.getByRole('button', { name: 'Save reply' }).click();
      await slowly(() => other.textContent()).toContain('Give the date residents can expect it');
      await other.getByLabel('Expected by').fill('2027-06-30');
      await other.getByRole('button', { name: 'Save reply' }).click();
      await slowly(() => other.textContent()).toContain('Reply saved.');
      await other.getByRole('button', { name: 'Show the history of replies' }).click();
      await slowly(() => other.locator('.history').textContent()).toContain(
        'We will build a shelter by the park.',
      );
      await page.screenshot({ path: screenshotPath('workshops-moderate-1366'), fullPage: true });
      await wallContext.close();
    },
  );

  it('closes and reopens the workshop', async () => {
    await page.goto(`${server.origin}/workshops/${workshop.id}`);
    await page.getByRole('button', { name: 'Close the workshop' }).click();
    await slowly(() => page.getByTestId('status').textContent()).toBe('Closed');
    await page.getByRole('button', { name: 'Open the workshop' }).click();
    await slowly(() => page.getByTestId('status').textContent()).toBe('Open');
  });

  it.each(SIZES)(
    'has no serious accessibility problem on any page at $name width',
    { timeout: 300_000 },
    async (size) => {
      const paths = [
        ['list', '/workshops'],
        ['new', '/workshops/new'],
        ['detail', `/workshops/${workshop.id}`],
        ['poster', `/workshops/${workshop.id}/poster`],
        ['moderate', `/workshops/${workshop.id}/moderate`],
        ['analysis', `/workshops/${workshop.id}/analysis`],
        ['wall', `/workshops/${workshop.id}/wall`],
      ] as const;
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const [name, path] of paths) {
        await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
        await expectNoSeriousViolations(page, AXE_SCOPE);
        await page.screenshot({
          path: screenshotPath(`workshops-${name}-${size.width}`),
          fullPage: name !== 'wall',
        });
      }
    },
  );
});
