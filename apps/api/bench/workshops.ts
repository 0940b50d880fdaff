// Residents' workshops under load and faults (`pnpm bench`, or `node bench/workshops.ts` alone),
// on PostgreSQL against real server processes (src/server.ts): figures printed, never asserted.
//  1. 200 residents behind one address, each joining and posting pins as fast as the server
//     answers: pins/s, p50/p99, status counts, every acknowledged pin stored exactly once, and
//     /api/health's p99 in the same run.
//  2. The same load with the server SIGKILLed half way and restarted; residents resend what was
//     not acknowledged with the same UUIDs: acknowledged, stored, duplicates, missing.
//  3. Two instances on one database: a pin posted to one, seen on a wall (SSE) on the other.
// Settings: BENCH_SECONDS (default 30), BENCH_RESIDENTS (200), BENCH_WALL_SAMPLES (20),
// BENCH_DATABASE_URL or DATABASE_URL (a server to make fresh databases on; default
// postgres://postgres@127.0.0.1:5432/postgres).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect, migrateToLatest } from '@thrive/db';
import { scratchDatabase, type ScratchDatabase } from '@thrive/db/testing';
import pg from 'pg';
import { createUser } from '../src/modules/admin/service.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 200);
const WALL_SAMPLES = Number(process.env.BENCH_WALL_SAMPLES ?? 20);
const SERVER = join(import.meta.dirname, '..', 'src', 'server.ts');
/** Every resident's requests arrive from this one address (a community centre's router). */
const ROOM_ADDRESS = '203.0.113.10';
const OFFICER = { email: 'bench-officer@example.org', password: 'bench officer password 1' };
// A small estate near Hemel Hempstead; pins land at random inside it.
const ESTATE = { minLon: -0.48, minLat: 51.75, maxLon: -0.46, maxLat: 51.76 };
const BOUNDARY = {
  type: 'Polygon',
  coordinates: [
    [
      [ESTATE.minLon, ESTATE.minLat],
      [ESTATE.maxLon, ESTATE.minLat],
      [ESTATE.maxLon, ESTATE.maxLat],
      [ESTATE.minLon, ESTATE.maxLat],
      [ESTATE.minLon, ESTATE.minLat],
    ],
  ],
};
const KINDS = ['issue', 'aspiration', 'asset'] as const;
const THEMES = ['homes', 'safety', 'getting around'];

const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });
const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const sortNumbers = (values: number[]) => [...values].sort((a, b) => a - b);

// ---- a fresh PostgreSQL database per scenario ----

const freshDatabase = (): Promise<ScratchDatabase> =>
  scratchDatabase(
    process.env.BENCH_DATABASE_URL ??
      process.env.DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/postgres',
    'thrive_bench',
  );

/** Migrates the database and makes the officer account, as `thrive user add` would. */
async function prepare(url: string): Promise<void> {
  const db = await connect({ databaseUrl: url, poolMax: 2 });
  try {
    await migrateToLatest(db.db);
    await createUser(
      db.db,
      { email: OFFICER.email, role: 'officer', password: OFFICER.password },
      { id: null, via: 'cli' },
    );
  } finally {
    await db.close();
  }
}

// ---- server processes ----

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

interface Server {
  port: number;
  child: ChildProcess;
  stderr: () => string;
}

