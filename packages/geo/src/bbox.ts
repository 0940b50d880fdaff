import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { BBox } from './area-feature.ts';

/** Anything with coordinates whose extent we may want: a geometry, a feature, a collection, or a list of features. */
export type Extentable =
  | Geometry
  | Feature<Geometry | null>
  | FeatureCollection<Geometry | null>
  | readonly { readonly geometry: Geometry | null }[];

/**
 * The bounding box [minx, miny, maxx, maxy] of every position in the input.
 * Throws a RangeError when there is no position at all, because an empty box has no honest value.
 */
export function bboxOf(input: Extentable): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  extendWith(box, input);
  if (box[0] > box[2]) throw new RangeError('bboxOf: the input has no coordinates');
  return box;
}

/** The bounding box of one ring or line: the hot path of index building, so no recursion. */
export function bboxOfPositions(positions: readonly Position[]): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  extendWithPositions(box, positions);
  if (box[0] > box[2]) throw new RangeError('bboxOfPositions: no positions');
  return box;
}

/** The smallest box holding every given box; null when there are none (nothing to hold). */
export function unionBoxes(boxes: readonly BBox[]): BBox | null {
  if (boxes.length === 0) return null;
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [minx, miny, maxx, maxy] of boxes) {
    if (minx < box[0]) box[0] = minx;
    if (miny < box[1]) box[1] = miny;
    if (maxx > box[2]) box[2] = maxx;
    if (maxy > box[3]) box[3] = maxy;
  }
  return box;
}

/** True when the point lies inside the box or on its edge. */
export function bboxContains(box: BBox, lon: number, lat: number): boolean {
  return lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];
}

function extendWith(box: BBox, input: Extentable | null): void {
  if (input === null) return;
  if (Array.isArray(input)) {
    for (const item of input as readonly { readonly geometry: Geometry | null }[]) {
      extendWith(box, item.geometry);
    }
    return;
  }
  const one = input as Geometry | Feature<Geometry | null> | FeatureCollection<Geometry | null>;
  switch (one.type) {
    case 'FeatureCollection':
      for (const feature of one.features) extendWith(box, feature.geometry);
      return;
    case 'Feature':
      extendWith(box, one.geometry);
      return;
    case 'GeometryCollection':
      for (const geometry of one.geometries) extendWith(box, geometry);
      return;
    case 'Point':
      extendWithPositions(box, [one.coordinates]);
      return;
    case 'MultiPoint':
    case 'LineString':
      extendWithPositions(box, one.coordinates);
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const line of one.coordinates) extendWithPositions(box, line);
      return;
    case 'MultiPolygon':
      for (const polygon of one.coordinates) {
        for (const ring of polygon) extendWithPositions(box, ring);
      }
      return;
  }
}

function extendWithPositions(box: BBox, positions: readonly Position[]): void {
  for (const position of positions) {
    const x = position[0];
    const y = position[1];
    if (x === undefined || y === undefined) continue;
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  }
}
