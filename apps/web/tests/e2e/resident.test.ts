// The resident page in Chromium at a phone's size and touch: joining by code, a pin by tapping
// the map, a pin with the keyboard alone, pins and a "me too" made offline that reach the server
// exactly once after a reload from the service worker, station hand-over, a hidden pin going
// away, and axe. The real built server on an empty PGlite with demo data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointInArea, type AreaGeometry } from '../../src/lib/residents/area.ts';
import { expectNoSeriousViolations } from './a11y.ts';
import { addAccount } from './accounts.ts';
import { hasChromium, launchBrowser, screenshotPath } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

const EMAIL = 'officer@example.org';
const PASSWORD = 'a long test password';
const WARD = 'E05004691';
// The machine running these may be busy: state is waited for, generously.
const SLOW = { timeout: 30_000 };
const PHONE = { viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true };

interface PinFeature {
  id: string;
  geometry: { coordinates: number[] } | null;
  properties: { text: string; support: number; placeName: string | null };
}

describe.skipIf(!hasChromium)('the resident page, in Chromium on a phone', () => {
  let browser: Browser;
  let server: RunningServer;
  let dataDir = '';
  let officerCookie = '';
  let code = '';
  let workshopId = '';
  const placeName = 'the community centre';
  let othersPinId = '';
  // One resident's phone, kept across the tests that follow one another.
  let phone: BrowserContext;
  let page: Page;

  /** A call to the API as the officer (with the Origin the cross-site check wants). */
  async function asOfficer(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${server.origin}${path}`, {
      method,
      headers: {
        cookie: officerCookie,
        origin: server.origin,
        'content-type': 'application/json',
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
  }

  async function publishedPins(): Promise<PinFeature[]> {
    const response = await fetch(`${server.origin}/api/workshops/${code}/pins`);
    return ((await response.json()) as { features: PinFeature[] }).features;
  }

  const waiting = (p: Page) =>
    p.getByTestId('waiting-count').getAttribute('data-waiting').then(Number);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'thrive-e2e-resident-'));
    const pglite = join(dataDir, 'pglite');
    addAccount(pglite, { role: 'officer', name: 'Olu', email: EMAIL, password: PASSWORD });
    server = await startServer({ PGLITE_DIR: pglite });

    const login = await fetch(`${server.origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.origin },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    officerCookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');

    const created = await asOfficer('POST', '/api/workshops', {
      title: 'Our estate, our say',
      areaCode: WARD,
    });
    expect(created.status).toBe(201);
    const workshop = (await created.json()) as { id: string; code: string };
    code = workshop.code;
    workshopId = workshop.id;

    // A named place inside the ward, found by probing its box.
    const view = (await (await fetch(`${server.origin}/api/w/${code}`)).json()) as {
      area: { geometry: AreaGeometry; bbox: number[] };
    };
    const [w, s, e, n] = view.area.bbox as [number, number, number, number];
    let place: { lon: number; lat: number } | null = null;
    for (let i = 1; i < 10 && !place; i++)
      for (let j = 1; j < 10 && !place; j++) {
        const lon = w + ((e - w) * i) / 10;
        const lat = s + ((n - s) * j) / 10;
        if (pointInArea(view.area.geometry, lon, lat)) place = { lon, lat };
      }
    expect(place).not.toBeNull();
    const patched = await asOfficer('PATCH', `/api/workshops/${workshop.id}`, {
      places: [{ name: placeName, ...place! }],
    });
    expect(patched.status).toBe(200);

    // Another resident's pin, for "me too".
    const joined = await fetch(`${server.origin}/api/workshops/${code}/join`, {
      method: 'POST',
      headers: { origin: server.origin },
    });
    expect(joined.status).toBe(201);
    const theirCookie = joined.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    othersPinId = crypto.randomUUID();
    const theirs = await fetch(`${server.origin}/api/workshops/${code}/pins`, {
      method: 'POST',
      headers: { cookie: theirCookie, origin: server.origin, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: othersPinId,
        kind: 'issue',
        theme: 'safety',
        text: 'The path by the garages has no lights at night.',
      }),
    });
    expect(theirs.status).toBe(201);

    browser = await launchBrowser();
    phone = await browser.newContext(PHONE);
    page = await phone.newPage();
  });

  afterAll(async () => {
    await phone?.close();
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('joins by typing the code from the poster, in lower case', async () => {
    await page.goto(`${server.origin}/w`);
    await page.getByLabel('Type the code from the poster').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Go' }).tap();
    await page.waitForURL(`${server.origin}/w/${code}`);
    await expect.poll(() => page.locator('h1').textContent(), SLOW).toBe('Our estate, our say');
    await page.screenshot({ path: screenshotPath('resident-landing-375'), fullPage: true });
    await page.getByRole('button', { name: 'Join', exact: true }).tap();
    await page.locator('[data-joined="true"]').waitFor();
  });

  it('adds a pin by tapping the map, which arrives on the live wall, then answers "about you"', async () => {
    // The projector wall, open in a second page before the pin is made.
    const projector = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const wall = await projector.newPage();
    await wall.goto(`${server.origin}/workshops/${workshopId}/wall`);
    await expect
      .poll(() => wall.getByTestId('wall').getAttribute('data-connection'), SLOW)
      .toBe('live');
    expect(await wall.getByTestId('wall-latest').textContent()).not.toContain('lamp post');

    const map = page.locator('[data-map-ready="true"]');
    await map.waitFor();
    const point = await map.evaluate(
      (node, ward) =>
        (
          node as unknown as { __thriveMap: { pointIn(c: string): { x: number; y: number } } }
        ).__thriveMap.pointIn(ward),
      WARD,
    );
    const box = await map.boundingBox();
    expect(point && box).toBeTruthy();
    await page.touchscreen.tap(box!.x + point.x, box!.y + point.y);
    await expect.poll(() => page.locator('.chosen-pin').count(), SLOW).toBe(1);

    await page.getByText('Something that needs fixing').tap();
    await page.getByLabel('What is it about?').selectOption('safety');
    await page.getByLabel('Tell us more').fill('The lamp post by the bus stop is broken.');
    await page.screenshot({ path: screenshotPath('resident-form-375'), fullPage: true });
    await page.getByRole('button', { name: 'Add my pin' }).tap();
    await expect
      .poll(() => page.getByRole('status').first().textContent(), SLOW)
      .toContain('Your pin has been added');

    const stored = (await publishedPins()).filter((p) => p.properties.text.includes('lamp post'));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.geometry?.coordinates).toHaveLength(2);
    // Over server-sent events, with no reload of the wall.
    await expect
      .poll(() => wall.getByTestId('wall-latest').textContent(), SLOW)
      .toContain('The lamp post by the bus stop is broken.');
    await projector.close();

    // Asked once, after the first pin; "Prefer not to say" everywhere.
    await page.getByRole('heading', { name: /About you/ }).waitFor();
    await page.screenshot({ path: screenshotPath('resident-about-375'), fullPage: true });
    await page
      .getByRole('radiogroup', { name: 'How old are you?' })
      .waitFor()
      .catch(() => {});
    await page.locator('input[name="ageBand"][value="prefer_not_to_say"]').check();
    await page.getByRole('button', { name: 'Save my answers' }).tap();
    await page.getByRole('heading', { name: 'Add a pin' }).waitFor();
  });

  it('adds a pin without the map, with the keyboard alone', async () => {
    await page.locator('#pin-form-heading').focus();
    // Tab to the first kind, arrow to the second ("How I'd like it to be").
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.getAttribute('name'))) === 'kind')
        break;
    }
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // the first theme
    await page.keyboard.press('Tab');
    await page.keyboard.type('A bench near the community centre for older people.');
    await page.keyboard.press('Tab'); // "where": the first way, the map
    await page.keyboard.press('ArrowDown'); // a place from a list
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // the first place
    expect(await page.locator('input[name="where"]:checked').getAttribute('value')).toBe('place');
    expect(await page.locator('#pin-place').inputValue()).not.toBe('');
    await page.keyboard.press('Tab'); // the photo
    await page.keyboard.press('Tab'); // "Add my pin"
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      'Add my pin',
    );
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('status').first().textContent(), SLOW)
      .toContain('Your pin has been added');
    const stored = (await publishedPins()).filter((p) => p.properties.text.includes('A bench'));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.properties.placeName).toBe(placeName);
  });

  it('shows the summary of problems, linked to each field', async () => {
    await page.getByRole('button', { name: 'Add my pin' }).tap();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Choose what you want to tell us',
      'Choose what it is about',
      'Tell us more in a few words',
      'Tap the map, use your location, or choose a place',
    ]);
    await page.screenshot({ path: screenshotPath('resident-errors-375'), fullPage: true });
    await summary.getByRole('link', { name: 'Tell us more in a few words' }).tap();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pin-text');
  });

  it('passes axe on the resident page (the WebGL canvas excluded: axe cannot read it)', async () => {
    await expectNoSeriousViolations(page, { exclude: ['.maplibregl-canvas'] });
  });

  it('keeps two pins and a "me too" made offline, reloads offline, and sends each once', async () => {
    await page.reload();
    await page.locator('[data-offline-ready="true"]').waitFor();
    await phone.setOffline(true);

    for (const text of ['Offline one: the bins overflow.', 'Offline two: more swings please.']) {
      await page.getByText('Something that needs fixing').tap();
      await page.getByLabel('What is it about?').selectOption('homes');
      await page.getByLabel('Tell us more').fill(text);
      await page.locator('#pin-where-place').check();
      await page.getByLabel('Place', { exact: true }).selectOption('elsewhere');
      await page.getByRole('button', { name: 'Add my pin' }).tap();
      await expect
        .poll(() => page.getByRole('status').first().textContent(), SLOW)
        .toContain('saved on this device');
    }
    const others = page.locator(`li[data-pin-id="${othersPinId}"]`);
    await others.getByRole('button', { name: /Me too/ }).tap();
    await expect.poll(() => waiting(page), SLOW).toBe(3);
    await page.screenshot({ path: screenshotPath('resident-offline-375'), fullPage: true });

    await page.reload();
    await expect.poll(() => page.locator('h1').textContent(), SLOW).toBe('Our estate, our say');
    await expect.poll(() => waiting(page), SLOW).toBe(3);
    expect(await page.getByTestId('my-pins').textContent()).toContain('Waiting to be sent');

    await phone.setOffline(false);
    await expect.poll(() => waiting(page), SLOW).toBe(0);
    const pins = await publishedPins();
    expect(pins.filter((p) => p.properties.text.startsWith('Offline one'))).toHaveLength(1);
    expect(pins.filter((p) => p.properties.text.startsWith('Offline two'))).toHaveLength(1);
    expect(pins.find((p) => p.id === othersPinId)?.properties.support).toBe(1);
    await expect
      .poll(() => page.getByTestId('my-pins').textContent(), SLOW)
      .not.toContain('Waiting to be sent');
  });

  it('takes a hidden pin away from residents', async () => {
    const hidden = await asOfficer('PATCH', `/api/pins/${othersPinId}`, {
      moderation: 'hidden',
      reason: 'Test: hidden by the organisers',
    });
    expect(hidden.status).toBe(200);
    await page.reload();
    await page.locator('h1').waitFor();
    await expect.poll(() => page.locator(`li[data-pin-id="${othersPinId}"]`).count(), SLOW).toBe(0);
    expect(await page.locator('.pin-list').textContent()).not.toContain('garages');
  });

  it('looks right at 320 px', async () => {
    await page.setViewportSize({ width: 320, height: 720 });
    await page.locator('[data-map-ready="true"]').waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await page.screenshot({ path: screenshotPath('resident-page-320'), fullPage: true });
  });

  it('hands a shared tablet to the next person with nothing of the last one left', async () => {
    const tablet = await browser.newContext(PHONE);
    const kiosk = await tablet.newPage();
    await kiosk.goto(`${server.origin}/w/${code}?station=1`);
    await kiosk.getByRole('button', { name: 'Start' }).tap();
    await kiosk.locator('[data-joined="true"]').waitFor();
    await kiosk.getByText('Something good here').tap();
    await kiosk.getByLabel('What is it about?').selectOption('community spaces');
    await kiosk.getByLabel('Tell us more').fill('Station person one: the garden club.');
    await kiosk.locator('#pin-where-place').check();
    await kiosk.getByLabel('Place', { exact: true }).selectOption('elsewhere');
    await kiosk.getByRole('button', { name: 'Add my pin' }).tap();
    await expect
      .poll(() => kiosk.getByTestId('my-pins').textContent(), SLOW)
      .toContain('Station person one');
    await kiosk.getByRole('button', { name: 'Skip these questions' }).tap();
    await kiosk.getByLabel('Tell us more').fill('Half-written words of person one');

    await kiosk.getByRole('button', { name: 'I’m done' }).tap();
    await kiosk.getByRole('button', { name: 'Start' }).waitFor();
    expect(await kiosk.getByTestId('my-pins').count()).toBe(0);
    expect(await kiosk.locator('body').textContent()).not.toContain('Half-written');
    await kiosk.screenshot({ path: screenshotPath('resident-station-375'), fullPage: true });

    await kiosk.getByRole('button', { name: 'Start' }).tap();
    await kiosk.locator('[data-joined="true"]').waitFor();
    await expect
      .poll(() => kiosk.getByTestId('my-pins').textContent(), SLOW)
      .toContain('You have not added any pins yet.');
    expect(await kiosk.getByLabel('Tell us more').inputValue()).toBe('');
    await tablet.close();
  });
});
