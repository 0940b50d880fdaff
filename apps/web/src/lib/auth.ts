// Signing in and out, and who is signed in, through the API (types from its schemas). The
// session itself is an httpOnly cookie the browser keeps: scripts here never see it.
import type { LoginBody, MeBody, PasswordChangeBody, SignedInBody } from '@thrive/api/schemas';
import { ApiError, sendJson } from './api.ts';

export type { MeBody, SignedInBody };
export type SignedInUser = NonNullable<MeBody['user']>;

type Fetch = typeof fetch;

/** GET /api/auth/me: the signed-in user, or null. */
export async function getMe(fetchFn: Fetch = fetch): Promise<SignedInUser | null> {
  return (await sendJson<MeBody>(fetchFn, 'GET', '/api/auth/me'))?.user ?? null;
}

/** POST /api/auth/login; throws ApiError (401 wrong email or password, 429 paused). */
export async function signIn(
  credentials: LoginBody,
  fetchFn: Fetch = fetch,
): Promise<SignedInUser> {
  const answer = await sendJson<SignedInBody>(fetchFn, 'POST', '/api/auth/login', credentials);
  if (!answer) throw new ApiError(500, { message: 'The server did not say who signed in.' });
  return answer.user;
}

/** POST /api/auth/password: a new password (401 wrong current one, 400 too short or unchanged). */
export async function changePassword(body: PasswordChangeBody, fetchFn: Fetch = fetch): Promise<void> {
  await sendJson(fetchFn, 'POST', '/api/auth/password', body);
}

/** POST /api/auth/logout */
export async function signOut(fetchFn: Fetch = fetch): Promise<void> {
  await sendJson(fetchFn, 'POST', '/api/auth/logout');
}

/**
 * Where to go after signing in: a path on this site from `?next=`, or home. Anything else
 * (another site, a protocol-relative //host) is ignored, so the link cannot send people away.
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