/** Spawns src/server.ts on PostgreSQL and waits until /api/health answers. */
async function startServer(url: string, port: number): Promise<Server> {
  const child = spawn(process.execPath, [SERVER], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOAD_DEMO: 'false',
      LOG_LEVEL: 'warn',
      // Residents come through a proxy on loopback that names their one public address, so the
      // per-address limit sees one busy client (without it, loopback is exempt from that limit).
      TRUST_PROXY: 'loopback',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-4000)));
  const server = { port, child, stderr: () => err };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${err}`);
    const ok = await request(port, 'GET', '/api/health').then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return server;
    await sleep(100);
  }
}

async function stopServer(server: Server, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill(signal);
  await exited;
}

// ---- HTTP over keep-alive sockets ----

const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

interface Answer {
  status: number;
  body: string;
  cookies: string[];
  ms: number;
}

function request(
  port: number,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        timeout: 60_000,
        headers: {
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
          ...options.headers,
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body,
            cookies: res.headers['set-cookie'] ?? [],
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}

function cookieNamed(answer: Answer, name: string): string {
  const found = answer.cookies.map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${name}=`));
  if (!found) throw new Error(`no ${name} cookie (${answer.status}: ${answer.body.slice(0, 200)})`);
  return found;
}

/** Signs the officer in and creates the workshop through the API; returns its id and code. */
async function createWorkshop(port: number): Promise<{ id: string; code: string }> {
  const login = await request(port, 'POST', '/api/auth/login', { body: OFFICER });
  const cookie = cookieNamed(login, 'thrive_session');
  const created = await request(port, 'POST', '/api/workshops', {
    body: {
      title: 'Bench estate walkabout',
      boundary: BOUNDARY,
      estateName: 'Bench Estate',
      themes: THEMES,
    },
    headers: { cookie },
  });
  if (created.status !== 201)
    throw new Error(`workshop not created: ${created.status} ${created.body}`);
  const { id, code } = JSON.parse(created.body) as { id: string; code: string };
  return { id, code };
}

// ---- residents ----

interface PinToSend {
  id: string;
  kind: (typeof KINDS)[number];
  theme: string;
  text: string;
  lon: number;
  lat: number;
}

function newPin(resident: number, n: number): PinToSend {
  return {
    id: randomUUID(),
    kind: KINDS[n % KINDS.length]!,
    theme: THEMES[(resident + n) % THEMES.length]!,
    // Unique per pin, so a pin stored twice under two ids would show as a repeated text.
    text: `Resident ${resident}, pin ${n}: the lights by block ${n % 7} are out`,
    lon: ESTATE.minLon + Math.random() * (ESTATE.maxLon - ESTATE.minLon),
    lat: ESTATE.minLat + Math.random() * (ESTATE.maxLat - ESTATE.minLat),
  };
}

const roomHeaders = (cookie: string) => ({ cookie, 'x-forwarded-for': ROOM_ADDRESS });

async function joinWorkshop(port: number, code: string): Promise<string> {
  for (;;) {
    const answer = await request(port, 'POST', `/api/workshops/${code}/join`, {
      headers: { 'x-forwarded-for': ROOM_ADDRESS },
    }).catch(() => undefined);
    if (answer?.status === 201) return cookieNamed(answer, 'thrive_participant');
    if (answer && answer.status < 500 && answer.status !== 429)
      throw new Error(`join refused: ${answer.status} ${answer.body}`);
    await sleep(50);
  }
}

interface LoadResult {
  latencies: number[];
  statuses: Map<string, number>;
  /** Network errors (refused, reset) instead of an answer. */
  failures: number;
  acknowledged: Set<string>;
  sent: Set<string>;
  seconds: number;
  healthMs: number[];
  healthFailures: number;
}

function countStatus(statuses: Map<string, number>, status: number) {
  const bucket =
    status === 429
      ? '429'
      : status >= 500
        ? '5xx'
        : status >= 400
          ? '4xx'
          : status >= 200 && status < 300
            ? '2xx'
            : String(status);
  statuses.set(bucket, (statuses.get(bucket) ?? 0) + 1);
}

/**
 * Runs the residents until `seconds` have passed. With `retry`, a resident resends its pin (same
 * UUID, same content) until the server acknowledges it, whatever happens to the server meanwhile.
 */
