// Repairs to polygon rings that cannot change which places an area holds: a ring whose last
// position does not repeat its first is closed (GeoJSON says it must; drawing tools often leave
// it open), and a position repeated straight after itself is dropped (it adds no edge). Anything
// else wrong (too few positions, crossings, bad numbers) is left for the checks to refuse.
import { asArray, isRecord } from './json-shape.ts';

/** What was changed in one geometry, as short phrases ("closed ring 0"). */
export interface RingRepair {
  /** The geometry with its rings repaired; the input itself when nothing needed it. */
  readonly geometry: unknown;
  readonly repairs: string[];
}

type XY = readonly [number, number, ...unknown[]];

const isXY = (value: unknown): value is XY => {
  const xy = asArray(value);
  return (
    xy !== undefined &&
    typeof xy[0] === 'number' &&
    typeof xy[1] === 'number' &&
    Number.isFinite(xy[0]) &&
    Number.isFinite(xy[1])
  );
};

const samePlace = (a: XY | undefined, b: XY | undefined) =>
  a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];

/** Closes open rings and drops repeated consecutive positions of a Polygon or MultiPolygon of unknown shape. */
export function repairRings(geometry: unknown): RingRepair {
  if (!isRecord(geometry) || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon'))
    return { geometry, repairs: [] };
  const polygons =
    geometry.type === 'Polygon' ? [geometry.coordinates] : asArray(geometry.coordinates);
  if (polygons === undefined) return { geometry, repairs: [] };
  const repairs: string[] = [];
  const repaired = polygons.map((polygon, p) => {
    const rings = asArray(polygon);
    if (rings === undefined) return polygon;
    return rings.map((ring, r) => {
      const where = `${geometry.type === 'Polygon' ? '' : `polygon ${p}, `}ring ${r}`;
      return repairRing(ring, where, repairs);
    });
  });
  if (repairs.length === 0) return { geometry, repairs };
  const coordinates = geometry.type === 'Polygon' ? repaired[0] : repaired;
  return { geometry: { ...geometry, coordinates }, repairs };
}

function repairRing(ring: unknown, where: string, repairs: string[]): unknown {
  const given = asArray(ring);
  // Only rings of plain numbers are touched; the checks describe anything else.
  if (given === undefined || given.length === 0 || !given.every(isXY)) return ring;
  const positions: readonly XY[] = given;
  const repeatedAt = (i: number) => i > 0 && samePlace(positions[i], positions[i - 1]);
  const closed = (list: readonly XY[]) =>
    list.length > 1 && samePlace(list[0], list[list.length - 1]);
  // Most rings (all of the national files') need nothing: find that out without copying them.
  if (closed(positions) && !positions.some((_, i) => repeatedAt(i))) return ring;
  const kept = positions.filter((_, i) => !repeatedAt(i));
  const dropped = positions.length - kept.length;
  if (dropped > 0)
    repairs.push(`dropped ${dropped} repeated position${dropped > 1 ? 's' : ''} from ${where}`);
  const first = kept[0];
  // A single position is not a ring to close: leave it for the short-ring check.
  if (first !== undefined && kept.length > 1 && !closed(kept)) {
    kept.push([...first]);
    repairs.push(`closed ${where}`);
  }
  return kept;
}
