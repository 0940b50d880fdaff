import { describe, expect, it } from 'vitest';
import { squareRing } from '../../test-support/shapes.ts';
import { checkAreaGeometry } from './area-geometry.ts';

// Hand-made geometries, each broken in one way.
describe('checkAreaGeometry', () => {
  it('finds nothing wrong with a square, a doughnut or a multipolygon', () => {
    expect(checkAreaGeometry({ type: 'Polygon', coordinates: [squareRing(0, 0, 1)] })).toEqual([]);
    expect(
      checkAreaGeometry({
        type: 'Polygon',
        coordinates: [squareRing(0, 0, 4), squareRing(1, 1, 2)],
      }),
    ).toEqual([]);
    expect(
      checkAreaGeometry({
        type: 'MultiPolygon',
        coordinates: [[squareRing(0, 0, 1)], [squareRing(5, 5, 1)]],
      }),
    ).toEqual([]);
  });

  it('says where the problem is inside a multipolygon', () => {
    const problems = checkAreaGeometry({
      type: 'MultiPolygon',
      coordinates: [[squareRing(0, 0, 1)], [squareRing(5, 5, 1).slice(0, 4)]],
    });
    expect(problems).toEqual([
      {
        kind: 'unclosed_ring',
        message: expect.stringMatching(/^polygon 1, ring 0 is not closed/) as unknown,
      },
    ]);
  });

  it('reports one problem of each kind, not one per coordinate', () => {
    const bng = squareRing(500_000, 200_000, 1000);
    const problems = checkAreaGeometry({ type: 'MultiPolygon', coordinates: [[bng], [bng]] });
    expect(problems.map((p) => p.kind)).toEqual(['projected_bng']);
  });

  it('refuses a missing coordinates array', () => {
    expect(checkAreaGeometry({ type: 'Polygon' }).map((p) => p.kind)).toEqual([
      'malformed_coordinates',
    ]);
    expect(checkAreaGeometry({ type: 'Polygon', coordinates: [] }).map((p) => p.kind)).toEqual([
      'malformed_coordinates',
    ]);
  });

  it('refuses a position with fewer than two numbers, and NaN-like values', () => {
    const ring = [[0, 0], [1], [1, 1], [0, 0]];
    expect(checkAreaGeometry({ type: 'Polygon', coordinates: [ring] }).map((p) => p.kind)).toEqual([
      'non_numeric',
    ]);
  });

  it('reports a stray value in a lon/lat file as out of range, not as British National Grid', () => {
    const ring = [
      [-0.4, 51.7],
      [200, 51.7],
      [-0.3, 51.8],
      [-0.4, 51.7],
    ];
    const [problem] = checkAreaGeometry({ type: 'Polygon', coordinates: [ring] });
    expect(problem?.kind).toBe('out_of_range');
    expect(problem?.message).toMatch(/\[200, 51\.7\] at ring 0, position 1/);
  });

  it('does not mistake small out-of-range values for British National Grid', () => {
    const ring = [
      [181, 52],
      [182, 52],
      [182, 53],
      [181, 52],
    ];
    expect(checkAreaGeometry({ type: 'Polygon', coordinates: [ring] }).map((p) => p.kind)).toEqual([
      'out_of_range',
    ]);
  });

  it('refuses coordinates that read as [latitude, longitude] in Great Britain', () => {
    const [problem] = checkAreaGeometry({
      type: 'Polygon',
      coordinates: [squareRing(51.75, -0.47, 0.01)],
    });
    expect(problem?.kind).toBe('swapped_axes');
    expect(problem?.message).toMatch(
      /^the coordinates look swapped: \[51.75, -0.47\] at ring 0, position 0/,
    );
  });
});
