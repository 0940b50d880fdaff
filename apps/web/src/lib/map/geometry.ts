// Geometry helpers for the map: bounds of areas (some have no boundary loaded, only a code)
// and the order in which to probe an area's box for a point inside its shape.
import type { AreaCollectionBody } from '#lib/api.ts';
import type { GeoJSONSourceSpecification } from 'maplibre-gl';

/** Areas as GET /api/areas returns them. */
export type AreaCollection = AreaCollectionBody;
export type AreaFeature = AreaCollectionBody['features'][number];
/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

function extend(bounds: Bounds | null, lon: number, lat: number): Bounds {
  if (!bounds) return [lon, lat, lon, lat];
  return [
    Math.min(bounds[0], lon),
    Math.min(bounds[1], lat),
    Math.max(bounds[2], lon),
    Math.max(bounds[3], lat),
  ];
}

// Walks nested coordinate arrays of any depth (Polygon, MultiPolygon) down to [lon, lat] pairs.
function coordinateBounds(coordinates: unknown, bounds: Bounds | null): Bounds | null {
  if (!Array.isArray(coordinates)) return bounds;
  const [lon, lat] = coordinates as unknown[];
  if (typeof lon === 'number' && typeof lat === 'number') return extend(bounds, lon, lat);
  let out = bounds;
  for (const part of coordinates) out = coordinateBounds(part, out);
  return out;
}

/** The bounds of an area's boundary: its bbox when the API sent one; null without a boundary. */
export function featureBounds(feature: AreaFeature): Bounds | null {
  if (!feature.geometry) return null;
  const [w, s, e, n] = feature.bbox ?? [];
  if (w !== undefined && s !== undefined && e !== undefined && n !== undefined) return [w, s, e, n];
  return coordinateBounds(feature.geometry.coordinates, null);
}

/** The bounds of every boundary in the collections; null when none has one. */
export function collectionBounds(
  ...collections: (AreaCollection | null | undefined)[]
): Bounds | null {
  let bounds: Bounds | null = null;
  for (const collection of collections) {
    for (const feature of collection?.features ?? []) {
      const b = featureBounds(feature);
      if (b) bounds = extend(extend(bounds, b[0], b[1]), b[2], b[3]);
    }
  }
  return bounds;
}

/** The features MapLibre can draw: those with a boundary (others are only codes and names). */
export function drawable(
  collection: AreaCollection | null | undefined,
): GeoJSONSourceSpecification['data'] {
  const features = (collection?.features ?? []).filter((f) => f.geometry !== null);
  // The API's geometry type is looser than GeoJSON's (coordinates: unknown[]); same shape.
  return { type: 'FeatureCollection', features } as GeoJSONSourceSpecification['data'];
}

/**
 * Points of a `steps` × `steps` grid over the unit square, nearest the centre first: where to
 * probe an area's box for a point inside its (possibly concave) shape.
 */
export function probeOrder(steps: number): [number, number][] {
  const points: [number, number][] = [];
  for (let i = 0; i < steps; i++) {
    for (let j = 0; j < steps; j++) points.push([(i + 0.5) / steps, (j + 0.5) / steps]);
  }
  const distance = ([x, y]: [number, number]) => (x - 0.5) ** 2 + (y - 0.5) ** 2;
  return points.sort((a, b) => distance(a) - distance(b));
}
