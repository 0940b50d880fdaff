// Colours for national IMD deciles (1 = most deprived 10% of LSOAs in England, 10 = least),
// shared by the LSOA map, its legend and the decile table. Ten classes need more steps than a
// ColorBrewer single-hue ramp has, so this is viridis sampled at ten even steps (van der Walt &
// Smith, 2015): lightness rises steadily from decile 1 to 10, so the order reads without colour
// vision of any kind, and the dark end marks the most deprived areas. Each step carries a text
// colour meeting WCAG 2.2 AA, so a decile number can be printed on its own swatch.

/** A decile's colour: fill, readable text on it, and a legend label. */
export interface DecileColour {
  readonly decile: number;
  /** "#rrggbb" fill. */
  readonly background: string;
  /** "#rrggbb" text drawn on the fill; contrast ≥ 4.5:1 (WCAG 2.2 AA). */
  readonly text: string;
  readonly label: string;
}

const WHITE = '#FFFFFF';
const BLACK = '#000000';

// viridis(10) as published in viridisLite; decile 5 takes black text (white is 4.50:1, too near
// the AA limit to rely on).
const STEPS: readonly (readonly [string, string])[] = [
  ['#440154', WHITE],
  ['#482878', WHITE],
  ['#3E4A89', WHITE],
  ['#31688E', WHITE],
  ['#26828E', BLACK],
  ['#1F9E89', BLACK],
  ['#35B779', BLACK],
  ['#6DCD59', BLACK],
  ['#B4DE2C', BLACK],
  ['#FDE725', BLACK],
];

function labelOf(decile: number): string {
  if (decile === 1) return '1 (most deprived 10%)';
  if (decile === 10) return '10 (least deprived 10%)';
  return String(decile);
}

/** Every decile's colour, 1 to 10, in legend order. */
export const imdDecileColours: readonly DecileColour[] = Object.freeze(
  STEPS.map(([background, text], i) =>
    Object.freeze({ decile: i + 1, background, text, label: labelOf(i + 1) }),
  ),
);

/** The colour of a national IMD decile 1..10; null for anything else (no decile known). */
export function imdDecileColour(decile: number | null | undefined): DecileColour | null {
  if (decile == null || !Number.isInteger(decile)) return null;
  return imdDecileColours[decile - 1] ?? null;
}
