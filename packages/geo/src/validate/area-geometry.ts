import { asArray, isRecord } from './json-shape.ts';
import type { ValidationErrorKind } from './validation-error.ts';

/** A problem with one geometry, before it is tied to a feature. */
export interface GeometryProblem {
  readonly kind: ValidationErrorKind;
  readonly message: string;
}

/** British National Grid (EPSG:27700) extent in metres, used to recognise eastings/northings. */
const BNG_MAX_EASTING = 700_000;
const BNG_MAX_NORTHING = 1_300_000;
/** Eastings and northings in Great Britain run to thousands of metres; no degree value does. */
const BNG_MIN_TELLING_VALUE = 1_000;

/** Said wherever projected coordinates are found: the fix, not just the fault. */
export const REPROJECT_ADVICE =
  'reproject to WGS84 longitude/latitude (EPSG:4326), for example: ' +
  'ogr2ogr -f GeoJSON -t_srs EPSG:4326 out.geojson in.geojson';

/**
 * Checks that a value is a Polygon or MultiPolygon in lon/lat with well-formed rings.
 * Reports at most one problem of each kind (the first found, with where it is), because a file
 * in the wrong projection would otherwise yield one complaint per coordinate.
 */
export function checkAreaGeometry(geometry: unknown): GeometryProblem[] {
  if (geometry === null || geometry === undefined) {
    return [{ kind: 'null_geometry', message: 'the feature has no geometry (null)' }];
  }
  if (!isRecord(geometry) || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
    const type = isRecord(geometry) ? String(geometry.type) : typeof geometry;
    return [
      {
        kind: 'geometry_type',
        message: `geometry is ${type}; an area must be a Polygon or MultiPolygon`,
      },
    ];
  }
  const problems = new Map<ValidationErrorKind, string>();
  const note = (kind: ValidationErrorKind, message: string) => {
    if (!problems.has(kind)) problems.set(kind, message);
  };
  const polygons =
    geometry.type === 'Polygon' ? [geometry.coordinates] : asArray(geometry.coordinates);
  if (polygons === undefined || polygons.length === 0) {
    note('malformed_coordinates', `${geometry.type} has no coordinates array`);
    return toList(problems);
  }
  const outside = new OutsideLonLat();
  const swapped = new SwappedAxes();
  polygons.forEach((polygon, p) => {
    const where = geometry.type === 'Polygon' ? '' : `polygon ${p}, `;
    const rings = asArray(polygon);
    if (rings === undefined || rings.length === 0) {
      note('malformed_coordinates', `${where}expected an array of rings`);
      return;
    }
    rings.forEach((ring, r) => checkRing(ring, `${where}ring ${r}`, note, outside, swapped));
  });
  const lonLat = outside.problem();
  if (lonLat !== undefined) note(lonLat.kind, lonLat.message);
  const mirrored = swapped.problem();
  if (mirrored !== undefined) note(mirrored.kind, mirrored.message);
  return toList(problems);
}

function checkRing(
  ring: unknown,
  where: string,
  note: (kind: ValidationErrorKind, message: string) => void,
  outside: OutsideLonLat,
  swapped: SwappedAxes,
): void {
  const positions = asArray(ring);
  if (positions === undefined) {
    note('malformed_coordinates', `${where} is not an array of positions`);
    return;
  }
  if (positions.length < 4) {
    note(
      'short_ring',
      `${where} has ${positions.length} positions; a ring needs at least 4 (a triangle plus the closing point)`,
    );
  }
  let numeric = true;
  positions.forEach((position, i) => {
    const xy = asArray(position);
    const x = xy?.[0];
    const y = xy?.[1];
    if (
      typeof x !== 'number' ||
      typeof y !== 'number' ||
      !Number.isFinite(x) ||
      !Number.isFinite(y)
    ) {
      numeric = false;
      note(
        'non_numeric',
        `${where}, position ${i} is ${JSON.stringify(position)}; expected [lon, lat] numbers`,
      );
      return;
    }
    outside.add(x, y, `${where}, position ${i}`);
    swapped.add(x, y, `${where}, position ${i}`);
  });
  const first = asArray(positions[0]);
  const last = asArray(positions[positions.length - 1]);
  if (numeric && positions.length > 1 && (first?.[0] !== last?.[0] || first?.[1] !== last?.[1])) {
    note(
      'unclosed_ring',
      `${where} is not closed: its last position must repeat its first, ${JSON.stringify(first)}`,
    );
  }
}

/**
 * Collects positions outside lon/lat range and decides between "out of range" and "this is
 * British National Grid": BNG only when every position fits the grid's extent and some value is
 * in the thousands (metres, not degrees), so a single stray value in an otherwise lon/lat file,
 * or a typo like [200, 51], is reported as what it is.
 */
class OutsideLonLat {
  private count = 0;
  private allInGrid = true;
  private metreSized = false;
  private example: { x: number; y: number; where: string } | undefined;

  add(x: number, y: number, where: string): void {
    const inGrid = x >= 0 && x <= BNG_MAX_EASTING && y >= 0 && y <= BNG_MAX_NORTHING;
    if (!inGrid) this.allInGrid = false;
    if (x > BNG_MIN_TELLING_VALUE || y > BNG_MIN_TELLING_VALUE) this.metreSized = true;
    if (x >= -180 && x <= 180 && y >= -90 && y <= 90) return;
    this.count += 1;
    this.example ??= { x, y, where };
  }

  problem(): GeometryProblem | undefined {
    const example = this.example;
    if (example === undefined) return undefined;
    const at = `[${example.x}, ${example.y}] at ${example.where}`;
    if (this.allInGrid && this.metreSized) {
      return {
        kind: 'projected_bng',
        message: `coordinates look like British National Grid eastings/northings in metres (EPSG:27700), e.g. ${at}; ${REPROJECT_ADVICE}`,
      };
    }
    const more = this.count > 1 ? ` (and ${this.count - 1} more)` : '';
    return {
      kind: 'out_of_range',
      message: `coordinate ${at} is outside longitude −180…180 / latitude −90…90${more}`,
    };
  }
}

/**
 * Great Britain lies within longitude −9…2.5, latitude 49…61. A "longitude" of 49…61 with a
 * "latitude" of −9…2.5 is the Indian Ocean, where no area of this app lies, and exactly what a
 * British [latitude, longitude] pair written the wrong way round looks like.
 */
class SwappedAxes {
  private count = 0;
  private total = 0;
  private example: { x: number; y: number; where: string } | undefined;

  add(x: number, y: number, where: string): void {
    this.total += 1;
    if (!(x >= 49 && x <= 61 && y >= -9 && y <= 2.5)) return;
    this.count += 1;
    this.example ??= { x, y, where };
  }

  problem(): GeometryProblem | undefined {
    const example = this.example;
    if (example === undefined) return undefined;
    const many =
      this.count === this.total ? 'every position' : `${this.count} of ${this.total} positions`;
    return {
      kind: 'swapped_axes',
      message: `the coordinates look swapped: [${example.x}, ${example.y}] at ${example.where} (${many}) reads as [latitude, longitude] in Great Britain; GeoJSON wants [longitude, latitude]: swap the axes`,
    };
  }
}

function toList(problems: Map<ValidationErrorKind, string>): GeometryProblem[] {
  return [...problems].map(([kind, message]) => ({ kind, message }));
}
