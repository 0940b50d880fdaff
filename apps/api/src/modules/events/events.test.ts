import { connect, migrateToLatest, type Db } from '@thrive/db';
import { testEngines } from '@thrive/db/testing';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { accountsApp, fakeWebHandler } from '../../test-support/accounts.ts';
import { recordWorkshopEvent, type WorkshopEventType } from './repository.ts';
import type { LivePinFeature, WallBody } from './schemas.ts';

const SQUARE = {
  type: 'Polygon',
  coordinates: [
    [
      [-0.5, 51.7],
      [-0.4, 51.7],
      [-0.4, 51.8],
      [-0.5, 51.8],
      [-0.5, 51.7],
    ],
  ],
};

/** An estate area and an open workshop on it; returns the workshop's id. */
async function seedWorkshop(db: Db, code: string): Promise<string> {
  await db.db
    .insertInto('area')
    .values({
      code: `EST-${code}`,
      name: 'Test Estate',
      level: 'estate',
      parent_code: null,
      geometry: JSON.stringify(SQUARE),
      minx: -0.5,
      miny: 51.7,
      maxx: -0.4,
      maxy: 51.8,
      source: 'test',
      valid_from: null,
      valid_to: null,
    })
    .execute();
  const row = await db.db
    .insertInto('workshop')
    .values({
      code,
      title: 'Spring walkabout',
      area_code: `EST-${code}`,
      themes: JSON.stringify(['homes', 'safety']),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function addParticipant(db: Db, workshopId: string): Promise<string> {
  const row = await db.db
    .insertInto('participant')
    .values({
      token_hash: crypto.randomUUID(),
      workshop_id: workshopId,
      age_band: null,
      years_band: null,
      tenure: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

interface PinSpec {
  text?: string;
  publicText?: string;
  moderation?: 'published' | 'pending' | 'hidden';
  participantId?: string | null;
}

/** Writes a pin and its event in one transaction, as the pin service does, then notifies. */
async function addPin(
  app: FastifyInstance,
  db: Db,
  workshopId: string,
  spec: PinSpec = {},
): Promise<string> {
  const id = crypto.randomUUID();
  const text = spec.text ?? `pin ${id.slice(0, 8)}`;
  await db.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('pin')
      .values({
        id,
        workshop_id: workshopId,
        participant_id: spec.participantId ?? null,
        kind: 'issue',
        theme: 'safety',
        text,
        public_text: spec.publicText ?? text,
        place_id: null,
        lon: -0.45,
        lat: 51.75,
        ward_code: null,
        lsoa_code: null,
        moderation: spec.moderation ?? 'published',
        moderation_reason: null,
        content_hash: id,
        response_status: null,
        response_reply: null,
        response_expected_by: null,
        response_at: null,
      })
      .execute();
    await recordWorkshopEvent(trx, { workshopId, type: 'pin', pinId: id });
  });
  app.workshopEvents.notify(workshopId);
  return id;
}

/** Changes a pin's moderation and logs it, as an officer's action would. */
async function moderate(
  app: FastifyInstance,
  db: Db,
  workshopId: string,
  pinId: string,
  moderation: 'published' | 'hidden',
): Promise<void> {
  await db.db.transaction().execute(async (trx) => {
    await trx.updateTable('pin').set({ moderation }).where('id', '=', pinId).execute();
    const type: WorkshopEventType = moderation === 'hidden' ? 'hidden' : 'published';
    await recordWorkshopEvent(trx, { workshopId, type, pinId });
  });
  app.workshopEvents.notify(workshopId);
}

interface SseEvent {
  id: string | undefined;
  event: string;
  data: unknown;
}

/** An event-stream reader over a real socket: collects events; waits for a state, never a time. */
async function openStream(base: string, path: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(`${base}${path}`, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  let raw = '';
  const waiters = new Set<() => void>();
  const body = response.body;
  const done = (async () => {
    if (!body || response.status !== 200) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        const text = decoder.decode(chunk, { stream: true });
        raw += text;
        buffer += text;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = new Map<string, string>();
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
          }
          if (fields.has('data'))
            events.push({
              id: fields.get('id'),
              event: fields.get('event') ?? 'message',
              data: JSON.parse(fields.get('data')!),
            });
        }
        for (const wake of waiters) wake();
      }
    } catch {
      // aborted
    }
  })();
  return {
    response,
    events,
    raw: () => raw,
    /** Resolves once the collected events satisfy `ready` (the test's timeout bounds the wait). */
    until(ready: (events: SseEvent[]) => boolean): Promise<void> {
      return new Promise((resolve) => {
        const check = () => {
          if (ready(events)) {
            waiters.delete(check);
            resolve();
          }
        };
        waiters.add(check);
        check();
      });
    },
    async close() {
      controller.abort();
      await done;
    },
  };
}

const pinIds = (events: SseEvent[]) =>
  events.filter((e) => e.event === 'pin').map((e) => (e.data as LivePinFeature).id);

async function listen(app: FastifyInstance): Promise<string> {
  return app.listen({ port: 0, host: '127.0.0.1' });
}

describe.each(testEngines())('the live wall on $name', (engine) => {
  let app: FastifyInstance;
  let db: Db;
  let base = '';
  let workshopId = '';

  beforeAll(async () => {
    ({ app, db } = await accountsApp(engine));
    base = await listen(app);
    workshopId = await seedWorkshop(db, 'ACDEFG');
  });
  afterAll(() => app?.close());

  it('sends a pin published after a wall connects, as a GeoJSON Feature with its public text', async () => {
    const wall = await openStream(base, `/api/workshops/${workshopId}/events`);
    expect(wall.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(wall.response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(wall.response.headers.get('x-accel-buffering')).toBe('no');
    const id = await addPin(app, db, workshopId, {
      text: 'The underpass light is out',
      publicText: 'The underpass light is out',
    });
    await wall.until((events) => pinIds(events).includes(id));
    const event = wall.events.find(
      (e) => e.event === 'pin' && (e.data as LivePinFeature).id === id,
    )!;
    expect(event.id).toMatch(/^\d+$/);
    expect(event.data).toEqual({
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [-0.45, 51.75] },
      properties: {
        kind: 'issue',
        theme: 'safety',
        text: 'The underpass light is out',
        support: 0,
        placeName: null,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        response: null,
        hasPhoto: false,
      },
    });
    await wall.close();
  });

  it('streams what residents do through the API: a new pin, then its "me too"', async () => {
    const wall = await openStream(base, `/api/workshops/${workshopId}/events`);
    const joined = await app.inject({ method: 'POST', url: '/api/workshops/ACDEFG/join' });
    expect(joined.statusCode).toBe(201);
    const cookie = `thrive_participant=${joined.cookies.find((c) => c.name === 'thrive_participant')!.value}`;
    const id = crypto.randomUUID();
    const posted = await app.inject({
      method: 'POST',
      url: '/api/workshops/ACDEFG/pins',
      headers: { cookie },
      payload: {
        id,
        kind: 'asset',
        theme: 'homes',
        text: 'The new benches are lovely',
        lon: -0.45,
        lat: 51.75,
      },
    });
    expect(posted.statusCode).toBe(201);
    await wall.until((events) => pinIds(events).includes(id));
    const supported = await app.inject({
      method: 'POST',
      url: `/api/workshops/ACDEFG/pins/${id}/support`,
      headers: { cookie },
    });
    expect(supported.statusCode).toBe(201);
    await wall.until((events) => events.some((e) => e.event === 'support'));
    expect(wall.events.find((e) => e.event === 'support')?.data).toEqual({ id, support: 1 });
    expect(wall.raw()).not.toContain(joined.json<{ participantId: string }>().participantId);
    await wall.close();
  });

  it('finds the workshop by its join code typed in lower case too', async () => {
    const wall = await openStream(base, '/api/workshops/acd-efg/events');
    const id = await addPin(app, db, workshopId);
    await wall.until((events) => pinIds(events).includes(id));
    await wall.close();
  });

  it('gives a wall that reconnects with Last-Event-ID exactly the events it missed', async () => {
    const first = await openStream(base, `/api/workshops/${workshopId}/events`);
    const seen = await addPin(app, db, workshopId);
    await first.until((events) => pinIds(events).includes(seen));
    const lastSeen = first.events.at(-1)!.id!;
    await first.close();

    const missed = [await addPin(app, db, workshopId), await addPin(app, db, workshopId)];
    const again = await openStream(base, `/api/workshops/${workshopId}/events`, {
      'last-event-id': lastSeen,
    });
    const after = await addPin(app, db, workshopId);
    await again.until((events) => pinIds(events).includes(after));
    expect(pinIds(again.events)).toEqual([...missed, after]);
    expect(again.events.every((e) => BigInt(e.id!) > BigInt(lastSeen))).toBe(true);
    await again.close();
  });

  it('resumes from ?lastEventId= as well (the wall page passes its snapshot position)', async () => {
    const snapshot = (
      await app.inject({ method: 'GET', url: `/api/workshops/${workshopId}/wall` })
    ).json<WallBody>();
    const next = await addPin(app, db, workshopId);
    const wall = await openStream(
      base,
      `/api/workshops/${workshopId}/events?lastEventId=${snapshot.lastEventId}`,
    );
    await wall.until((events) => pinIds(events).includes(next));
    expect(pinIds(wall.events)).toEqual([next]);
    await wall.close();
  });

  it('never shows a pending or hidden pin, the original text, or who wrote it', async () => {
    const author = await addParticipant(db, workshopId);
    const before = (
      await app.inject({ method: 'GET', url: `/api/workshops/${workshopId}/wall` })
    ).json<WallBody>().lastEventId;
    const live = await openStream(
      base,
      `/api/workshops/${workshopId}/events?lastEventId=${before}`,
    );
    const pending = await addPin(app, db, workshopId, {
      text: 'PENDING-SECRET',
      moderation: 'pending',
      participantId: author,
    });
    const masked = await addPin(app, db, workshopId, {
      text: 'call me on 07700 900123',
      publicText: 'call me on [phone number]',
      participantId: author,
    });
    const toHide = await addPin(app, db, workshopId, {
      text: 'HIDDEN-LATER',
      participantId: author,
    });
    await moderate(app, db, workshopId, toHide, 'hidden');
    const sentinel = await addPin(app, db, workshopId);
    // A wall connecting afterwards replays the same events from the log.
    const replay = await openStream(
      base,
      `/api/workshops/${workshopId}/events?lastEventId=${before}`,
    );
    await live.until((events) => pinIds(events).includes(sentinel));
    await replay.until((events) => pinIds(events).includes(sentinel));

    for (const wall of [live, replay]) {
      const raw = wall.raw();
      expect(raw).not.toContain(pending);
      expect(raw).not.toContain('PENDING-SECRET');
      expect(raw).not.toContain('07700');
      expect(raw).not.toContain(author);
      expect(wall.events.filter((e) => e.event === 'hidden').map((e) => e.data)).toEqual([
        { id: toHide },
      ]);
      expect(
        wall.events.find((e) => e.event === 'pin' && (e.data as LivePinFeature).id === masked)
          ?.data,
      ).toMatchObject({ properties: { text: 'call me on [phone number]' } });
    }
    // Replayed after it was hidden: never its content, only that it is hidden.
    expect(replay.raw()).not.toContain('HIDDEN-LATER');
    expect(pinIds(replay.events)).toEqual([masked, sentinel]);
    await live.close();
    await replay.close();

    // A pending pin an officer approves arrives then.
    const later = await openStream(base, `/api/workshops/${workshopId}/events`, {
      'last-event-id': replay.events.at(-1)!.id!,
    });
    await moderate(app, db, workshopId, pending, 'published');
    await later.until((events) => pinIds(events).includes(pending));
    await later.close();

    const snapshot = (await app.inject({ method: 'GET', url: `/api/workshops/${workshopId}/wall` }))
      .body;
    expect(snapshot).not.toContain('HIDDEN-LATER');
    expect(snapshot).not.toContain('07700');
    expect(snapshot).not.toContain(author);
  });

  it('paints the wall from a snapshot: published counts, newest first, small participant counts hidden', async () => {
    const fresh = await seedWorkshop(db, 'HJKMNP');
    const empty = (
      await app.inject({ method: 'GET', url: '/api/workshops/HJKMNP/wall' })
    ).json<WallBody>();
    expect(empty).toMatchObject({
      id: fresh,
      title: 'Spring walkabout',
      code: 'HJKMNP',
      area: { code: 'EST-HJKMNP', name: 'Test Estate', geometry: SQUARE },
      counts: {
        total: 0,
        byKind: { issue: 0, aspiration: 0, asset: 0 },
        byTheme: { homes: 0, safety: 0 },
        participants: null,
      },
      latest: [],
      lastEventId: '0',
    });
    const people = [];
    for (let i = 0; i < 5; i++) people.push(await addParticipant(db, fresh));
    const older = await addPin(app, db, fresh, { participantId: people[0]! });
    const newer = await addPin(app, db, fresh, { participantId: people[1]! });
    await addPin(app, db, fresh, { moderation: 'pending', participantId: people[2]! });
    const wall = (
      await app.inject({ method: 'GET', url: `/api/workshops/${fresh}/wall` })
    ).json<WallBody>();
    expect(wall.counts).toEqual({
      total: 2,
      byKind: { issue: 2, aspiration: 0, asset: 0 },
      byTheme: { homes: 0, safety: 2 },
      participants: 5,
    });
    expect(wall.latest.map((f) => f.id)).toEqual([newer, older]);
    expect(BigInt(wall.lastEventId)).toBeGreaterThan(0n);
  });

  it('answers 404 for an unknown workshop and 400 for a Last-Event-ID that is not an event id', async () => {
    expect(
      (await app.inject({ method: 'GET', url: '/api/workshops/QQQQQQ/events' })).statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ method: 'GET', url: `/api/workshops/${crypto.randomUUID()}/wall` }))
        .statusCode,
    ).toBe(404);
    const bad = await app.inject({
      method: 'GET',
      url: `/api/workshops/${workshopId}/events`,
      headers: { 'last-event-id': 'yesterday' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ message: expect.any(String) });
  });

  // Several connections at once: PostgreSQL only (PGlite is one connection in one process).
  if (engine.name === 'postgres')
    it('numbers events in commit order, so a reader never sees a gap that fills in later', async () => {
      // The reader has a connection of its own, so it watches while the writers work.
      const reader = new pg.Client({ connectionString: db.databaseUrl });
      await reader.connect();
      const ids = async () =>
        (
          await reader.query<{ id: string }>(
            'select id::text as id from workshop_event where workshop_id = $1 order by workshop_event.id',
            [workshopId],
          )
        ).rows.map((r) => r.id);
      try {
        const before = new Set(await ids());
        let writing = true;
        // Writers that dawdle (randomly) between writing their event and committing.
        const writers = Promise.all(
          Array.from({ length: 24 }, () =>
            db.db.transaction().execute(async (trx) => {
              await recordWorkshopEvent(trx, { workshopId, type: 'support', pinId: null });
              await sql`select pg_sleep(${Math.random() / 50})`.execute(trx);
            }),
          ),
        ).finally(() => (writing = false));
        const seen: string[][] = [];
        while (writing) seen.push((await ids()).filter((id) => !before.has(id)));
        await writers;
        const all = (await ids()).filter((id) => !before.has(id));
        expect(all).toHaveLength(24);
        expect(seen.length).toBeGreaterThan(5);
        // Every observation is a prefix of the final order: nothing appeared behind a later id.
        for (const observed of seen) expect(all.slice(0, observed.length)).toEqual(observed);
      } finally {
        await reader.end();
      }
    });

  // Several connections at once: PostgreSQL only (PGlite is one connection in one process).
  if (engine.name === 'postgres')
    it('brings a pin written through one instance to a wall on another (LISTEN/NOTIFY)', async () => {
      const other = await connect({ databaseUrl: db.databaseUrl, poolMax: 2 });
      await migrateToLatest(other.db);
      const second = await buildApp(
        loadConfig({ LOG_LEVEL: 'silent', DATA_MIRROR: process.env.DATA_MIRROR }),
        { webHandler: fakeWebHandler, db: other },
      );
      second.addHook('onClose', () => other.close());
      try {
        const secondBase = await listen(second);
        const wall = await openStream(
          secondBase,
          `/api/workshops/${workshopId}/events?lastEventId=${(await app.inject({ method: 'GET', url: `/api/workshops/${workshopId}/wall` })).json<WallBody>().lastEventId}`,
        );
        // A pin through the second instance itself: once it arrives, the wall's replay is over and
        // only a notification can bring it more.
        const own = await addPin(second, other, workshopId);
        await wall.until((events) => pinIds(events).includes(own));
        // Written and notified through the first instance only: it reaches the second by LISTEN/NOTIFY.
        const id = await addPin(app, db, workshopId);
        await wall.until((events) => pinIds(events).includes(id));
        expect(pinIds(wall.events)).toEqual([own, id]);
        await wall.close();
      } finally {
        await second.close();
      }
    });
});
