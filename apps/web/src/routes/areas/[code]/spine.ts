// Spine charts (after Fingertips): one bar per indicator showing the range of values among
// the authority's wards, the middle half darker, with the ward, the authority and England
// marked. The bar is laid out so that "better" is always to the right; indicators with no
// better direction run from lower to higher. Each spread comes with the API's profile
// (spreadOf in @thrive/indicators).
import type { Spread } from '@thrive/indicators';

/** Which direction is good, in words; null when neither is. */
export function directionText(polarity: string): string | null {
  if (polarity === 'low_is_good') return 'Lower is better';
  if (polarity === 'high_is_good') return 'Higher is better';
  return null;
}

/** Which way the bar runs: better to the right, or (no judgement) higher to the right. */
export interface Orientation {
  left: string;
  right: string;
}

export function orientationOf(polarity: string): Orientation {
  return polarity === 'high_is_good' || polarity === 'low_is_good'
    ? { left: 'worse', right: 'better' }
    : { left: 'lower', right: 'higher' };
}

/** Positions on the bar, 0 (left) to 1 (right). */
export interface SpineLayout {
  range: [number, number];
  middle: [number, number];
  area: number;
  parent: number | null;
  england: number | null;
}

// Room at each end so markers at the extremes are drawn whole.
const MARGIN = 0.04;

/**
 * Lays out one spine: the scale spans the wards' range and both benchmarks (England often
 * lies outside the authority's range), reversed when low values are good.
 */
export function spineLayout(
  spread: Spread,
  values: { area: number; parent: number | null; england: number | null },
  polarity: string,
): SpineLayout {
  const all = [spread.min, spread.max, values.area, values.parent, values.england].filter(
    (v): v is number => v !== null && Number.isFinite(v),
  );
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const reversed = polarity === 'low_is_good';
  const x = (v: number): number => {
    const t = hi === lo ? 0.5 : (v - lo) / (hi - lo);
    return MARGIN + (reversed ? 1 - t : t) * (1 - 2 * MARGIN);
  };
  const pair = (a: number, b: number): [number, number] => {
    const [xa, xb] = [x(a), x(b)];
    return xa <= xb ? [xa, xb] : [xb, xa];
  };
  return {
    range: pair(spread.min, spread.max),
    middle: pair(spread.q1, spread.q3),
    area: x(values.area),
    parent: values.parent === null ? null : x(values.parent),
    england: values.england === null ? null : x(values.england),
  };
}

/** The words a spine chart stands for: its text alternative. */
export function describeSpine(
  spread: Spread,
  values: { area: number; parent: number | null; england: number | null },
  names: { area: string; parent: string; england: string },
  format: (value: number) => string,
  polarity: string,
): string {
  const parts = [
    `${names.area}: ${format(values.area)}.`,
    spread.count === 1
      ? `Only one of ${names.parent}'s wards has a value.`
      : `${names.parent}'s ${spread.count} wards range from ${format(spread.min)} to ${format(spread.max)}, the middle half from ${format(spread.q1)} to ${format(spread.q3)}.`,
  ];
  if (values.parent !== null) parts.push(`${names.parent}: ${format(values.parent)}.`);
  if (values.england !== null) parts.push(`${names.england}: ${format(values.england)}.`);
  const direction = directionText(polarity);
  if (direction) parts.push(`${direction}.`);
  return parts.join(' ');
}
