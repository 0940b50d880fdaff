import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type { Polygon } from 'geojson';
import type { AreaShape } from './area-feature.ts';
import { bboxOfPositions } from './bbox.ts';
import { METRES_PER_DEGREE, distanceToBoundaryMetres } from './boundary-distance.ts';

/** The area nearest a point, and how far its boundary is (0 when the point lies inside). */
export interface NearestArea {
  readonly code: string;
  readonly metres: number;
}

/** Point-in-area lookups over a fixed set of areas. Results follow the order the areas were given in. */
export interface AreaIndex {
  /** How many areas the index holds. */
  readonly size: number;
  /** Codes of every area containing the point (boundary included), so callers can see points on shared edges or in overlapping areas. */
  areasAt(lon: number, lat: number): string[];
  /** Code of the first area (in input order) containing the point, or undefined. */
  firstAreaAt(lon: number, lat: number): string | undefined;
  /** The first containing area at distance 0, else the area whose boundary is nearest within maxMetres, else undefined. */
  nearestAreaWithin(lon: number, lat: number, maxMetres: number): NearestArea | undefined;
}

/**
 * Boxes are padded by 1e-9° (0.1 mm) so that point-in-polygon, not the box, decides points on
 * an edge: turf's test rounds a point a hair outside an edge (e.g. x = -5e-324 against x = 0)
 * onto it, while the box comparison is exact, and the two would otherwise disagree.
 */
const BOX_PAD = 1e-9;

interface Part {
  readonly area: number;
  readonly polygon: Polygon;
}

/**
 * Builds a flatbush index over the bounding box of every polygon (each part of a MultiPolygon on
 * its own, so a ward with a far-off island does not become a candidate for everything between),
 * then confirms candidates with turf's boolean-point-in-polygon, which honours holes.
 */
export function createAreaIndex(areas: readonly AreaShape[]): AreaIndex {
  const parts = splitIntoParts(areas);
  const tree = parts.length > 0 ? new Flatbush(parts.length) : undefined;
  if (tree !== undefined) {
    for (const part of parts) {
      // Holes lie inside the outer ring, so the outer ring alone bounds the polygon.
      const outer = part.polygon.coordinates[0];
      if (outer === undefined || outer.length === 0) {
        throw new RangeError(`area ${areaCode(part.area)}: a polygon has no outer ring`);
      }
      const [minx, miny, maxx, maxy] = bboxOfPositions(outer);
      tree.add(minx - BOX_PAD, miny - BOX_PAD, maxx + BOX_PAD, maxy + BOX_PAD);
    }
    tree.finish();
  }

  /** Part ids whose box holds the point, in input order (flatbush returns them in tree order). */
  function candidates(minx: number, miny: number, maxx: number, maxy: number): number[] {
    if (tree === undefined) return [];
    return tree.search(minx, miny, maxx, maxy).sort((a, b) => a - b);
  }

  function containing(lon: number, lat: number, stopAtFirst: boolean): string[] {
    const codes: string[] = [];
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return codes;
    const point = [lon, lat];
    for (const id of candidates(lon, lat, lon, lat)) {
      const part = parts[id];
      if (part === undefined) continue;
      const code = areaCode(part.area);
      if (codes.includes(code)) continue;
      if (booleanPointInPolygon(point, part.polygon)) {
        codes.push(code);
        if (stopAtFirst) break;
      }
    }
    return codes;
  }

  function areaCode(area: number): string {
    const shape = areas[area];
    if (shape === undefined) throw new Error(`area index: no area ${area}`);
    return shape.code;
  }

  return {
    size: areas.length,
    areasAt: (lon, lat) => containing(lon, lat, false),
    firstAreaAt: (lon, lat) => containing(lon, lat, true)[0],
    nearestAreaWithin(lon, lat, maxMetres) {
      const inside = containing(lon, lat, true)[0];
      if (inside !== undefined) return { code: inside, metres: 0 };
      if (!(maxMetres > 0) || !Number.isFinite(lon) || !Number.isFinite(lat)) return undefined;
      const dLat = maxMetres / METRES_PER_DEGREE;
      const dLon = dLat / Math.max(Math.cos((lat * Math.PI) / 180), 1e-6);
      let best: NearestArea | undefined;
      for (const id of candidates(lon - dLon, lat - dLat, lon + dLon, lat + dLat)) {
        const part = parts[id];
        if (part === undefined) continue;
        const metres = distanceToBoundaryMetres(lon, lat, part.polygon);
        if (metres <= maxMetres && (best === undefined || metres < best.metres)) {
          best = { code: areaCode(part.area), metres };
        }
      }
      return best;
    },
  };
}

function splitIntoParts(areas: readonly AreaShape[]): Part[] {
  const parts: Part[] = [];
  areas.forEach((shape, area) => {
    const geometry = shape.geometry;
    if (geometry.type === 'Polygon') {
      parts.push({ area, polygon: geometry });
    } else {
      for (const coordinates of geometry.coordinates) {
        parts.push({ area, polygon: { type: 'Polygon', coordinates } });
      }
    }
  });
  return parts;
}
