import { describe, expect, it } from 'vitest';
import { areas, squareRing } from '../test-support/shapes.ts';
import { createAreaIndex } from './area-index.ts';
import { BEST_FIT_METHOD, bestFitByCentroid, bestFitMethodNote } from './best-fit.ts';

// Hand-made centroids over the hand-made shapes: one clear case of each outcome.
const centroids = [
  { code: 'IN_SQUARE', lon: 0.5, lat: 0.5 },
  { code: 'IN_HOLE', lon: 12, lat: 2 },
  { code: 'ON_SHARED_EDGE', lon: 1, lat: 0.25 },
  { code: 'IN_THE_SEA', lon: 50, lat: 50 },
];

describe('bestFitByCentroid', () => {
  const result = bestFitByCentroid(centroids, areas);

  it('links a centroid to the one area containing it, as an area_link row', () => {
    expect(result.links).toEqual([
      { from: 'IN_SQUARE', to: 'SQUARE', method: 'best_fit_centroid', weight: 1 },
      { from: 'IN_HOLE', to: 'ISLAND', method: 'best_fit_centroid', weight: 1 },
    ]);
  });

  it('reports a centroid in several areas as ambiguous, with no link', () => {
    expect(result.ambiguous).toEqual([{ code: 'ON_SHARED_EDGE', wards: ['SQUARE', 'EAST'] }]);
  });

  it('reports a centroid in no area as unmatched', () => {
    expect(result.unmatched).toEqual(['IN_THE_SEA']);
    expect(result.nearest).toEqual([]);
  });

  it('accepts a ready-built index as well as a list of areas', () => {
    expect(bestFitByCentroid(centroids, createAreaIndex(areas))).toEqual(result);
  });

  it('with the fallback on, places a centroid just outside the coast in the nearest ward, apart from the links', () => {
    const coast = [{ code: 'E01000000', lon: 1.0001, lat: 51.5 }];
    const land = [
      {
        code: 'WARD',
        geometry: { type: 'Polygon' as const, coordinates: [squareRing(0.99, 51.49, 0.01)] },
      },
    ];
    const off = bestFitByCentroid(coast, land);
    expect(off.unmatched).toEqual(['E01000000']);
    const on = bestFitByCentroid(coast, land, { nearestWithinMetres: 50 });
    expect(on.links).toEqual([]);
    expect(on.unmatched).toEqual([]);
    expect(on.nearest).toHaveLength(1);
    expect(on.nearest[0]?.to).toBe('WARD');
    expect(on.nearest[0]?.metres).toBeGreaterThan(6);
    expect(on.nearest[0]?.metres).toBeLessThan(7.5);
  });

  it('says in its method note that it approximates ONS best fit on area-weighted centroids', () => {
    expect(BEST_FIT_METHOD).toBe('best_fit_centroid');
    expect(bestFitMethodNote).toMatch(/population-weighted/);
    expect(bestFitMethodNote).toMatch(/area-weighted LSOA centroids/);
  });
});
