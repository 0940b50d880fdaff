// Whether a point lies in the workshop's area, on the device: a quick, friendly answer for
// "Use my location" before anything is sent (the server checks again and has the last word).

/** A Polygon or MultiPolygon as GeoJSON gives it (lon, lat). */
export interface AreaGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown[];
}

type Ring = [number, number][];

function isRing(value: unknown): value is Ring {
  return (
    Array.isArray(value) &&
    value.every((p) => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number')
  );
}

// Ray casting: a horizontal ray from the point crosses the ring's edges an odd number of times
// when the point is inside.
function inRing(ring: Ring, lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(rings: unknown, lon: number, lat: number): boolean {
  if (!Array.isArray(rings)) return false;
  const [outer, ...holes] = rings as unknown[];
  if (!isRing(outer) || !inRing(outer, lon, lat)) return false;
  return !holes.some((hole) => isRing(hole) && inRing(hole, lon, lat));
}

/** True when (lon, lat) is inside the area (holes excluded). */
export function pointInArea(geometry: AreaGeometry, lon: number, lat: number): boolean {
  if (geometry.type === 'Polygon') return inPolygon(geometry.coordinates, lon, lat);
  return geometry.coordinates.some((polygon) => inPolygon(polygon, lon, lat));
}
