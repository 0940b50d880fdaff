import { simplify as turfSimplify } from '@turf/simplify';
import type { Polygon, Position } from 'geojson';
import type { AreaGeometry } from './area-feature.ts';
import { METRES_PER_DEGREE } from './boundary-distance.ts';

/** Options for {@link simplifyForWire}. Give one tolerance; with neither, only rounding is applied. */
export interface SimplifyOptions {
  /** Douglas–Peucker tolerance in degrees. */
  readonly toleranceDegrees?: number;
  /**
   * Tolerance in metres, converted at 1° of latitude ≈ 111 km. A degree of longitude is shorter
   * (≈ 69 km at 52° N), so east–west the simplification is gentler than asked: the safe side.
   */
  readonly toleranceMetres?: number;
  /** Decimal places to keep (6 ≈ 0.1 m, 5 ≈ 1 m); null keeps full precision. Default 5. */
  readonly decimals?: number | null;
  /** Skip the radial-distance pre-pass: slower, slightly better shapes. Default false. */
  readonly highQuality?: boolean;
}

/** Default decimals on the wire: 5 dp is about a metre, finer than any generalised boundary. */
export const WIRE_DECIMALS = 5;

/**
 * Shrinks an area's geometry for sending to a map: Douglas–Peucker (turf simplify) then rounding.
 * Every ring keeps at least 4 positions and stays closed. A hole that collapses under rounding is
 * dropped (it is smaller than the grid), as is a collapsed part of a MultiPolygon; if every part
 * collapses, the simplified but unrounded rings are kept so the area never vanishes.
 * Douglas–Peucker does not preserve topology: rings may self-intersect or cross neighbours, so
 * use the result for display only, never for point-in-polygon.
 */
export function simplifyForWire(
  geometry: AreaGeometry,
  options: SimplifyOptions = {},
): AreaGeometry {
  const tolerance = options.toleranceDegrees ?? (options.toleranceMetres ?? 0) / METRES_PER_DEGREE;
  if (!(tolerance >= 0) || !Number.isFinite(tolerance)) {
    throw new RangeError(
      `simplifyForWire: tolerance must be a finite number ≥ 0, got ${tolerance}`,
    );
  }
  const decimals = options.decimals === undefined ? WIRE_DECIMALS : options.decimals;
  if (decimals !== null && !(Number.isInteger(decimals) && decimals >= 0 && decimals <= 15)) {
    throw new RangeError(
      `simplifyForWire: decimals must be an integer 0–15 or null, got ${decimals}`,
    );
  }
  const highQuality = options.highQuality ?? false;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const simplified = polygons.map((rings) =>
    rings.map((ring) => simplifyRing(ring, tolerance, highQuality)),
  );
  const rounded = decimals === null ? simplified : roundPolygons(simplified, decimals);
  // Every part collapsed under rounding: fall back to the unrounded rings rather than lose the area.
  const kept = rounded.length > 0 ? rounded : simplified;
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: kept[0] ?? [] };
  return { type: 'MultiPolygon', coordinates: kept };
}

function simplifyRing(ring: Position[], tolerance: number, highQuality: boolean): Position[] {
  assertValidRing(ring);
  if (tolerance === 0) return ring;
  // One ring at a time: turf throws on a ring its clean-up pass finds degenerate (e.g. all
  // points on one line), and that must cost only that ring, not the whole area.
  const single: Polygon = { type: 'Polygon', coordinates: [ring] };
  try {
    const out = turfSimplify(single, { tolerance, highQuality, mutate: true }).coordinates[0];
    return out !== undefined && isClosedRing(out) ? out : ring;
  } catch {
    return ring;
  }
}

function roundPolygons(polygons: Position[][][], decimals: number): Position[][][] {
  const factor = 10 ** decimals;
  const kept: Position[][][] = [];
  for (const rings of polygons) {
    const [outer, ...holes] = rings.map((ring) => roundRing(ring, factor));
    if (outer === undefined || outer.length < 4) continue;
    kept.push([outer, ...holes.filter((hole) => hole.length >= 4)]);
  }
  return kept;
}

/** Rounds each position and drops the repeats rounding creates; may return fewer than 4 positions. */
function roundRing(ring: Position[], factor: number): Position[] {
  const out: Position[] = [];
  for (const position of ring) {
    const x = Math.round((position[0] ?? 0) * factor) / factor;
    const y = Math.round((position[1] ?? 0) * factor) / factor;
    const last = out[out.length - 1];
    if (last !== undefined && last[0] === x && last[1] === y) continue;
    out.push([x, y]);
  }
  return out;
}

function assertValidRing(ring: Position[]): void {
  if (ring.length < 4 || !isClosedRing(ring)) {
    throw new RangeError(
      'simplifyForWire: every ring needs at least 4 positions, first equal to last (validate first)',
    );
  }
}

function isClosedRing(ring: readonly Position[]): boolean {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return (
    ring.length >= 4 &&
    first !== undefined &&
    last !== undefined &&
    first[0] === last[0] &&
    first[1] === last[1]
  );
}
