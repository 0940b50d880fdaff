import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areas, square, squareRing } from '../test-support/shapes.ts';
import { createAreaIndex } from './area-index.ts';
import { METRES_PER_DEGREE } from './boundary-distance.ts';

const index = createAreaIndex(areas);

describe('createAreaIndex', () => {
  it('knows how many areas it holds', () => {
    expect(index.size).toBe(areas.length);
  });

  it('finds the one area a point is in', () => {
    expect(index.areasAt(0.5, 0.5)).toEqual(['SQUARE']);
    expect(index.firstAreaAt(0.5, 0.5)).toBe('SQUARE');
  });

  it('returns both areas for a point on their shared edge, so callers can see the tie', () => {
    expect(index.areasAt(1, 0.5)).toEqual(['SQUARE', 'EAST']);
    expect(index.firstAreaAt(1, 0.5)).toBe('SQUARE');
  });

  it('does not take a point inside a triangle’s box but outside the triangle', () => {
    expect(index.areasAt(1.5, 3.5)).toEqual([]);
    expect(index.areasAt(0.5, 3)).toEqual(['TRIANGLE']);
  });

  it('puts a point in a hole in the island, not the doughnut around it', () => {
    expect(index.areasAt(12, 2)).toEqual(['ISLAND']);
    expect(index.areasAt(10.5, 2)).toEqual(['DOUGHNUT']);
  });

  it('finds a point in either part of a multipolygon, and not in the gap between', () => {
    expect(index.areasAt(20.5, 0.5)).toEqual(['TWO_PARTS']);
    expect(index.areasAt(30.5, 0.5)).toEqual(['TWO_PARTS']);
    expect(index.areasAt(25, 0.5)).toEqual([]);
  });

  it('returns nothing for a point outside every area or not a number', () => {
    expect(index.areasAt(-5, -5)).toEqual([]);
    expect(index.firstAreaAt(-5, -5)).toBeUndefined();
    expect(index.areasAt(Number.NaN, 0.5)).toEqual([]);
  });

  it('lets point-in-polygon, not the box, decide a point a hair outside an edge (found by fast-check)', () => {
    const onEdge = booleanPointInPolygon([-5e-324, 0.5], square);
    expect(index.areasAt(-5e-324, 0.5)).toEqual(onEdge ? ['SQUARE'] : []);
  });

  it('lists overlapping areas in the order they were given', () => {
    const overlapping = createAreaIndex([
      { code: 'B', geometry: { type: 'Polygon', coordinates: [squareRing(0, 0, 2)] } },
      { code: 'A', geometry: square },
    ]);
    expect(overlapping.areasAt(0.5, 0.5)).toEqual(['B', 'A']);
  });

  it('works with no areas at all', () => {
    const empty = createAreaIndex([]);
    expect(empty.size).toBe(0);
    expect(empty.areasAt(0, 0)).toEqual([]);
    expect(empty.nearestAreaWithin(0, 0, 100)).toBeUndefined();
  });

  it('agrees with checking every area one by one, for any point', () => {
    fc.assert(
      fc.property(
        // Half-degree steps land on edges, corners and in the hole; doubles cover the rest.
        fc.oneof(
          fc.double({ min: -2, max: 33, noNaN: true }),
          fc.integer({ min: -4, max: 66 }).map((n) => n / 2),
        ),
        fc.oneof(
          fc.double({ min: -2, max: 6, noNaN: true }),
          fc.integer({ min: -4, max: 12 }).map((n) => n / 2),
        ),
        (lon, lat) => {
          const bruteForce = areas
            .filter((area) => booleanPointInPolygon([lon, lat], area.geometry))
            .map((area) => area.code);
          expect(index.areasAt(lon, lat)).toEqual(bruteForce);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('nearestAreaWithin', () => {
  // Hand-made: two 0.001° squares near 52° N, 0.002° of longitude apart (≈ 137 m).
  const lat = 52;
  const pair = createAreaIndex([
    { code: 'WEST', geometry: { type: 'Polygon', coordinates: [squareRing(-0.003, lat, 0.001)] } },
    { code: 'EAST', geometry: { type: 'Polygon', coordinates: [squareRing(0, lat, 0.001)] } },
  ]);
  const lonMetres = METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180);

  it('gives distance 0 for a point inside an area', () => {
    expect(pair.nearestAreaWithin(0.0005, lat + 0.0005, 50)).toEqual({ code: 'EAST', metres: 0 });
  });

  it('gives the area whose boundary is nearest when the point is in none', () => {
    const found = pair.nearestAreaWithin(-0.0003, lat + 0.0005, 50);
    expect(found?.code).toBe('EAST');
    expect(found?.metres).toBeCloseTo(0.0003 * lonMetres, 3);
  });

  it('gives nothing when no boundary is within the distance', () => {
    expect(pair.nearestAreaWithin(-0.001, lat + 0.0005, 50)).toBeUndefined();
    expect(pair.nearestAreaWithin(-0.001, lat + 0.0005, 70)?.code).toBe('WEST');
  });
});
