// A workshop's area as the shared map draws it: the map takes areas as GET /api/areas sends
// them, so a single boundary (uploaded, drawn, or from the wall snapshot) is wrapped as one.
import type { AreaCollectionBody } from '#lib/api.ts';

export type Geometry = NonNullable<AreaCollectionBody['features'][number]['geometry']>;

/** A polygon or multipolygon from untyped JSON; null for anything else. */
export function asGeometry(value: unknown): Geometry | null {
  const g = value as { type?: unknown; coordinates?: unknown } | null;
  if (!g || !Array.isArray(g.coordinates)) return null;
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return null;
  return { type: g.type, coordinates: g.coordinates };
}

/** A geometry as a one-area collection (empty without one), for drawing it on the map. */
export function asAreaCollection(
  geometry: Geometry | null,
  code: string,
  name: string,
): AreaCollectionBody {
  return {
    type: 'FeatureCollection',
    features: geometry
      ? [{ type: 'Feature', id: code, properties: { code, name, level: 'estate' }, geometry }]
      : [],
  };
}
