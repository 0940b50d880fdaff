import { describe, expect, it } from 'vitest';
import { firstRingCrossing } from './ring-crossing.ts';

// Hand-made shapes near Hemel Hempstead.
const square = [
  [-0.46, 51.76],
  [-0.45, 51.76],
  [-0.45, 51.77],
  [-0.46, 51.77],
  [-0.46, 51.76],
];
const bowTie = [
  [-0.46, 51.76],
  [-0.45, 51.77],
  [-0.45, 51.76],
  [-0.46, 51.77],
  [-0.46, 51.76],
];

describe('firstRingCrossing', () => {
  it('finds nothing in a simple square', () => {
    expect(firstRingCrossing({ type: 'Polygon', coordinates: [square] })).toBeNull();
  });

  it('finds where a bow-tie ring crosses itself', () => {
    const crossing = firstRingCrossing({ type: 'Polygon', coordinates: [bowTie] });
    expect(crossing?.where).toBe('ring 0');
    expect(crossing?.at[0]).toBeCloseTo(-0.455, 6);
    expect(crossing?.at[1]).toBeCloseTo(51.765, 6);
  });

  it('names the polygon of a multipolygon', () => {
    expect(
      firstRingCrossing({ type: 'MultiPolygon', coordinates: [[square], [bowTie]] })?.where,
    ).toBe('polygon 1, ring 0');
  });
});
