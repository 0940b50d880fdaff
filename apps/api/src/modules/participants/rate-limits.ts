// Rate limits of residents' routes: per participant and per workshop, never only per address.
// A room of 200 residents behind one community-centre router shares one address, so these
// routes replace the global per-address limit (plugins/rate-limit.ts) with their own keys.
// Counts live in this instance's memory, like the global limit: they protect its capacity.
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { RateLimitOptions } from '@fastify/rate-limit';
import { normaliseJoinCode } from '@thrive/participation';
import { TooManyRequestsError } from '../../errors.ts';

export interface ResidentLimits {
  /** Requests a minute one participant may make to residents' routes (far above any person's pace). */
  perParticipantPerMinute: number;
  /** Requests a minute to one workshop's resident routes from all its participants together. */
  perWorkshopPerMinute: number;
  /** New participants a minute per workshop (joins are anonymous, so they count per workshop). */
  joinsPerWorkshopPerMinute: number;
}

/**
 * A resident taps, waits and types: a few requests a minute. 600 leaves room for a phone
 * flushing a day's offline queue at once; the workshop ceiling is far beyond a full hall.
 */
export const DEFAULT_RESIDENT_LIMITS: ResidentLimits = {
  perParticipantPerMinute: 600,
  perWorkshopPerMinute: 60_000,
  joinsPerWorkshopPerMinute: 6_000,
};

const MINUTE = 60_000;

const participantKey = (request: FastifyRequest): string | null =>
  request.principal.kind === 'participant'
    ? `participant:${request.principal.participantId}`
    : null;

/** The workshop a request is about: the participant's own, else the `:ref` in the path, normalised. */
function workshopKey(request: FastifyRequest): string {
  if (request.principal.kind === 'participant') return `workshop:${request.principal.workshopId}`;
  const ref = String((request.params as { ref?: unknown }).ref ?? '');
  return `workshop:${normaliseJoinCode(ref) ?? ref.toLowerCase()}`;
}

/** Route configs and hooks for residents' routes, from the limits and the global per-address limit. */
export function residentRateLimits(
  app: FastifyInstance,
  limits: ResidentLimits,
  perAddressPerMinute: number,
) {
  const ceiling = app.createRateLimit({
    max: limits.perWorkshopPerMinute,
    timeWindow: MINUTE,
    keyGenerator: workshopKey,
  });

  /** Refuses once a workshop's residents together pass the ceiling. */
  const workshopCeiling: onRequestAsyncHookHandler = async (request) => {
    const result = await ceiling(request);
    if (!result.isAllowed && result.isExceeded) {
      throw new TooManyRequestsError(
        'This workshop is very busy just now; your phone will try again in a moment.',
        result.ttlInSeconds,
      );
    }
  };

  /** Participants' writes: counted per participant (401/403 come first, from the permission hook). */
  const participantWrites: RateLimitOptions = {
    max: limits.perParticipantPerMinute,
    timeWindow: MINUTE,
    keyGenerator: (request) => participantKey(request) ?? `address:${request.ip}`,
  };

  /** Public reads residents' pages make: per participant when joined, else per address as everywhere. */
  const residentReads: RateLimitOptions = {
    timeWindow: MINUTE,
    keyGenerator: (request) => participantKey(request) ?? `address:${request.ip}`,
    max: (_request, key) =>
      key.startsWith('participant:') ? limits.perParticipantPerMinute : perAddressPerMinute,
  };

  /** Joining: anonymous, so counted per workshop. */
  const joins: RateLimitOptions = {
    max: limits.joinsPerWorkshopPerMinute,
    timeWindow: MINUTE,
    keyGenerator: workshopKey,
  };

  return { workshopCeiling, participantWrites, residentReads, joins };
}

export type ResidentRateLimits = ReturnType<typeof residentRateLimits>;
