import { describe, expect, it } from 'vitest';
import { pointInArea, type AreaGeometry } from './area.ts';

// A 10 × 10 square with a 2 × 2 hole in the middle.
const square: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ],
    [
      [4, 4],
      [6, 4],
      [6, 6],
      [4, 6],
      [4, 4],
    ],
  ],
};

describe('a point in the workshop area', () => {
  it('is inside the outer ring', () => expect(pointInArea(square, 1, 1)).toBe(true));
  it('is outside beyond the ring', () => expect(pointInArea(square, 11, 5)).toBe(false));
  it('is outside in a hole', () => expect(pointInArea(square, 5, 5)).toBe(false));
  it('is inside any part of a MultiPolygon', () => {
    const two: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [
        square.coordinates,
        [
          [
            [20, 0],
            [30, 0],
            [30, 10],
            [20, 0],
          ],
        ],
      ],
    };
    expect(pointInArea(two, 29, 5)).toBe(true);
    expect(pointInArea(two, 15, 5)).toBe(false);
  });
});