async function runResidents(
  port: () => number,
  code: string,
  cookies: string[],
  seconds: number,
  retry: boolean,
  during?: (elapsed: () => number) => Promise<void>,
): Promise<LoadResult> {
  const result: LoadResult = {
    latencies: [],
    statuses: new Map(),
    failures: 0,
    acknowledged: new Set(),
    sent: new Set(),
    seconds: 0,
    healthMs: [],
    healthFailures: 0,
  };
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  let running = true;

  const health = (async () => {
    while (running) {
      try {
        const answer = await request(port(), 'GET', '/api/health');
        if (answer.status === 200) result.healthMs.push(answer.ms);
        else result.healthFailures++;
      } catch {
        result.healthFailures++;
        await sleep(50);
      }
      await sleep(20);
    }
  })();

  const resident = async (r: number, cookie: string) => {
    let n = 0;
    let pending: PinToSend | undefined;
    // With retries, keep resending after the deadline until acknowledged (bounded: a minute).
    while (elapsed() < seconds || (retry && pending && elapsed() < seconds + 60)) {
      pending ??= newPin(r, n++);
      result.sent.add(pending.id);
      let answer: Answer;
      try {
        answer = await request(port(), 'POST', `/api/workshops/${code}/pins`, {
          body: pending,
          headers: roomHeaders(cookie),
        });
      } catch {
        result.failures++;
        if (!retry) pending = undefined;
        await sleep(50);
        continue;
      }
      result.latencies.push(answer.ms);
      countStatus(result.statuses, answer.status);
      if (answer.status === 200 || answer.status === 201) {
        result.acknowledged.add(pending.id);
        pending = undefined;
      } else if (retry && (answer.status >= 500 || answer.status === 429)) {
        await sleep(50);
      } else {
        pending = undefined;
      }
    }
  };

  const work = Promise.all(cookies.map((cookie, r) => resident(r, cookie)));
  if (during) await during(elapsed);
  await work;
  result.seconds = elapsed();
  running = false;
  await health;
  return result;
}

interface Stored {
  stored: number;
  missing: number;
  duplicates: number;
  unacknowledgedStored: number;
}

/** Compares what the residents were told with what the database holds. */
async function storedPins(url: string, workshopId: string, result: LoadResult): Promise<Stored> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const rows = (
      await c.query<{ id: string }>('select id::text as id from pin where workshop_id = $1', [
        workshopId,
      ])
    ).rows;
    const dup = await c.query<{ n: string }>(
      'select count(*)::text as n from (select text from pin where workshop_id = $1 group by text having count(*) > 1) d',
      [workshopId],
    );
    const ids = new Map<string, number>();
    for (const row of rows) ids.set(row.id, (ids.get(row.id) ?? 0) + 1);
    let missing = 0;
    let twice = 0;
    for (const id of result.acknowledged) {
      const n = ids.get(id) ?? 0;
      if (n === 0) missing++;
      if (n > 1) twice++;
    }
    let unacknowledgedStored = 0;
    for (const id of ids.keys()) if (!result.acknowledged.has(id)) unacknowledgedStored++;
    return {
      stored: rows.length,
      missing,
      duplicates: twice + Number(dup.rows[0]?.n ?? 0),
      unacknowledgedStored,
    };
  } finally {
    await c.end();
  }
}

function statusLine(statuses: Map<string, number>, failures: number): string {
  const get = (k: string) => fmt(statuses.get(k) ?? 0);
  return `2xx ${get('2xx')}, 4xx ${get('4xx')}, 429 ${get('429')}, 5xx ${get('5xx')}, no answer ${fmt(failures)}`;
}

// ---- 1. load ----

