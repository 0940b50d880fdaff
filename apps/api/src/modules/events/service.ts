// The live wall's fan-out: every open event stream of a workshop shares one reader of the
// workshop's event log. A notify makes the reader fetch the events after the furthest-behind
// stream once, render each once, and write it to every stream that has not had it yet; a burst
// of notifies while it reads costs one more read, not one per notify or per stream.
import type { ServerResponse } from 'node:http';
import type { Database } from '@thrive/db';
import { SMALL_COUNT_THRESHOLD, type PinKind } from '@thrive/participation';
import type { Kysely } from 'kysely';
import { pinPoint } from '../pins/point.ts';
import type { WorkshopEvents } from './plugin.ts';
import {
  eventsAfter,
  lastEventId,
  latestPublishedPins,
  participantCount,
  publishedPinCounts,
  type EventRow,
  type PublishedPinRow,
} from './repository.ts';
import type { LivePinFeature, LivePinResponse, WallBody } from './schemas.ts';

/** Events read per query, when replaying or catching up. */
const BATCH = 500;
/** A stream whose unsent bytes pile up beyond this is dropped (it reconnects and resumes). */
const MAX_BUFFERED = 1 << 20;

function response(pin: PublishedPinRow): LivePinResponse | null {
  if (!pin.response_status || pin.response_reply === null) return null;
  return {
    status: pin.response_status,
    reply: pin.response_reply,
    expectedBy: pin.response_expected_by,
    at: pin.response_at ? new Date(pin.response_at).toISOString() : null,
  };
}

/** A published pin as a GeoJSON Feature: masked text only, no participant. */
export function pinFeature(pin: PublishedPinRow): LivePinFeature {
  return {
    type: 'Feature',
    id: pin.id,
    geometry: pinPoint(pin.lon, pin.lat),
    properties: {
      kind: pin.kind,
      theme: pin.theme,
      text: pin.public_text,
      support: Number(pin.support),
      placeName: pin.place_name,
      createdAt: new Date(pin.created_at).toISOString(),
      response: response(pin),
      hasPhoto: Boolean(pin.has_photo),
    },
  };
}

/**
 * The event as written on the stream, or null when there is nothing public to say (the pin is
 * pending or hidden: its 'pin' event shows nothing, ever). A 'published' pin is sent as `pin`:
 * to a wall both mean "show this pin" (walls add or replace pins by id).
 */
