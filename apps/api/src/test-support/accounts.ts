// Test set-up for accounts: an app on a fresh database with a stand-in web handler (so the
// web routes exist without a build), accounts of each role, and signing in through the API.
import { migrateToLatest, type Db, type Role } from '@thrive/db';
import type { TestEngine } from '@thrive/db/testing';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type BuildOptions } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createUser } from '../modules/admin/service.ts';
import type { NodeHandler } from '../plugins/web.ts';

/** Every test account's password (hand-made, long enough). */
export const PASSWORD = 'correct horse battery staple';

/** The stand-in's long page: well over the size worth compressing. */
export const LONG_PAGE = `<!doctype html><title>Thrive (stand-in long page)</title>${'<p>Ward by ward, the rug of indicators.</p>'.repeat(200)}`;

/** Stands in for the SvelteKit handler: one small HTML page, a long one at /test/long-page, and an event stream at /test/events. */
export const fakeWebHandler: NodeHandler = (req, res) => {
  const path = req.url?.split('?')[0];
  if (path === '/test/events') {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
    res.end(`data: ${'x'.repeat(4096)}\n\n`);
    return;
  }
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(path === '/test/long-page' ? LONG_PAGE : '<!doctype html><title>Thrive (stand-in page)</title>');
};

/** A controllable clock: starts now, moves only when told. */
export function testClock(): { now: () => Date; advance: (ms: number) => void } {
  let at = Date.now();
  return { now: () => new Date(at), advance: (ms) => (at += ms) };
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
}

/** An app on a fresh, migrated database of `engine`; closing the app closes the database. */
export async function accountsApp(engine: TestEngine, env: Record<string, string> = {}, options: BuildOptions = {}): Promise<TestApp> {
  const db = await engine.open();
  await migrateToLatest(db.db);
  const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', DATA_MIRROR: process.env.DATA_MIRROR, ...env }), { webHandler: fakeWebHandler, ...options, db });
  app.addHook('onClose', () => db.close());
  try {
    await app.ready();
  } catch (error) {
    await db.close();
    throw error;
  }
  return { app, db };
}

/** Creates an account (as the command line would). */
export function addAccount(db: Db, role: Role, email = `${role}@example.org`) {
  return createUser(db.db, { email, role, password: PASSWORD }, { id: null, via: 'cli' });
}

/** The session cookie from a response, as a Cookie header value. */
export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'thrive_session');
  if (!cookie) throw new Error(`no session cookie in the response (${response.statusCode}: ${response.body})`);
  return `thrive_session=${cookie.value}`;
}

/** Signs in through the API and returns the Cookie header to send afterwards. */
export async function signInAs(app: FastifyInstance, email: string, password = PASSWORD, remoteAddress = '198.51.100.7'): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });
  return sessionCookie(response);
}
