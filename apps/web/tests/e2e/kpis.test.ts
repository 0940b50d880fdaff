// Community-defined KPIs end to end in Chromium, on the real built server: an officer drafts a
// KPI from a workshop's most-supported pin, records a forum's adoption (and a change, which
// becomes version 2 beside the adopted version 1), opens a survey wave; residents answer on a
// phone at 375×812 with touch — one online, one offline then online, one whose first answer
// reached the server but whose reply was lost — and each is counted exactly once; the public
// page of the ward shows the KPI in residents' words with its value and status and "you said,
// we did". Axe on every new page at three widths, with screenshots.
import { randomUUID } from 'node:crypto';
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

const EMAIL = 'kira@example.org';
const PASSWORD = 'a long officer password';
const WARD = 'E05004691';
const PHONE = { viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true };
const SIZES = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'phone', width: 375, height: 812 },
] as const;
const TOP_PIN = 'The underpass is too dark to walk through at night <b>really</b>';

/** Polls until the value matches: the machine is shared. */
const slowly = <T>(read: () => T | Promise<T>) =>
  expect.poll(read, { timeout: 45_000, interval: 250 });

interface KpiDetail {
  id: string;
  state: string;
  version: number;
  question: { surveyId: string } | null;
  versions: { version: number; adoption: { forum: string } | null }[];
  periods: { period: string; value: number | null; n: number | null; status: string }[];
}

