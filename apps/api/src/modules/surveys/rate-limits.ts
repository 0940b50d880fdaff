// Rate limits of surveys' resident routes: per participant and per survey, never only per
// address (a station tablet or a community centre's router is one address for many residents).
// These route configs replace the global per-address limit for the routes that use them.
import { createHash } from 'node:crypto';
import type { RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { PARTICIPANT_COOKIE } from '../../plugins/auth.ts';

const MINUTE = 60_000;

/** Far above one person's pace, with room for a phone flushing its offline queue at once. */
const PER_PARTICIPANT_PER_MINUTE = 600;
/** Joins are anonymous, so they count per survey: far beyond a full hall. */
const JOINS_PER_SURVEY_PER_MINUTE = 6_000;

const surveyKey = (request: FastifyRequest): string =>
  `survey:${String((request.params as { id?: unknown }).id ?? '').toLowerCase()}`;

/** The participant cookie's hash (never the token itself), else the address. */
function participantKey(request: FastifyRequest): string {
  const token = request.cookies[PARTICIPANT_COOKIE];
  return token
    ? `survey-participant:${createHash('sha256').update(token).digest('hex')}`
    : `address:${request.ip}`;
}

/** Joining a survey: counted per survey. */
export const surveyJoinLimit: RateLimitOptions = {
  max: JOINS_PER_SURVEY_PER_MINUTE,
  timeWindow: MINUTE,
  keyGenerator: surveyKey,
};

/** Answering and "have I answered": counted per participant. */
export const surveyParticipantLimit: RateLimitOptions = {
  max: PER_PARTICIPANT_PER_MINUTE,
  timeWindow: MINUTE,
  keyGenerator: participantKey,
};
