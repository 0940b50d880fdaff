// Signing in and out, and recognising a session on later requests.
//
// Sessions live in the database (every instance sees them); the cookie holds a random 32-byte
// token and the database only its SHA-256, so a leaked table cannot be replayed. A session ends
// after SESSION_IDLE_MINUTES unused or SESSION_MAX_HOURS after sign-in, whichever is first.
//
// Failed sign-ins are counted in the database (keyed hashes, never the email or the address),
// so the limits hold across instances, on three counters: one account from one client address
// (LOGIN_MAX_FAILURES), one account from anywhere (twice that: guessing spread over addresses),
// and one address whatever the accounts (LOGIN_ADDRESS_MAX_FAILURES, much higher: a council
// office shares one public address, and one person's typos must not pause their colleagues).
// Once a counter reaches its limit within LOGIN_WINDOW_MINUTES, sign-ins it covers answer 429
// without checking the password — a right password too — until its oldest failure ages out.
// The failure that leaves one try says so, so nobody is paused by surprise.
// The check and the count are one locked step (repository.reserveAttempt): every attempt is
// counted as a failure before its password is checked, and uncounted if it was right, so a
// burst of parallel guesses gets no more than the limit.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Database } from '@thrive/db';
import type { Kysely } from 'kysely';
import { TooManyRequestsError, UnauthorizedError } from '../../errors.ts';
import { recordAudit } from '../audit/repository.ts';
import { normaliseEmail, userTarget } from '../admin/service.ts';
import { dummyHash, passwords } from './passwords.ts';
import type { SignedInUser } from './principal.ts';
import * as repo from './repository.ts';
import { userAgentHint } from './user-agent-hint.ts';

export interface AuthSettings {
  sessionIdleMs: number;
  sessionMaxMs: number;
  loginMaxFailures: number;
  loginAddressMaxFailures: number;
  loginWindowMs: number;
}

/** The clock, injected so tests can move time on instead of waiting. */
export type Clock = () => Date;

/** The one message for every failed sign-in, whether or not the email has an account. */
export const SIGN_IN_FAILED = 'Email or password is incorrect.';

// Last-seen times are written at most this often per session, not on every request.
const TOUCH_EVERY_MS = 60_000;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A new session token: 32 random bytes, base64url (43 characters). */
export const newSessionToken = (): string => randomBytes(32).toString('base64url');

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The session id stored for a token. */
export const sessionId = (token: string): string => sha256(token);

export interface SignInInput {
  email: string;
  password: string;
  /** The session this browser already had (switching account): ended when the new one starts. */
  replaces: ResolvedSession | null;
  /** The client's address as the server sees it (TRUST_PROXY decides); hashed, never stored. */
  clientAddress: string;
  userAgent: string | undefined;
}

export interface SignedIn {
  token: string;
  user: SignedInUser;
  expiresAt: Date;
}

async function throttleKeys(db: Kysely<Database>, email: string, clientAddress: string, settings: AuthSettings): Promise<repo.ThrottleKey[]> {
  const key = await repo.throttleKey(db);
  const mac = (text: string) => createHmac('sha256', key).update(text).digest('hex').slice(0, 32);
  return [
    { key: `account-address:${mac(`account-address\u0000${email}\u0000${clientAddress}`)}`, limit: settings.loginMaxFailures },
    { key: `account:${mac(`account\u0000${email}`)}`, limit: settings.loginMaxFailures * 2 },
    { key: `address:${mac(`address\u0000${clientAddress}`)}`, limit: settings.loginAddressMaxFailures },
  ];
}

/** The 401 message: on the last try before a pause it says so, and for how long. */
export function signInFailedMessage(remaining: number, windowMs: number): string {
  if (remaining !== 1) return SIGN_IN_FAILED;
  const minutes = Math.ceil(windowMs / 60_000);
  return `${SIGN_IN_FAILED} One more failed try will pause sign-in for up to ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

/**
 * Checks the password and opens a session. Throws TooManyRequestsError (429) while a counter
 * covering the attempt is paused, and UnauthorizedError (401, SIGN_IN_FAILED, with a warning on
 * the last try) otherwise.
 * An unknown email is verified against a dummy hash, so both failures take the same time.
 */
export async function signIn(db: Kysely<Database>, input: SignInInput, settings: AuthSettings, now: Date): Promise<SignedIn> {
  const email = normaliseEmail(input.email);
  const keys = await throttleKeys(db, email, input.clientAddress, settings);
  const since = new Date(now.getTime() - settings.loginWindowMs);
  const reservation = await repo.reserveAttempt(db, keys, now, since, settings.loginWindowMs);
  if (reservation.blockedUntil) {
    const wait = Math.max(1, Math.ceil((reservation.blockedUntil.getTime() - now.getTime()) / 1000));
    throw new TooManyRequestsError(`Too many failed sign-ins; try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? 's' : ''}.`, wait);
  }

  const account = await repo.findAccountByEmail(db, email);
  const matches = await passwords.verify(account?.password_hash ?? (await dummyHash()), input.password);
  if (!account || !matches || account.disabled_at !== null) {
    // The reservation stays: it is this failure's count.
    // No email in the trail: the account's id when there is one, and why it failed.
    const reason = !account ? 'no_such_account' : !matches ? 'wrong_password' : 'account_disabled';
    await recordAudit(db, { actorId: null, action: 'auth.login_failed', target: account ? userTarget(account.id) : null, details: { reason } });
    throw new UnauthorizedError(signInFailedMessage(reservation.remaining, settings.loginWindowMs));
  }
  await repo.releaseAttempt(db, reservation.ids);

  await repo.deleteExpiredSessions(db, now, settings.sessionIdleMs);
  if (input.replaces) await repo.deleteSession(db, input.replaces.sessionId);
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + settings.sessionMaxMs);
  await repo.insertSession(db, { id: sessionId(token), userId: account.id, createdAt: now, expiresAt, userAgentHint: userAgentHint(input.userAgent) });
  await recordAudit(db, { actorId: account.id, action: 'auth.login', target: userTarget(account.id), details: {} });
  return { token, expiresAt, user: { id: account.id, email: account.email, role: account.role, name: account.display_name, mustChangePassword: account.must_change_password } };
}

export interface ResolvedSession {
  sessionId: string;
  user: SignedInUser;
}

/**
 * The signed-in account for a cookie's token, or null. An expired session is deleted; a
 * session of a disabled account is refused. The account's role is read on every request, so
 * a role change applies at once.
 */
export async function resolveSession(db: Kysely<Database>, token: string, settings: AuthSettings, now: Date): Promise<ResolvedSession | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const id = sessionId(token);
  const row = await repo.findSession(db, id);
  if (!row) return null;
  const idleSince = now.getTime() - row.last_seen_at.getTime();
  if (row.expires_at.getTime() <= now.getTime() || idleSince >= settings.sessionIdleMs) {
    await repo.deleteSession(db, id);
    return null;
  }
  if (row.disabled_at !== null) return null;
  if (idleSince >= TOUCH_EVERY_MS) await repo.touchSession(db, id, now);
  return { sessionId: id, user: { id: row.user_id, email: row.email, role: row.role, name: row.display_name, mustChangePassword: row.must_change_password } };
}

/** Ends a session (signing out); audited when it belonged to someone. */
export async function signOut(db: Kysely<Database>, session: ResolvedSession | null): Promise<void> {
  if (!session) return;
  await repo.deleteSession(db, session.sessionId);
  await recordAudit(db, { actorId: session.user.id, action: 'auth.logout', target: userTarget(session.user.id), details: {} });
}
