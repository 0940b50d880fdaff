// Hand-made fixtures for unit tests: tiny shapes in lon/lat whose answers can be seen by eye.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { AreaShape } from '../src/area-feature.ts';

/** A closed axis-aligned square ring from (x, y) with side `size`, anticlockwise as RFC 7946 asks of outer rings. */
export function squareRing(x: number, y: number, size: number): Position[] {
  return [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ];
}

/** Unit square (0,0)–(1,1). */
export const square: Polygon = { type: 'Polygon', coordinates: [squareRing(0, 0, 1)] };

/** Square (1,0)–(2,1): shares its western edge with `square`. */
export const squareEast: Polygon = { type: 'Polygon', coordinates: [squareRing(1, 0, 1)] };

/** Right triangle (0,2), (2,2), (0,4): the point (1.5, 3.5) is in its box but not in it. */
export const triangle: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 2],
      [2, 2],
      [0, 4],
      [0, 2],
    ],
  ],
};

/** Square (10,0)–(14,4) with a square hole (11,1)–(13,3), as a doughnut. */
export const doughnut: Polygon = {
  type: 'Polygon',
  coordinates: [squareRing(10, 0, 4), squareRing(11, 1, 2).reverse()],
};

/** The island filling the doughnut's hole exactly. */
export const island: Polygon = { type: 'Polygon', coordinates: [squareRing(11, 1, 2)] };

/** Two unit squares far apart, (20,0) and (30,0), as one MultiPolygon: the gap between is outside. */
export const twoParts: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [[squareRing(20, 0, 1)], [squareRing(30, 0, 1)]],
};

/** All of the above as areas with made-up codes. */
export const areas: AreaShape[] = [
  { code: 'SQUARE', geometry: square },
  { code: 'EAST', geometry: squareEast },
  { code: 'TRIANGLE', geometry: triangle },
  { code: 'DOUGHNUT', geometry: doughnut },
  { code: 'ISLAND', geometry: island },
  { code: 'TWO_PARTS', geometry: twoParts },
];