async function loadRun(): Promise<void> {
  console.log(
    `\n1. ${RESIDENTS} residents behind one address posting pins for ${SECONDS} s (PostgreSQL, one server process, loopback)`,
  );
  const target = await freshDatabase();
  let server: Server | undefined;
  try {
    await prepare(target.url);
    server = await startServer(target.url, await freePort());
    const port = server.port;
    const workshop = await createWorkshop(port);
    const cookies = await Promise.all(
      Array.from({ length: RESIDENTS }, () => joinWorkshop(port, workshop.code)),
    );
    const r = await runResidents(() => port, workshop.code, cookies, SECONDS, false);
    const s = await storedPins(target.url, workshop.id, r);
    const lat = sortNumbers(r.latencies);
    const health = sortNumbers(r.healthMs);
    console.log(
      `   pins acknowledged ${fmt(r.acknowledged.size)} in ${fmt(r.seconds, 1)} s = ${fmt(r.acknowledged.size / r.seconds)} pins/s`,
    );
    console.log(
      `   POST pins latency p50 ${fmt(percentile(lat, 50), 1)} ms, p99 ${fmt(percentile(lat, 99), 1)} ms, max ${fmt(lat.at(-1) ?? NaN, 0)} ms`,
    );
    console.log(`   answers: ${statusLine(r.statuses, r.failures)}`);
    console.log(
      `   stored ${fmt(s.stored)}; acknowledged but missing ${fmt(s.missing)}; duplicates ${fmt(s.duplicates)}; stored without an acknowledgement ${fmt(s.unacknowledgedStored)}`,
    );
    console.log(
      `   /api/health in the same run: ${fmt(health.length)} requests, p50 ${fmt(percentile(health, 50), 1)} ms, p99 ${fmt(percentile(health, 99), 1)} ms, max ${fmt(health.at(-1) ?? NaN, 0)} ms, failed ${r.healthFailures} (target p99 < 100 ms)`,
    );
  } finally {
    if (server) await stopServer(server);
    await target.drop();
  }
}

// ---- 2. kill and restart ----

async function killRun(): Promise<void> {
  console.log(
    `\n2. the same load with the server SIGKILLed after ${fmt(SECONDS / 2, 0)} s and restarted; residents resend unacknowledged pins with the same UUIDs`,
  );
  const target = await freshDatabase();
  let server: Server | undefined;
  try {
    await prepare(target.url);
    const port = await freePort();
    server = await startServer(target.url, port);
    const workshop = await createWorkshop(port);
    const cookies = await Promise.all(
      Array.from({ length: RESIDENTS }, () => joinWorkshop(port, workshop.code)),
    );
    let downMs = 0;
    const r = await runResidents(
      () => port,
      workshop.code,
      cookies,
      SECONDS,
      true,
      async (elapsed) => {
        while (elapsed() < SECONDS / 2) await sleep(100);
        const killedAt = performance.now();
        await stopServer(server!, 'SIGKILL');
        server = await startServer(target.url, port);
        downMs = performance.now() - killedAt;
      },
    );
    const s = await storedPins(target.url, workshop.id, r);
    let unresolved = 0;
    for (const id of r.sent) if (!r.acknowledged.has(id)) unresolved++;
    console.log(
      `   killed and back in ${fmt(downMs / 1000, 1)} s (restart until /api/health answers)`,
    );
    console.log(`   answers: ${statusLine(r.statuses, r.failures)}`);
    console.log(
      `   acknowledged ${fmt(r.acknowledged.size)}, stored ${fmt(s.stored)}, duplicates ${fmt(s.duplicates)} (must be 0), missing ${fmt(s.missing)} (must be 0)`,
    );
    console.log(
      `   sent but never acknowledged ${fmt(unresolved)}; stored without an acknowledgement ${fmt(s.unacknowledgedStored)}`,
    );
  } finally {
    if (server) await stopServer(server);
    await target.drop();
  }
}

// ---- 3. two instances, one wall ----

