import { describe, expect, it } from 'vitest';
import { squareRing } from '../test-support/shapes.ts';
import { METRES_PER_DEGREE, distanceToBoundaryMetres } from './boundary-distance.ts';

// Hand-made: a 0.01° square near Hemel Hempstead (lat 51.75), where 1° of longitude is
// METRES_PER_DEGREE × cos(51.75°) ≈ 68.8 km.
const near = { type: 'Polygon' as const, coordinates: [squareRing(-0.47, 51.75, 0.01)] };

describe('distanceToBoundaryMetres', () => {
  it('measures north–south gaps in metres of latitude', () => {
    const metres = distanceToBoundaryMetres(-0.465, 51.7495, near);
    expect(metres).toBeCloseTo(0.0005 * METRES_PER_DEGREE, 3);
    expect(metres).toBeCloseTo(55.6, 1);
  });

  it('shrinks east–west gaps by the cosine of the latitude', () => {
    const metres = distanceToBoundaryMetres(-0.4705, 51.755, near);
    expect(metres).toBeCloseTo(0.0005 * METRES_PER_DEGREE * Math.cos((51.755 * Math.PI) / 180), 3);
  });

  it('is the distance to the nearest edge from inside too, not zero', () => {
    expect(distanceToBoundaryMetres(-0.465, 51.7501, near)).toBeCloseTo(
      0.0001 * METRES_PER_DEGREE,
      3,
    );
  });

  it('measures to a corner when the point is off both edges', () => {
    const metres = distanceToBoundaryMetres(-0.4703, 51.7496, near);
    const dx = 0.0003 * METRES_PER_DEGREE * Math.cos((51.7496 * Math.PI) / 180);
    const dy = 0.0004 * METRES_PER_DEGREE;
    expect(metres).toBeCloseTo(Math.hypot(dx, dy), 3);
  });
});
