import type { MultiPolygon, Polygon } from 'geojson';

/** The geometry an area may have: ONS boundaries are Polygons, or MultiPolygons for wards with islands or detached parts. */
export type AreaGeometry = Polygon | MultiPolygon;

/** What the index and best fit need of an area: its code and its shape. */
export interface AreaShape {
  readonly code: string;
  readonly geometry: AreaGeometry;
}

/** One validated area: code and name read from the properties the caller named or we guessed, the geometry, and every original property. */
export interface AreaFeature extends AreaShape {
  readonly name: string | null;
  readonly properties: Readonly<Record<string, unknown>>;
}

/** A bounding box as GeoJSON writes it: [minx, miny, maxx, maxy], here lon/lat in degrees. */
export type BBox = [minx: number, miny: number, maxx: number, maxy: number];
