// Choosing a new password while signed in: the way out of a temporary password an admin set
// (migration 0011), and an ordinary change at any time. The current password is asked again,
// so a session left open on a shared computer cannot be used to take the account over.
import type { Database } from '@thrive/db';
import type { Kysely } from 'kysely';
import { BadRequestError, UnauthorizedError } from '../../errors.ts';
import { deleteSessionsOf, setPassword } from '../admin/repository.ts';
import { recordAudit } from '../audit/repository.ts';
import { userTarget } from '../admin/service.ts';
import { passwordProblem, passwords } from './passwords.ts';
import { findAccountByEmail } from './repository.ts';
import type { ResolvedSession } from './service.ts';

/** The message for a wrong current password (401, the session stays). */
export const CURRENT_PASSWORD_WRONG = 'Your current password is not right.';

/**
 * Replaces the signed-in person's password and clears "must change"; every other session of
 * the account ends, this one goes on. 400 for a short password or the same one again, 401 for
 * a wrong current password.
 */
export async function changePassword(db: Kysely<Database>, session: ResolvedSession, current: string, next: string): Promise<void> {
  const problem = passwordProblem(next);
  if (problem) throw new BadRequestError(problem);
  if (next === current) throw new BadRequestError('Choose a password different from the current one.');
  const account = await findAccountByEmail(db, session.user.email);
  if (!account || !(await passwords.verify(account.password_hash, current))) throw new UnauthorizedError(CURRENT_PASSWORD_WRONG);
  const passwordHash = await passwords.hash(next);
  await db.transaction().execute(async (tx) => {
    await setPassword(tx, account.id, passwordHash, false);
    await deleteSessionsOf(tx, account.id, session.sessionId);
    await recordAudit(tx, { actorId: account.id, action: 'user.password_change', target: userTarget(account.id), details: {} });
  });
}