/** A wall's event stream: resolves each pin id's arrival time. */
async function openWall(port: number, ref: string, lastEventId: string) {
  const controller = new AbortController();
  const arrivals = new Map<string, number>();
  const waiting = new Map<string, (at: number) => void>();
  const response = await fetch(
    `http://127.0.0.1:${port}/api/workshops/${ref}/events?lastEventId=${lastEventId}`,
    { signal: controller.signal },
  );
  if (response.status !== 200 || !response.body)
    throw new Error(`wall not connected: ${response.status}`);
  const body = response.body;
  const reading = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        const at = performance.now();
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!block.includes('event: pin')) continue;
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (!data) continue;
          const id = (JSON.parse(data.slice(6)) as { id: string }).id;
          arrivals.set(id, at);
          waiting.get(id)?.(at);
        }
      }
    } catch {
      // closed
    }
  })();
  return {
    arrival: (id: string) =>
      new Promise<number>((resolve) =>
        arrivals.has(id) ? resolve(arrivals.get(id)!) : waiting.set(id, resolve),
      ),
    close: async () => {
      controller.abort();
      await reading;
    },
  };
}

async function twoInstancesRun(): Promise<void> {
  console.log(
    `\n3. two server instances on one PostgreSQL: a pin posted to A, seen on a wall (SSE) connected to B (${WALL_SAMPLES} pins, one at a time)`,
  );
  const target = await freshDatabase();
  const servers: Server[] = [];
  try {
    await prepare(target.url);
    const [a, b] = await Promise.all([freePort(), freePort()]);
    servers.push(await startServer(target.url, a!), await startServer(target.url, b!));
    const workshop = await createWorkshop(a!);
    const cookie = await joinWorkshop(a!, workshop.code);
    const snapshot = JSON.parse(
      (await request(b!, 'GET', `/api/workshops/${workshop.code}/wall`)).body,
    ) as { lastEventId: string };
    const wall = await openWall(b!, workshop.code, snapshot.lastEventId);
    const total: number[] = [];
    const afterAck: number[] = [];
    for (let n = 0; n < WALL_SAMPLES + 2; n++) {
      const pin = newPin(0, n);
      const sent = performance.now();
      const answer = await request(a!, 'POST', `/api/workshops/${workshop.code}/pins`, {
        body: pin,
        headers: roomHeaders(cookie),
      });
      if (answer.status !== 201) throw new Error(`pin refused: ${answer.status} ${answer.body}`);
      const acked = sent + answer.ms;
      const seen = await wall.arrival(pin.id);
      // The first two warm the connections and the server's caches.
      if (n < 2) continue;
      total.push(seen - sent);
      afterAck.push(Math.max(0, seen - acked));
    }
    await wall.close();
    const t = sortNumbers(total);
    const k = sortNumbers(afterAck);
    console.log(
      `   POST to A → on B's wall: median ${fmt(percentile(t, 50), 1)} ms, p90 ${fmt(percentile(t, 90), 1)} ms, max ${fmt(t.at(-1) ?? NaN, 1)} ms`,
    );
    console.log(
      `   A's 201 → on B's wall: median ${fmt(percentile(k, 50), 1)} ms, max ${fmt(k.at(-1) ?? NaN, 1)} ms`,
    );
  } finally {
    for (const s of servers) await stopServer(s);
    await target.drop();
  }
}

/** All three scenarios, one after another. */
export async function workshopBenchmarks(): Promise<void> {
  console.log(
    `\nResidents' workshops (PostgreSQL; BENCH_SECONDS=${SECONDS}, BENCH_RESIDENTS=${RESIDENTS})`,
  );
  const probe = new pg.Client({
    connectionString:
      process.env.BENCH_DATABASE_URL ??
      process.env.DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/postgres',
  });
  try {
    await probe.connect();
    await probe.end();
  } catch {
    console.log(
      '   (skipped: no PostgreSQL reachable at BENCH_DATABASE_URL, DATABASE_URL or 127.0.0.1:5432)',
    );
    return;
  }
  await loadRun();
  await killRun();
  await twoInstancesRun();
  agent.destroy();
}

if (import.meta.main) await workshopBenchmarks();