export function renderEvent(e: EventRow): string | null {
  let name: string;
  let data: unknown;
  if (e.type === 'hidden') {
    if (!e.pinId) return null;
    name = 'hidden';
    data = { id: e.pinId };
  } else if (!e.pin) {
    return null;
  } else if (e.type === 'pin' || e.type === 'published') {
    name = 'pin';
    data = pinFeature(e.pin);
  } else if (e.type === 'support') {
    name = 'support';
    data = { id: e.pin.id, support: Number(e.pin.support) };
  } else if (e.type === 'response') {
    name = 'response';
    data = { id: e.pin.id, response: response(e.pin) };
  } else {
    return null;
  }
  // JSON.stringify escapes line breaks, so one `data:` line holds the whole event.
  return `id: ${e.id}\nevent: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

interface Stream {
  res: ServerResponse;
  /** The last event id this stream has been given (or skipped past). */
  last: bigint;
  /** Replay done: the shared reader serves it now. */
  live: boolean;
}

interface Hub {
  streams: Set<Stream>;
  reading: boolean;
  again: boolean;
  unsubscribe: () => void;
}

/** Open event streams of every workshop on this instance. */
export class LiveWalls {
  private readonly hubs = new Map<string, Hub>();
  private readonly pinger: NodeJS.Timeout;
  private readonly db: Kysely<Database>;
  private readonly events: WorkshopEvents;
  private readonly onError: (err: unknown) => void;

  constructor(
    db: Kysely<Database>,
    events: WorkshopEvents,
    onError: (err: unknown) => void,
    pingMs = 15_000,
  ) {
    this.db = db;
    this.events = events;
    this.onError = onError;
    // A comment line now and then keeps proxies from closing a quiet stream.
    this.pinger = setInterval(() => this.writeAll(': ping\n\n'), pingMs);
    this.pinger.unref();
  }

  /** How many streams are open (tests, metrics). */
  get size(): number {
    let n = 0;
    for (const hub of this.hubs.values()) n += hub.streams.size;
    return n;
  }

  /**
   * Serves a stream: replays the events after `after` (in batches), then keeps it live.
   * The response's headers must already be written.
   */
  async open(workshopId: string, after: bigint, res: ServerResponse): Promise<void> {
    const stream: Stream = { res, last: after, live: false };
    const hub = this.hub(workshopId);
    hub.streams.add(stream);
    res.on('close', () => this.drop(workshopId, stream));
    try {
      for (;;) {
        const rows = await eventsAfter(this.db, workshopId, stream.last.toString(), BATCH);
        for (const row of rows) this.send(stream, row.id, renderEvent(row));
        if (rows.length < BATCH || res.destroyed) break;
      }
    } catch (err) {
      this.onError(err);
      res.end();
      return;
    }
    // From here the shared reader serves it; one read now covers anything that arrived meanwhile.
    stream.live = true;
    void this.read(workshopId);
  }

  /** Ends every stream (the app is closing). */
  close(): void {
    clearInterval(this.pinger);
    for (const [workshopId, hub] of this.hubs) {
      for (const stream of hub.streams) stream.res.end();
      hub.unsubscribe();
      this.hubs.delete(workshopId);
    }
  }

  private hub(workshopId: string): Hub {
    let hub = this.hubs.get(workshopId);
    if (!hub) {
      const created: Hub = {
        streams: new Set(),
        reading: false,
        again: false,
        unsubscribe: () => undefined,
      };
      created.unsubscribe = this.events.subscribe(workshopId, () => void this.read(workshopId));
      this.hubs.set(workshopId, created);
      hub = created;
    }
    return hub;
  }

  private drop(workshopId: string, stream: Stream): void {
    const hub = this.hubs.get(workshopId);
    if (!hub) return;
    hub.streams.delete(stream);
    if (hub.streams.size === 0) {
      hub.unsubscribe();
      this.hubs.delete(workshopId);
    }
  }

  private send(stream: Stream, id: string, text: string | null): void {
    const n = BigInt(id);
    if (n <= stream.last) return;
    stream.last = n;
    if (text === null || stream.res.destroyed) return;
    stream.res.write(text);
    if (stream.res.writableLength > MAX_BUFFERED) stream.res.destroy();
  }

  private writeAll(text: string): void {
    for (const hub of this.hubs.values())
      for (const stream of hub.streams)
        if (stream.live && !stream.res.destroyed) stream.res.write(text);
  }

  /** The shared reader: one query per round for the whole workshop, however many streams. */
  private async read(workshopId: string): Promise<void> {
    const hub = this.hubs.get(workshopId);
    if (!hub) return;
    if (hub.reading) {
      hub.again = true;
      return;
    }
    hub.reading = true;
    try {
      do {
        hub.again = false;
        const live = [...hub.streams].filter((s) => s.live);
        if (live.length === 0) break;
        const from = live.reduce((min, s) => (s.last < min ? s.last : min), live[0]!.last);
        const rows = await eventsAfter(this.db, workshopId, from.toString(), BATCH);
        for (const row of rows) {
          const text = renderEvent(row);
          for (const stream of live) this.send(stream, row.id, text);
        }
        if (rows.length === BATCH) hub.again = true;
      } while (hub.again && this.hubs.get(workshopId) === hub);
    } catch (err) {
      this.onError(err);
    } finally {
      hub.reading = false;
    }
  }
}

/** Hides a count under the small-count threshold. */
function suppressSmall(n: number): number | null {
  return n < SMALL_COUNT_THRESHOLD ? null : n;
}

/** The wall's first paint: counts of published pins, the newest 20, and where the stream resumes. */
export async function wallSnapshot(
  db: Kysely<Database>,
  workshop: {
    id: string;
    title: string;
    code: string;
    themes: string[];
    area_code: string;
    area_name: string;
    area_geometry: unknown;
  },
): Promise<WallBody> {
  // One snapshot for every read: the counts and pins are exactly those up to lastEventId, so a
  // wall that then streams from lastEventId counts each pin once.
  const { resumeAt, rows, latest, participants } = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => ({
      resumeAt: await lastEventId(trx, workshop.id),
      rows: await publishedPinCounts(trx, workshop.id),
      latest: await latestPublishedPins(trx, workshop.id, 20),
      participants: await participantCount(trx, workshop.id),
    }));
  // Every kind present even at 0 (the compiler checks this names them all).
  const byKind: Record<PinKind, number> = { issue: 0, aspiration: 0, asset: 0 };
  const byTheme: Record<string, number> = Object.fromEntries(workshop.themes.map((t) => [t, 0]));
  let total = 0;
  for (const row of rows) {
    const n = Number(row.n);
    total += n;
    byKind[row.kind] += n;
    byTheme[row.theme] = (byTheme[row.theme] ?? 0) + n;
  }
  return {
    id: workshop.id,
    title: workshop.title,
    code: workshop.code,
    area: { code: workshop.area_code, name: workshop.area_name, geometry: workshop.area_geometry },
    counts: { total, byKind, byTheme, participants: suppressSmall(participants) },
    latest: latest.map(pinFeature),
    lastEventId: resumeAt,
  };
}
