import fc from 'fast-check';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { doughnut, square, triangle, twoParts } from '../test-support/shapes.ts';
import { bboxContains, bboxOf, unionBoxes } from './bbox.ts';

describe('bboxOf', () => {
  it('gives [minx, miny, maxx, maxy] of a polygon', () => {
    expect(bboxOf(triangle)).toEqual([0, 2, 2, 4]);
  });

  it('spans every part of a multipolygon, gap included', () => {
    expect(bboxOf(twoParts)).toEqual([20, 0, 31, 1]);
  });

  it('spans every feature of a collection and skips null geometries', () => {
    const collection: FeatureCollection<Geometry | null> = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: square },
        { type: 'Feature', properties: {}, geometry: null },
        { type: 'Feature', properties: {}, geometry: doughnut },
      ],
    };
    expect(bboxOf(collection)).toEqual([0, 0, 14, 4]);
  });

  it('accepts a plain list of features, as validation returns them', () => {
    expect(bboxOf([{ geometry: square }, { geometry: triangle }])).toEqual([0, 0, 2, 4]);
  });

  it('refuses an input with no coordinates rather than invent a box', () => {
    expect(() => bboxOf({ type: 'FeatureCollection', features: [] })).toThrow(RangeError);
  });

  it('contains every coordinate of any line it is given', () => {
    const lonLat = fc.tuple(
      fc.double({ min: -180, max: 180, noNaN: true }),
      fc.double({ min: -90, max: 90, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(lonLat, { minLength: 1, maxLength: 50 }), (points) => {
        const positions: Position[] = points.map(([x, y]) => [x, y]);
        const box = bboxOf({ type: 'LineString', coordinates: positions });
        expect(points.every(([x, y]) => bboxContains(box, x, y))).toBe(true);
        // ...and is tight: each edge touches some coordinate.
        expect(box).toEqual([
          Math.min(...points.map((p) => p[0])),
          Math.min(...points.map((p) => p[1])),
          Math.max(...points.map((p) => p[0])),
          Math.max(...points.map((p) => p[1])),
        ]);
      }),
    );
  });
});

describe('unionBoxes', () => {
  it('holds every box it is given, gaps included', () => {
    expect(
      unionBoxes([
        [0, 0, 1, 1],
        [5, -2, 6, 0.5],
        [-1, 3, 0, 4],
      ]),
    ).toEqual([-1, -2, 6, 4]);
  });

  it('gives one box back unchanged and no box for none', () => {
    expect(unionBoxes([[1, 2, 3, 4]])).toEqual([1, 2, 3, 4]);
    expect(unionBoxes([])).toBeNull();
  });
});

describe('bboxContains', () => {
  it('counts the edge as inside', () => {
    expect(bboxContains([0, 0, 1, 1], 1, 0.5)).toBe(true);
    expect(bboxContains([0, 0, 1, 1], 1.0001, 0.5)).toBe(false);
  });
});
