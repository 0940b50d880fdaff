// Password hashing with argon2id (OWASP's minimum parameters: 19 MiB, 2 passes, 1 lane), and
// a dummy hash so a sign-in with an unknown email costs the same time as a wrong password.
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Shortest password accepted for a new account. */
export const MIN_PASSWORD_LENGTH = 12;
/** Longest password accepted: argon2 reads all of it, so a cap keeps one request cheap. */
export const MAX_PASSWORD_LENGTH = 1024;

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * The hasher, as an object so tests can spy on `verify` (both sign-in paths must call it
 * exactly once). The algorithm is @node-rs/argon2's default, argon2id.
 */
export const passwords = {
  hash: (plain: string): Promise<string> => hash(plain, OPTIONS),
  verify: (stored: string, plain: string): Promise<boolean> => verify(stored, plain),
};

let dummy: Promise<string> | undefined;

/** A hash of a random password nobody knows, made once per process with the same parameters. */
export function dummyHash(): Promise<string> {
  dummy ??= passwords.hash(randomBytes(32).toString('base64url'));
  return dummy;
}

/** Why a new password is not acceptable, or null when it is. */
export function passwordProblem(plain: string): string | null {
  if (plain.length < MIN_PASSWORD_LENGTH) return `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (plain.length > MAX_PASSWORD_LENGTH) return `A password can have at most ${MAX_PASSWORD_LENGTH} characters.`;
  return null;
}
