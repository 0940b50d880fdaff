// Rings that cross themselves (a "bow-tie"): such a polygon has no well-defined inside, so
// point-in-polygon and best-fit answers for it are arbitrary. Found with @turf/kinks (a sweep
// line), one ring at a time: rings of one area touching each other are left alone.
// Not run on the national ONS files: checking every ring of England costs minutes, and their
// generalised boundaries hold a few harmless crossings (Maldon's wards), so it is for files
// people bring (estates, custom areas), where a bow-tie is a drawing mistake.
import kinks from '@turf/kinks';
import type { AreaGeometry } from '../area-feature.ts';

/** Where a ring first crosses itself. */
export interface RingCrossing {
  /** e.g. "ring 0" or "polygon 1, ring 0". */
  readonly where: string;
  /** A crossing point, [lon, lat]. */
  readonly at: readonly [number, number];
}

/** The first ring of a geometry that crosses itself, or null when none does. */
export function firstRingCrossing(geometry: AreaGeometry): RingCrossing | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const [p, polygon] of polygons.entries()) {
    for (const [r, ring] of polygon.entries()) {
      const point = kinks({ type: 'Polygon', coordinates: [ring] }).features[0];
      if (point) {
        const [lon = 0, lat = 0] = point.geometry.coordinates;
        return {
          where: `${geometry.type === 'Polygon' ? '' : `polygon ${p}, `}ring ${r}`,
          at: [lon, lat],
        };
      }
    }
  }
  return null;
}
