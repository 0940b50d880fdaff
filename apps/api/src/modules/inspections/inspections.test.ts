// Block inspections over the API, on both engines: officers define standards, blocks and invite
// inspectors; an invite gives the participant cookie with the inspector role; inspections are
// stored exactly once (201, then 200 for a retry, 409 for other content); photos lose EXIF and
// GPS; the summary gives the worked example of issue 14 and withholds counts under 5.
import type { Db } from '@thrive/db';
import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApp, addAccount, signInAs } from '../../test-support/accounts.ts';
import { ESTATE, addWardWithEstate } from '../../test-support/areas.ts';
import type { ResultsBody, StandardBody, StandardsBody, SummaryRow } from './schemas.ts';

const STAIRWELLS = {
  title: 'Stairwells clean',
  description: 'No litter, no smells, floors swept.',
  scale: 'meets',
  target: 0.95,
};
const LIFTS = {
  title: 'Lifts working',
  description: 'Every lift comes when called.',
  scale: '1-5',
  threshold: 4,
  target: 0.9,
};

describe.each(testEngines())('block inspections on $name', (engine) => {
  let app: FastifyInstance;
  let db: Db;
  let officer: string;
  let partner: string;
  let standard: StandardBody;
  let blockA: string;
  let blockB: string;
  let inspector: string;

  const request = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, cookie?: string) =>
    app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }), headers: cookie ? { cookie } : {} });
  const stairwell = () => standard.items[0]!.id;
  const lift = () => standard.items[1]!.id;
  const inspection = (over: Record<string, unknown> = {}) => ({
    id: crypto.randomUUID(),
    blockId: blockA,
    inspectedOn: '2026-10-14',
    scores: [
      { itemId: stairwell(), value: 1 },
      { itemId: lift(), value: 5, note: 'Both lifts fine' },
    ],
    ...over,
  });

  /** Opens an invite link as a phone would and returns its participant cookie. */
  async function openInvite(): Promise<string> {
    const invite = await request('POST', `/api/estates/${ESTATE}/inspectors`, undefined, officer);
    expect(invite.statusCode, invite.body).toBe(201);
    const url = new URL(invite.json<{ inviteUrl: string }>().inviteUrl);
    const opened = await request('GET', url.pathname);
    expect(opened.statusCode, opened.body).toBe(303);
    expect(opened.headers.location).toBe(`/inspect/${ESTATE}`);
    const cookie = opened.cookies.find((c) => c.name === 'thrive_participant');
    expect(cookie?.httpOnly).toBe(true);
    return `thrive_participant=${cookie!.value}`;
  }

  beforeAll(async () => {
    ({ app, db } = await accountsApp(engine));
    await addWardWithEstate(db);
    await addAccount(db, 'officer');
    await addAccount(db, 'partner');
    officer = await signInAs(app, 'officer@example.org');
    partner = await signInAs(app, 'partner@example.org');
  });
  afterAll(() => app?.close());

  it('lets only officers define standards, add blocks and invite inspectors (401 anonymous, 403 partner)', async () => {
    for (const [url, payload] of [
      [`/api/estates/${ESTATE}/standards`, { items: [STAIRWELLS] }],
      [`/api/estates/${ESTATE}/blocks`, { name: 'Block Z', lon: -0.47, lat: 51.75 }],
      [`/api/estates/${ESTATE}/inspectors`, undefined],
    ] as const) {
      expect((await request('POST', url, payload)).statusCode).toBe(401);
      expect((await request('POST', url, payload, partner)).statusCode).toBe(403);
    }
  });

  it('answers 400 naming the field for a 1–5 item without a threshold, a target over 1 and a block off the globe', async () => {
    const noThreshold = await request('POST', `/api/estates/${ESTATE}/standards`, { items: [{ ...LIFTS, threshold: undefined }] }, officer);
    expect(noThreshold.statusCode).toBe(400);
    expect(noThreshold.json()).toMatchObject({ field: 'body.items.0.threshold' });
    const percent = await request('POST', `/api/estates/${ESTATE}/standards`, { items: [{ ...STAIRWELLS, target: 95 }] }, officer);
    expect(percent.statusCode).toBe(400);
    const offGlobe = await request('POST', `/api/estates/${ESTATE}/blocks`, { name: 'Block Q', lon: 200, lat: 51 }, officer);
    expect(offGlobe.statusCode).toBe(400);
    expect((await request('POST', '/api/estates/NO-SUCH/blocks', { name: 'B', lon: 0, lat: 51 }, officer)).statusCode).toBe(404);
  });

  it('stores a standard with its item ids, and a change as a new version', async () => {
    const first = await request('POST', `/api/estates/${ESTATE}/standards`, { items: [STAIRWELLS] }, officer);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<StandardBody>().version).toBe(1);
    const second = await request('POST', `/api/estates/${ESTATE}/standards`, { items: [STAIRWELLS, LIFTS] }, officer);
    expect(second.statusCode).toBe(201);
    standard = second.json<StandardBody>();
    expect(standard.version).toBe(2);
    expect(standard.items.map((i) => [i.title, i.scale, i.threshold, i.target])).toEqual([
      ['Stairwells clean', 'meets', null, 0.95],
      ['Lifts working', '1-5', 4, 0.9],
    ]);
    expect(standard.items[0]!.id).not.toBe(first.json<StandardBody>().items[0]!.id);
    const read = await request('GET', `/api/estates/${ESTATE}/standards`);
    expect(read.json()).toMatchObject({ current: { version: 2 }, versions: [{ version: 2 }, { version: 1 }] });
  });

  it('adds blocks as named points and from uploaded GeoJSON outlines, refusing a second block of one name', async () => {
    const a = await request('POST', `/api/estates/${ESTATE}/blocks`, { name: 'Block A', lon: -0.4712, lat: 51.7521 }, officer);
    expect(a.statusCode, a.body).toBe(201);
    blockA = a.json<{ id: string }>().id;
    const ring = [[-0.47, 51.75], [-0.469, 51.75], [-0.469, 51.751], [-0.47, 51.751], [-0.47, 51.75]];
    const imported = await request('POST', `/api/estates/${ESTATE}/blocks/import`, {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: 'Block B' }, geometry: { type: 'Polygon', coordinates: [ring] } }],
    }, officer);
    expect(imported.statusCode, imported.body).toBe(201);
    blockB = imported.json<{ ids: string[] }>().ids[0]!;
    const blocks = (await request('GET', `/api/estates/${ESTATE}/blocks`)).json<{ blocks: { id: string; lon: number; lat: number }[] }>().blocks;
    expect(blocks.find((b) => b.id === blockB)).toMatchObject({ lon: -0.4695, lat: 51.7505 });
    expect((await request('POST', `/api/estates/${ESTATE}/blocks`, { name: 'Block A', lon: -0.47, lat: 51.75 }, officer)).statusCode).toBe(409);
    const open = await request('POST', `/api/estates/${ESTATE}/blocks/import`, {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: 'Block Open' }, geometry: { type: 'Polygon', coordinates: [ring.slice(0, 4)] } }],
    }, officer);
    expect(open.statusCode).toBe(400);
  });

  it('gives whoever opens an invite the participant cookie with the inspector role, and nothing to a bad link', async () => {
    inspector = await openInvite();
    const me = await request('GET', '/api/inspect/me', undefined, inspector);
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ estate: { code: ESTATE }, standard: { version: 2 }, displayName: null });
    const row = await db.db.selectFrom('participant').select(['role', 'workshop_id']).where('role', '=', 'inspector').executeTakeFirstOrThrow();
    expect(row).toEqual({ role: 'inspector', workshop_id: null });
    expect((await request('GET', `/api/inspector-invites/${'x'.repeat(43)}`)).statusCode).toBe(404);
    expect((await request('GET', '/api/inspect/me')).statusCode).toBe(401);
    expect((await request('PUT', '/api/inspect/me', { displayName: 'Pat' }, inspector)).statusCode).toBe(204);
  });

  it('stores an inspection once: 201, the same again 200, the same id with other scores 409', async () => {
    const body = inspection();
    const first = await request('POST', '/api/inspections', body, inspector);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ id: body.id, standardVersion: 2, hasPhoto: false });
    // The same content with the scores in another order is the same inspection.
    const again = await request('POST', '/api/inspections', { ...body, scores: [...body.scores].reverse() }, inspector);
    expect(again.statusCode).toBe(200);
    const other = await request('POST', '/api/inspections', { ...body, scores: [{ itemId: stairwell(), value: 0 }] }, inspector);
    expect(other.statusCode).toBe(409);
    expect((await request('POST', '/api/inspections', inspection())).statusCode).toBe(401);
    expect((await request('POST', '/api/inspections', inspection(), officer)).statusCode).toBe(401);
  });

  it('counts an inspection re-sent from the offline queue once, even when the copies race', async () => {
    const body = inspection({ blockId: blockB, inspectedOn: '2026-09-03' });
    const answers = await Promise.all([1, 2, 3].map(() => request('POST', '/api/inspections', body, inspector)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
    expect((await request('POST', '/api/inspections', body, inspector)).statusCode).toBe(200);
    const rows = (await request('GET', `/api/inspections/summary?estate=${ESTATE}&period=2026-09`, undefined, officer)).json<SummaryRow[]>();
    expect(rows.find((r) => r.blockId === blockB && r.itemId === stairwell())).toMatchObject({ meets: 1, n: 1 });
  });

  it('answers 400 naming the field for a score off its scale, an item of no standard, a future date and a block elsewhere', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ scores: [{ itemId: stairwell(), value: 3 }] }, 'body.scores.0.value'],
      [{ scores: [{ itemId: crypto.randomUUID(), value: 1 }] }, 'body.scores.0.itemId'],
      [{ scores: [{ itemId: stairwell(), value: 1 }, { itemId: stairwell(), value: 1 }] }, 'body.scores.1.itemId'],
      [{ inspectedOn: '2099-01-01' }, 'body.inspectedOn'],
      [{ blockId: crypto.randomUUID() }, 'body.blockId'],
    ];
    for (const [over, field] of cases) {
      const response = await request('POST', '/api/inspections', inspection(over), inspector);
      expect(response.statusCode, JSON.stringify(over)).toBe(400);
      expect(response.json()).toMatchObject({ field });
    }
    expect((await request('POST', '/api/inspections', { ...inspection(), id: 'not-a-uuid' }, inspector)).statusCode).toBe(400);
  });

  it('gives the worked example: 20 inspections of one stairwell, 17 meeting → 85%, 64.0%–94.8%, below a 95% target', async () => {
    for (let i = 0; i < 20; i++) {
      const r = await request('POST', '/api/inspections', inspection({
        inspectedOn: `2026-11-${String(i + 1).padStart(2, '0')}`,
        scores: [{ itemId: stairwell(), value: i < 17 ? 1 : 0 }],
      }), inspector);
      expect(r.statusCode).toBe(201);
    }
    const rows = (await request('GET', `/api/inspections/summary?estate=${ESTATE}&period=2026-11`)).json<SummaryRow[]>();
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ blockId: blockA, itemId: stairwell(), meets: 17, n: 20, status: 'below_target' });
    expect(row!.share.value).toBeCloseTo(0.85, 10);
    expect(row!.share.lower).toBeCloseTo(0.640, 3);
    expect(row!.share.upper).toBeCloseTo(0.948, 3);
  });

  it('withholds counts from 1 to 4 inspections from the public but not from officers, and names no inspector', async () => {
    const path = `/api/inspections/summary?estate=${ESTATE}&period=2026-10`;
    const anyone = (await request('GET', path)).json<SummaryRow[]>().find((r) => r.itemId === lift())!;
    expect(anyone).toMatchObject({ meets: null, n: null, share: { value: null }, status: 'too_few_inspections', suppressed: true });
    const officers = (await request('GET', path, undefined, officer)).json<SummaryRow[]>().find((r) => r.itemId === lift())!;
    expect(officers).toMatchObject({ meets: 1, n: 1, suppressed: false });
    const page = await request('GET', `/api/estates/${ESTATE}/inspection-results?period=2026-11&block=${blockA}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.body).not.toContain('Pat');
    const results = page.json<ResultsBody>();
    expect(results.rows.find((r) => r.itemId === stairwell())).toMatchObject({ meets: 17, n: 20, status: 'below_target' });
    expect(results.periods).toEqual(['2026-11', '2026-10', '2026-09']);
  });

  it('compares blocks with the estate and shows the trend from the month before', async () => {
    const results = (await request('GET', `/api/estates/${ESTATE}/inspection-results?period=2026-11`, undefined, officer)).json<ResultsBody>();
    const a = results.rows.find((r) => r.blockId === blockA && r.itemId === stairwell())!;
    // Block A holds every November inspection, so it is the estate: similar, and one October inspection is not enough for a trend.
    expect(a.comparison).toBe('similar');
    expect(a.trend).toBe('not_enough');
    expect(results.estateRows.find((r) => r.itemId === stairwell())).toMatchObject({ meets: 17, n: 20 });
  });

  it('stores a photo of an inspection without EXIF or GPS, only from its own inspector, once', async () => {
    const body = inspection({ defect: { lon: -0.4711, lat: 51.752 } });
    expect((await request('POST', '/api/inspections', body, inspector)).statusCode).toBe(201);
    const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#884422' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 45/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 28/1 0/1' } })
      .toBuffer();
    expect(jpeg.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(true);
    const put = (cookie: string, bytes: Buffer = jpeg) =>
      app.inject({ method: 'PUT', url: `/api/inspections/${body.id}/photo`, payload: bytes, headers: { cookie, 'content-type': 'image/jpeg' } });
    const someoneElse = await openInvite();
    expect((await put(someoneElse)).statusCode).toBe(403);
    expect((await put(inspector)).statusCode).toBe(201);
    expect((await put(inspector)).statusCode).toBe(200);
    expect((await put(inspector, Buffer.from(await sharp(jpeg).png().toBuffer()))).statusCode).toBe(409);
    expect((await request('GET', `/api/inspections/${body.id}/photo`)).statusCode).toBe(401);
    const stored = await request('GET', `/api/inspections/${body.id}/photo`, undefined, officer);
    expect(stored.statusCode).toBe(200);
    expect(stored.rawPayload.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
    expect(stored.rawPayload.includes(Buffer.from('TestCam'))).toBe(false);
    expect((await sharp(stored.rawPayload).metadata()).exif).toBeUndefined();
  });

  it('shows an example photo of each item, set by officers only and kept without EXIF', async () => {
    const current = () => request('GET', `/api/estates/${ESTATE}/standards`).then((r) => r.json<StandardsBody>().current!);
    const [item, ...others] = (await current()).items;
    const jpeg = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#336699' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'ExampleCam' } })
      .toBuffer();
    const put = (itemId: string, cookie?: string) =>
      app.inject({
        method: 'PUT',
        url: `/api/inspection-items/${itemId}/example-photo`,
        payload: jpeg,
        headers: { 'content-type': 'image/jpeg', ...(cookie ? { cookie } : {}) },
      });
    expect((await put(item!.id)).statusCode).toBe(401);
    expect((await put(item!.id, inspector)).statusCode).toBe(401);
    expect((await put(item!.id, officer)).json()).toEqual({ width: 900, height: 600 });
    expect((await put(crypto.randomUUID(), officer)).statusCode).toBe(404);
    const shown = await request('GET', `/api/inspection-items/${item!.id}/example-photo`);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('image/jpeg');
    expect(shown.rawPayload.includes(Buffer.from('ExampleCam'))).toBe(false);
    expect((await sharp(shown.rawPayload).metadata()).exif).toBeUndefined();
    const after = (await current()).items;
    expect(after.find((i) => i.id === item!.id)?.hasExamplePhoto).toBe(true);
    expect(after.filter((i) => others.some((o) => o.id === i.id)).every((i) => !i.hasExamplePhoto)).toBe(true);
  });

  it('turns a failed item into a "you said, we did" action that officers answer and close', async () => {
    const made = await request('POST', '/api/inspection-actions', { blockId: blockA, itemId: stairwell(), period: '2026-11' }, officer);
    expect(made.statusCode, made.body).toBe(201);
    const { id } = made.json<{ id: string }>();
    expect((await request('POST', '/api/inspection-actions', { blockId: blockA, itemId: stairwell(), period: '2026-11' }, officer)).statusCode).toBe(200);
    const early = await request('PATCH', `/api/inspection-actions/${id}`, { closed: true }, officer);
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ field: 'body.reply' });
    const closed = await request('PATCH', `/api/inspection-actions/${id}`, { status: 'done', reply: 'Cleaning now twice a week.', closed: true }, officer);
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'done', closed: true, reply: 'Cleaning now twice a week.' });
    const page = (await request('GET', `/api/estates/${ESTATE}/inspection-results?period=2026-11`)).json<ResultsBody>();
    expect(page.actions).toEqual([expect.objectContaining({ id, closed: true })]);
    expect((await request('PATCH', `/api/inspection-actions/${id}`, { closed: false }, partner)).statusCode).toBe(403);
  });

  it('stops an invite link: it opens nothing more, its inspectors can no longer inspect, other links still work', async () => {
    const made = await request('POST', `/api/estates/${ESTATE}/inspectors`, undefined, officer);
    const link = new URL(made.json<{ inviteUrl: string }>().inviteUrl).pathname;
    const opened = await request('GET', link);
    const leaked = `thrive_participant=${opened.cookies.find((c) => c.name === 'thrive_participant')!.value}`;
    const kept = await openInvite(); // through another link
    const listed = await request('GET', `/api/estates/${ESTATE}/inspector-invites`, undefined, officer);
    expect(listed.statusCode, listed.body).toBe(200);
    const invites = listed.json<{ invites: { id: string; revokedAt: string | null; inspectors: number }[] }>().invites;
    // Newest first: the link the kept inspector opened, then the one about to be stopped.
    expect(invites[1]).toMatchObject({ revokedAt: null, inspectors: 1 });
    const id = invites[1]!.id;
    expect(link).not.toContain(id); // the list never gives the links themselves

    for (const cookie of [undefined, partner]) {
      expect((await request('GET', `/api/estates/${ESTATE}/inspector-invites`, undefined, cookie)).statusCode).toBe(cookie ? 403 : 401);
      expect((await request('DELETE', `/api/estates/${ESTATE}/inspector-invites/${id}`, undefined, cookie)).statusCode).toBe(cookie ? 403 : 401);
    }
    expect((await request('DELETE', `/api/estates/${ESTATE}/inspector-invites/${crypto.randomUUID()}`, undefined, officer)).statusCode).toBe(404);
    expect((await request('DELETE', `/api/estates/${ESTATE}/inspector-invites/not-a-uuid`, undefined, officer)).statusCode).toBe(400);

    const stopped = await request('DELETE', `/api/estates/${ESTATE}/inspector-invites/${id}`, undefined, officer);
    expect(stopped.statusCode, stopped.body).toBe(200);
    const revokedAt = stopped.json<{ revokedAt: string }>().revokedAt;
    expect(Date.parse(revokedAt)).not.toBeNaN();
    const again = await request('DELETE', `/api/estates/${ESTATE}/inspector-invites/${id}`, undefined, officer);
    expect(again.json()).toMatchObject({ id, revokedAt, inspectors: 1 });

    expect((await request('GET', link)).statusCode).toBe(404);
    expect((await request('GET', '/api/inspect/me', undefined, leaked)).statusCode).toBe(401);
    expect((await request('POST', '/api/inspections', inspection(), leaked)).statusCode).toBe(401);
    expect((await request('GET', '/api/inspect/me', undefined, kept)).statusCode).toBe(200);
    const audit = await db.db.selectFrom('audit_event').select(['action', 'target']).where('action', '=', 'inspector.invite.revoke').execute();
    expect(audit).toEqual([
      { action: 'inspector.invite.revoke', target: `area:${ESTATE}` },
      { action: 'inspector.invite.revoke', target: `area:${ESTATE}` },
    ]);
  });
});