describe.skipIf(!hasChromium)('residents decide what success looks like, in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;
  let dataDir = '';
  let officerCookie = '';
  let officer: BrowserContext;
  let page: Page;
  let workshopId = '';
  let kpiId = '';
  let surveyId = '';

  /** The API as the officer (with the Origin the cross-site check wants). */
  const asOfficer = (method: string, path: string, body?: unknown) =>
    fetch(`${server.origin}${path}`, {
      method,
      headers: { cookie: officerCookie, origin: server.origin, 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });

  /** A resident as plain HTTP: joins (keeping the cookie from the answer) and posts. */
  async function joined(path: string) {
    const response = await fetch(`${server.origin}${path}`, {
      method: 'POST',
      headers: { origin: server.origin },
    });
    expect(response.status).toBe(201);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return (url: string, body?: unknown) =>
      fetch(`${server.origin}${url}`, {
        method: 'POST',
        headers: {
          cookie,
          origin: server.origin,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? null : JSON.stringify(body),
      });
  }

  const kpi = async () =>
    (await (await asOfficer('GET', `/api/kpis/${kpiId}`)).json()) as KpiDetail;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'thrive-e2e-kpis-'));
    const pglite = join(dataDir, 'pglite');
    addAccount(pglite, { role: 'officer', name: 'Kira', email: EMAIL, password: PASSWORD });
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

    // A workshop on a ward with a place inside it, and residents' pins: the top one has support.
    const created = await asOfficer('POST', '/api/workshops', {
      title: 'Our estate, our say',
      areaCode: WARD,
    });
    expect(created.status).toBe(201);
    const workshop = (await created.json()) as { id: string; code: string };
    workshopId = workshop.id;
    const view = (await (await fetch(`${server.origin}/api/w/${workshop.code}`)).json()) as {
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
    const author = await joined(`/api/workshops/${workshop.code}/join`);
    const pin = async (theme: string, text: string) => {
      const r = await author(`/api/workshops/${workshop.code}/pins`, {
        id: randomUUID(),
        kind: 'issue',
        theme,
        text,
        ...place!,
      });
      expect(r.status, await r.clone().text()).toBe(201);
      return ((await r.json()) as { id: string }).id;
    };
    const top = await pin('safety', TOP_PIN);
    await pin('safety', 'More lights by the shops');
    await pin('young people', 'Somewhere dry for teenagers to meet');
    for (let i = 0; i < 5; i++) {
      const other = await joined(`/api/workshops/${workshop.code}/join`);
      expect((await other(`/api/workshops/${workshop.code}/pins/${top}/support`)).status).toBe(201);
    }
    const reply = await asOfficer('POST', `/api/pins/${top}/responses`, {
      status: 'planned',
      reply: 'New lights in the underpass this spring.',
      expectedBy: '2027-04-30',
    });
    expect(reply.status, await reply.clone().text()).toBe(201);

    browser = await launchBrowser();
    officer = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    page = await officer.newPage();
    await page.goto(`${server.origin}/signin?next=%2Fkpis`);
    await page.locator('form.signin[data-hydrated="true"]').waitFor();
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL(`${server.origin}/kpis`);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the public home page an empty list that says what happens next', async () => {
    const visitor = await browser.newPage();
    await visitor.goto(server.origin);
    await slowly(() => visitor.getByTestId('kpi-areas-empty').isVisible()).toBe(true);
    await visitor.close();
    await slowly(() => page.getByTestId('kpis-empty').isVisible()).toBe(true);
  });

  it(
    'drafts a KPI from the workshop’s most-supported pin, quoted, with a one-question survey',
    { timeout: 180_000 },
    async () => {
      await page.goto(`${server.origin}/workshops/${workshopId}`);
      await page.getByRole('link', { name: 'Draft KPIs from this workshop' }).click();
      await page.waitForURL(/\/kpis\/new\?workshop=/);
      const drafts = page.getByTestId('kpi-drafts');
      await slowly(() => drafts.locator('li').first().textContent()).toContain(TOP_PIN);
      await page.getByRole('button', { name: /^Use this draft\W+Safety$/ }).click();
      expect(await page.getByLabel('Statement, in residents’ own words').inputValue()).toBe(
        TOP_PIN,
      );
      // Residents rewrite it in their own words.
      await page
        .getByLabel('Statement, in residents’ own words')
        .fill('I feel safe walking through the underpass after dark.');
      await page.getByLabel('Short title').fill('Safe after dark');
      // Saving without a target names the problem and where.
      await page.getByRole('button', { name: 'Save the draft KPI' }).click();
      await slowly(() => page.getByTestId('error-summary').textContent()).toContain(
        'Give the target as a number',
      );
      await page.getByLabel(/^Target/).fill('70');
      await page.getByLabel('By when').fill('2027');
      await page.getByLabel('Fewest answers to judge, optional').fill('5');
      await expectNoSeriousViolations(page);
      await page.screenshot({ path: screenshotPath('kpis-new-filled-1366'), fullPage: true });
      await page.getByRole('button', { name: 'Save the draft KPI' }).click();
      await page.waitForURL(/\/kpis\/[0-9a-f-]{36}$/);
      kpiId = page.url().split('/').pop() ?? '';
      expect(await page.getByTestId('kpi-state').textContent()).toBe('Draft');
      const detail = await kpi();
      expect(detail).toMatchObject({ state: 'draft', version: 1 });
      surveyId = detail.question?.surveyId ?? '';
      expect(surveyId).toMatch(/^[0-9a-f-]{36}$/);
    },
  );

  it(
    'records the forum’s adoption, and keeps the adopted version when the wording changes',
    { timeout: 120_000 },
    async () => {
      await page.getByLabel('Forum', { exact: true }).fill('Highfield residents’ forum');
      await page.getByLabel('Date it adopted the KPI').fill('2026-01-15');
      await page.getByLabel('Link to the minutes (optional)').fill('https://example.org/minutes');
      await page.getByRole('button', { name: 'Record adoption' }).click();
      await slowly(() => page.getByTestId('kpi-state').textContent()).toBe('Adopted');

      await page.getByLabel('Short title').fill('Safe after dark, everywhere');
      await page.getByLabel('Why it changed').fill('The forum asked to include the paths');
      await page.getByRole('button', { name: 'Save the change' }).click();
      await slowly(() => page.getByTestId('kpi-versions').locator('tbody tr').count()).toBe(2);
      const rows = page.getByTestId('kpi-versions').locator('tbody tr');
      expect(await rows.nth(0).textContent()).toContain('Highfield residents’ forum');
      expect(await rows.nth(1).textContent()).toContain('Not adopted');
      // The forum adopts version 2 in turn.
      await page.getByLabel('Forum', { exact: true }).fill('Highfield residents’ forum');
      await page.getByLabel('Date it adopted the KPI').fill('2026-02-12');
      await page.getByRole('button', { name: 'Record adoption' }).click();
      await slowly(() => rows.nth(1).textContent()).toContain('12 February 2026');
      const detail = await kpi();
      expect(detail.versions.map((v) => v.adoption?.forum)).toEqual([
        'Highfield residents’ forum',
        'Highfield residents’ forum',
      ]);
    },
  );

  it(
    'opens a survey wave and shows the resident link and its QR code',
    { timeout: 60_000 },
    async () => {
      await page.goto(`${server.origin}/surveys/${surveyId}`);
      await page.getByLabel('Period of the new wave').fill('2026');
      await page.getByRole('button', { name: 'Open the wave' }).click();
      await slowly(() => page.getByTestId('open-wave').textContent()).toContain('2026');
      expect(await page.getByTestId('survey-link').getAttribute('href')).toBe(
        `${server.origin}/s/${surveyId}`,
      );
      expect(await page.locator('[data-testid="qr"] svg path').count()).toBeGreaterThan(0);
    },
  );

  it('counts five residents answering over plain HTTP, and a re-sent answer once', async () => {
    const survey = (await (await fetch(`${server.origin}/api/surveys/${surveyId}`)).json()) as {
      questions: { id: string }[];
    };
    const questionId = survey.questions[0]!.id;
    // Five agree and five do not: a share is shown only when both number 5 or more.
    for (const [i, value] of [5, 4, 4, 5, 5, 2, 2, 1, 2, 3].entries()) {
      const resident = await joined(`/api/surveys/${surveyId}/join`);
      const body = { id: randomUUID(), answers: [{ questionId, value }] };
      expect((await resident(`/api/surveys/${surveyId}/responses`, body)).status).toBe(201);
      if (i === 5)
        expect((await resident(`/api/surveys/${surveyId}/responses`, body)).status).toBe(200);
    }
    expect((await kpi()).periods).toEqual([
      expect.objectContaining({ period: '2026', n: 10, value: 0.5 }),
    ]);
  });

  it(
    'lets residents answer on a phone: online, offline then online, and with a lost reply, each counted once',
    { timeout: 240_000 },
    async () => {
      const answer = async (p: Page) => {
        await p.getByRole('button', { name: 'Start' }).tap();
        await slowly(() => p.getByText('Question 1 of 1').isVisible()).toBe(true);
        await p.getByText('Strongly agree', { exact: true }).tap();
        await p.getByRole('button', { name: 'Send my answers' }).tap();
      };

      // Online.
      const first = await browser.newContext(PHONE);
      const one = await first.newPage();
      await one.goto(`${server.origin}/s/${surveyId}`);
      await slowly(() => one.getByRole('button', { name: 'Start' }).isEnabled()).toBe(true);
      await expectNoSeriousViolations(one);
      await one.screenshot({ path: screenshotPath('survey-landing-375'), fullPage: true });
      await one.getByRole('button', { name: 'Start' }).tap();
      await slowly(() => one.getByText('Question 1 of 1').isVisible()).toBe(true);
      // Sending with no answer chosen says what to do.
      await one.getByRole('button', { name: 'Send my answers' }).tap();
      await slowly(() => one.locator('#question-problem').textContent()).toBe('Choose one answer.');
      await one.getByText('Strongly agree', { exact: true }).tap();
      await expectNoSeriousViolations(one);
      await one.screenshot({ path: screenshotPath('survey-question-375'), fullPage: true });
      await one.getByRole('button', { name: 'Send my answers' }).tap();
      await slowly(() => one.getByTestId('survey-done').getAttribute('data-done')).toBe('sent');
      await one.screenshot({ path: screenshotPath('survey-thanks-375'), fullPage: true });
      // Back again on the same phone: already answered this round.
      await one.reload();
      await slowly(() => one.getByTestId('survey-done').textContent()).toContain(
        'already answered',
      );
      await first.close();

      // Offline while answering, then back online: the outbox sends it once.
      const second = await browser.newContext(PHONE);
      const two = await second.newPage();
      await two.goto(`${server.origin}/s/${surveyId}`);
      await slowly(() => two.getByRole('button', { name: 'Start' }).isEnabled()).toBe(true);
      await two.getByRole('button', { name: 'Start' }).tap();
      await slowly(() => two.getByText('Question 1 of 1').isVisible()).toBe(true);
      await second.setOffline(true);
      await two.getByText('Agree', { exact: true }).tap();
      await two.getByRole('button', { name: 'Send my answers' }).tap();
      await slowly(() => two.getByTestId('survey-done').getAttribute('data-done')).toBe('queued');
      expect(await two.getByTestId('survey-status').getAttribute('data-waiting')).toBe('1');
      await two.screenshot({ path: screenshotPath('survey-queued-375'), fullPage: true });
      expect((await kpi()).periods[0]?.n).toBe(11);
      await second.setOffline(false);
      await slowly(() => two.getByTestId('survey-status').getAttribute('data-waiting')).toBe('0');
      await slowly(() => two.getByTestId('survey-status').textContent()).toContain(
        'Your answers are counted',
      );
      await second.close();

      // The server stores the answer but the reply never reaches the phone: the outbox sends
      // the same answer again, and the server recognises it (200), so it counts once.
      const third = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
      const three = await third.newPage();
      let lost = 0;
      await three.route('**/api/surveys/*/responses', async (route) => {
        if (lost === 0) {
          lost += 1;
          await route.fetch();
          return route.abort('connectionreset');
        }
        return route.continue();
      });
      await three.goto(`${server.origin}/s/${surveyId}`);
      await slowly(() => three.getByRole('button', { name: 'Start' }).isEnabled()).toBe(true);
      await answer(three);
      await slowly(() => three.getByTestId('survey-status').textContent()).toContain(
        'Your answers are counted',
      );
      expect(lost).toBe(1);
      expect(await three.getByTestId('survey-status').textContent()).not.toContain('not sent');
      await third.close();

      // 10 over HTTP + 3 phones: 13 answers, 8 agreeing; nothing counted twice.
      const detail = await kpi();
      expect(detail.periods).toEqual([
        expect.objectContaining({ period: '2026', n: 13, value: 8 / 13, status: 'off_track' }),
      ]);
    },
  );

  it('hands a station tablet from one person to the next', { timeout: 120_000 }, async () => {
    const tablet = await browser.newContext({
      viewport: { width: 768, height: 1024 },
      hasTouch: true,
    });
    const t = await tablet.newPage();
    await t.goto(`${server.origin}/s/${surveyId}?station=1`);
    await slowly(() => t.getByRole('button', { name: 'Start' }).isEnabled()).toBe(true);
    await t.getByRole('button', { name: 'Start' }).tap();
    await t.getByText('Disagree', { exact: true }).tap();
    await t.getByRole('button', { name: 'Send my answers' }).tap();
    await slowly(() => t.getByTestId('survey-done').getAttribute('data-done')).toBe('sent');
    await t.getByRole('button', { name: 'Next person' }).tap();
    await slowly(() => t.getByText('The next person can start now.').isVisible()).toBe(true);
    await t.getByRole('button', { name: 'Start' }).tap();
    await slowly(() => t.getByText('Question 1 of 1').isVisible()).toBe(true);
    await t.getByText('Agree', { exact: true }).tap();
    await t.getByRole('button', { name: 'Send my answers' }).tap();
    await slowly(() => t.getByTestId('survey-done').getAttribute('data-done')).toBe('sent');
    await tablet.close();
    expect((await kpi()).periods[0]?.n).toBe(15);
  });

  it(
    'shows the public page: the KPI in residents’ words, its value and status, and "you said, we did"',
    { timeout: 180_000 },
    async () => {
      const visitor = await browser.newContext(PHONE);
      const pub = await visitor.newPage();
      await pub.goto(server.origin);
      await pub.getByTestId('kpi-areas').getByRole('link').first().tap();
      await pub.waitForURL(`${server.origin}/estates/${WARD}`);
      const heading = await pub.getByRole('heading', { level: 1 }).textContent();
      expect(heading).toMatch(/^What success looks like on /);
      const card = pub.getByTestId('estate-kpi');
      expect(await card.count()).toBe(1);
      expect(await card.textContent()).toContain(
        '“I feel safe walking through the underpass after dark.”',
      );
      // 9 of 15 agree: 60.0%, not yet on track against the residents' 70% target.
      expect(await pub.getByTestId('kpi-status').textContent()).toMatch(
        /Not on track yet\s+— 60\.0% in 2026 \(15 answers\)/,
      );
      expect(await card.textContent()).toContain(
        'Adopted by Highfield residents’ forum on 12 February 2026',
      );
      expect(await pub.locator('svg[role="img"] title').textContent()).toContain('Safe after dark');
      const said = pub.getByTestId('said-did');
      // Residents' words as text, never markup.
      expect(await said.textContent()).toContain(TOP_PIN);
      expect(await said.locator('b').count()).toBe(0);
      expect(await said.textContent()).toContain('5 people said “me too”');
      expect(await said.textContent()).toContain('New lights in the underpass this spring.');
      await visitor.close();
    },
  );

  it.each(SIZES)(
    'has no serious accessibility problem on any new page at $name width',
    { timeout: 300_000 },
    async (size) => {
      const pages = [
        ['kpis-list', '/kpis'],
        ['kpis-new', `/kpis/new?workshop=${workshopId}`],
        ['kpis-detail', `/kpis/${kpiId}`],
        ['surveys-list', '/surveys'],
        ['surveys-new', '/surveys/new'],
        ['surveys-detail', `/surveys/${surveyId}`],
        ['surveys-poster', `/surveys/${surveyId}/poster`],
        ['estate', `/estates/${WARD}`],
        ['survey-resident', `/s/${surveyId}`],
        ['home', '/'],
      ] as const;
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const [name, path] of pages) {
        await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
        await expectNoSeriousViolations(page);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${name} fits ${size.width}px`).toBeLessThanOrEqual(size.width);
        await page.screenshot({ path: screenshotPath(`${name}-${size.width}`), fullPage: true });
      }
    },
  );

  it('prints the public page without the site header', { timeout: 60_000 }, async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${server.origin}/estates/${WARD}`, { waitUntil: 'networkidle' });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.getByTestId('estate-kpi').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('estate-print-1366'), fullPage: true });
    await page.emulateMedia({ media: null });
  });
});
