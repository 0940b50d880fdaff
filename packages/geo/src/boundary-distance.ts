import type { Position } from 'geojson';
import type { AreaGeometry } from './area-feature.ts';

/** Metres in one degree of latitude on a sphere of the Earth's mean radius (6,371,008.8 m). */
export const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;

/**
 * Distance in metres from a point to the nearest edge of an area (outer rings and holes alike).
 * Projects onto a local equirectangular plane centred on the point: for the tens of metres the
 * best-fit fallback looks at, the error is far below a metre, and it avoids a geodesic per segment.
 */
export function distanceToBoundaryMetres(lon: number, lat: number, geometry: AreaGeometry): number {
  const xScale = METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = Infinity;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const d2 = squaredDistanceToRing(lon, lat, ring, xScale);
      if (d2 < best) best = d2;
    }
  }
  return Math.sqrt(best);
}

function squaredDistanceToRing(
  lon: number,
  lat: number,
  ring: readonly Position[],
  xScale: number,
): number {
  let best = Infinity;
  for (let i = 1; i < ring.length; i++) {
    const a = ring[i - 1];
    const b = ring[i];
    if (a === undefined || b === undefined) continue;
    // Segment ends in metres relative to the point, which sits at the origin.
    const ax = ((a[0] ?? 0) - lon) * xScale;
    const ay = ((a[1] ?? 0) - lat) * METRES_PER_DEGREE;
    const bx = ((b[0] ?? 0) - lon) * xScale;
    const by = ((b[1] ?? 0) - lat) * METRES_PER_DEGREE;
    const d2 = squaredDistanceFromOriginToSegment(ax, ay, bx, by);
    if (d2 < best) best = d2;
  }
  return best;
}

function squaredDistanceFromOriginToSegment(
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  // Parameter of the origin's projection onto the segment, clamped to its ends.
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
  const x = ax + t * dx;
  const y = ay + t * dy;
  return x * x + y * y;
}
