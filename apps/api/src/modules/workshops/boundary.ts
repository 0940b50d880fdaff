// An estate boundary as an officer uploads or draws it, turned into one area geometry: a bare
// Polygon/MultiPolygon, a Feature, or a FeatureCollection of exactly one feature, checked by
// @thrive/geo (closed rings, lon/lat not British National Grid, numbers in range).
import { bboxOf, checkAreaGeometry, type AreaGeometry, type BBox } from '@thrive/geo';
import { FieldError } from './errors.ts';

/** A 400 that names the `boundary` field. */
class BoundaryError extends FieldError {
  constructor(message: string) {
    super('body.boundary', message);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function geometryOf(input: Record<string, unknown>): unknown {
  switch (input.type) {
    case 'Feature':
      return input.geometry;
    case 'FeatureCollection': {
      const features = input.features;
      if (!Array.isArray(features) || features.length !== 1) {
        throw new BoundaryError(
          `The boundary must hold exactly one feature (this one has ${Array.isArray(features) ? features.length : 'no'} features).`,
        );
      }
      const [feature] = features as unknown[];
      return isRecord(feature) ? feature.geometry : undefined;
    }
    default:
      return input;
  }
}

/** The uploaded boundary's geometry and box; throws BoundaryError saying what is wrong. */
export function readBoundary(input: unknown): { geometry: AreaGeometry; box: BBox } {
  if (!isRecord(input)) throw new BoundaryError('The boundary must be a GeoJSON object.');
  const geometry = geometryOf(input);
  const problems = checkAreaGeometry(geometry);
  if (problems.length > 0)
    throw new BoundaryError(
      `The boundary is not a usable area: ${problems.map((p) => p.message).join('; ')}.`,
    );
  // checkAreaGeometry has confirmed the type and every ring.
  const area = geometry as AreaGeometry;
  // Only type and coordinates are kept (no foreign members such as crs).
  const clean: AreaGeometry =
    area.type === 'Polygon'
      ? { type: 'Polygon', coordinates: area.coordinates }
      : { type: 'MultiPolygon', coordinates: area.coordinates };
  return { geometry: clean, box: bboxOf(clean) };
}
