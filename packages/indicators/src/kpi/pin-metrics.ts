// Pin metrics (docs/methods.md §6): residents' pins per 1,000 residents, or the share of pins with a
// "you said, we did" reply.
import { byarRate } from '../stats/byar.ts';
import type { Interval } from '../stats/interval.ts';
import { wilson } from '../stats/wilson.ts';

/**
 * Pins per 1,000 residents with Byar's limits (exact Poisson limits below 10 pins).
 * @see Breslow NE, Day NE. Statistical Methods in Cancer Research, vol II. IARC 1987
 */
export function pinRatePer1000(
  pins: number,
  population: number,
  confidence = 0.95,
): Interval<'byar' | 'exact_poisson'> {
  return byarRate(pins, population, { confidence, multiplier: 1000 });
}

/**
 * The share of pins with a reply, as a fraction 0–1 with its Wilson interval.
 * @see Newcombe RG. Stat Med 1998;17:857–72 (method 3)
 */
export function pinShare(answered: number, pins: number, confidence = 0.95): Interval<'wilson'> {
  return wilson(answered, pins, { confidence });
}
