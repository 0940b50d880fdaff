// What the residents' route plugins (workshops, participants, pins) share: the area lookups
// cache and the rate limits (one set per app, built in app.ts).
import { DEFAULT_RESIDENT_LIMITS, type ResidentLimits } from '../participants/rate-limits.ts';
import { geographyCache, type GeographyCache } from './geography.ts';

export interface ResidentRouteOptions {
  geography: GeographyCache;
  limits: ResidentLimits;
  /** The global per-address limit (RATE_LIMIT_PER_MINUTE), for callers that are not participants. */
  perAddressPerMinute: number;
}

/** The shared options, with the default limits unless some are given (tests lower them). */
export function residentRouteOptions(
  perAddressPerMinute: number,
  limits: Partial<ResidentLimits> = {},
): ResidentRouteOptions {
  return {
    geography: geographyCache(),
    limits: { ...DEFAULT_RESIDENT_LIMITS, ...limits },
    perAddressPerMinute,
  };
}
