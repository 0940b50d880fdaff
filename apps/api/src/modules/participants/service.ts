// Residents take part without an account: joining makes an anonymous participant whose random
// token sits in an httpOnly cookie (only its SHA-256 is stored). Station mode ("I'm done")
// retires the token, so nothing of the previous person can be reached from that tablet.
import { createHash, randomBytes } from 'node:crypto';
import type { Participant } from '@thrive/db';
import { ConflictError, ForbiddenError } from '../../errors.ts';
import type { Principal } from '../auth/principal.ts';
import type { Executor, WorkshopRow } from '../workshops/repository.ts';
import * as repo from './repository.ts';
import type { AboutYouBody } from './schemas.ts';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A new participant token: 32 random bytes, base64url (43 characters). */
const newToken = (): string => randomBytes(32).toString('base64url');

/** Who holds a participant token, or null when it is malformed, unknown or retired. */
export async function resolveParticipant(
  db: Executor,
  token: string,
): Promise<{ participantId: string; workshopId: string } | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const row = await repo.findByTokenHash(db, sha256(token));
  return row && row.workshop_id ? { participantId: row.id, workshopId: row.workshop_id } : null;
}

/** Says "closed" in words a resident understands (409). */
export function refuseIfClosed(workshop: WorkshopRow): void {
  if (workshop.status === 'closed')
    throw new ConflictError(
      'This workshop has closed, so it is not taking new pins any more. Thank you for taking part.',
    );
}

/** A new participant of an open workshop, with the token for the cookie. */
export async function join(
  db: Executor,
  workshop: WorkshopRow,
): Promise<{ participantId: string; token: string }> {
  refuseIfClosed(workshop);
  const token = newToken();
  const participantId = await repo.insertParticipant(db, workshop.id, sha256(token));
  return { participantId, token };
}

/** The participant id when the principal is a participant of this workshop; 403 otherwise. */
export function participantOf(principal: Principal, workshop: WorkshopRow): string {
  if (principal.kind === 'participant' && principal.workshopId === workshop.id)
    return principal.participantId;
  throw new ForbiddenError(
    'You joined a different workshop. Open this workshop’s own link or code to take part in it.',
  );
}

/** Whether a participant has answered or skipped the "about you" questions. */
export async function aboutYouAsked(db: Executor, participantId: string): Promise<boolean> {
  const about = await repo.findAbout(db, participantId);
  return about !== undefined && about.about_asked_at !== null;
}

/** Stores the "about you" answers given; an empty body records that they were skipped. */
export async function saveAbout(
  db: Executor,
  participantId: string,
  body: AboutYouBody,
): Promise<void> {
  const about: Partial<Pick<Participant, 'age_band' | 'years_band' | 'tenure'>> = {
    ...(body.ageBand !== undefined ? { age_band: body.ageBand } : {}),
    ...(body.yearsBand !== undefined ? { years_band: body.yearsBand } : {}),
    ...(body.tenure !== undefined ? { tenure: body.tenure } : {}),
  };
  await repo.updateAbout(db, participantId, about);
}

/** Retires a participant's token ("I'm done" on a shared tablet); their pins stay. */
export async function leave(db: Executor, participantId: string): Promise<void> {
  // The hash of a fresh random token nobody is given: unique, and matches no cookie.
  await repo.retireToken(db, participantId, sha256(`retired:${newToken()}`));
}
