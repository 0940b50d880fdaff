// How each kind of pin is drawn: a shape AND a colour, so the kind never depends on colour alone
// (WCAG 1.4.1). The same outline is drawn on the map (as a MapLibre image) and in keys (SVG).
import type { PinKind } from '@thrive/participation';

export interface PinShape {
  /** SVG path in a 24 × 24 box. */
  path: string;
  fill: string;
}

/**
 * Issue: a triangle (warning); aspiration: a star (an idea); asset: a circle (a good thing).
 * Colours are Okabe–Ito, told apart with the common colour-vision deficiencies. The one source
 * for residents' pages, officers' pages and the wall.
 */
export const PIN_SHAPES: Record<PinKind, PinShape> = {
  issue: { path: 'M12 2 L23 21 L1 21 Z', fill: '#D55E00' },
  aspiration: {
    path: 'M12 1.5 L14.9 8.6 L22.5 9.2 L16.7 14.1 L18.5 21.6 L12 17.6 L5.5 21.6 L7.3 14.1 L1.5 9.2 L9.1 8.6 Z',
    fill: '#0072B2',
  },
  asset: { path: 'M12 2 A10 10 0 1 1 11.99 2 Z', fill: '#007A5A' },
};

/** The MapLibre image name of a kind's pin. */
export const pinImage = (kind: PinKind) => `pin-${kind}`;
