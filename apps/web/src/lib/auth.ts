// Signing in and out, and who is signed in, through the API (types from its schemas). The
// session itself is an httpOnly cookie the browser keeps: scripts here never see it.
import type { ErrorBody, LoginBody, MeBody, SignedInBody } from '@thrive/api/schemas';
import { ApiError } from './api.ts';

export type { MeBody, SignedInBody };
export type SignedInUser = NonNullable<MeBody['user']>;

type Fetch = typeof fetch;

async function send<T>(
  fetchFn: Fetch,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T | null> {
  const response = await fetchFn(path, {
    method,
    headers:
      body === undefined
        ? { accept: 'application/json' }
        : { accept: 'application/json', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return null;
  const parsed: unknown = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, parsed as Partial<ErrorBody>);
  return parsed as T;
}

/** GET /api/auth/me: the signed-in user, or null. */
export async function getMe(fetchFn: Fetch = fetch): Promise<SignedInUser | null> {
  return (await send<MeBody>(fetchFn, 'GET', '/api/auth/me'))?.user ?? null;
}

/** POST /api/auth/login; throws ApiError (401 wrong email or password, 429 paused). */
export async function signIn(
  credentials: LoginBody,
  fetchFn: Fetch = fetch,
): Promise<SignedInUser> {
  const answer = await send<SignedInBody>(fetchFn, 'POST', '/api/auth/login', credentials);
  if (!answer) throw new ApiError(500, { message: 'The server did not say who signed in.' });
  return answer.user;
}

/** POST /api/auth/logout */
export async function signOut(fetchFn: Fetch = fetch): Promise<void> {
  await send(fetchFn, 'POST', '/api/auth/logout');
}

/**
 * Where to go after signing in: a path on this site from `?next=`, or home. Anything else
 * (another site, a protocol-relative //host) is ignored, so the link cannot send people away.
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
