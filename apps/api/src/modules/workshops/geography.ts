// Where a point lies, for a workshop: inside its area or not, and in which loaded ward and LSOA.
// Areas come from the database with a bounding-box prefilter (repository), the shapes are
// tested by @thrive/geo's index (turf point-in-polygon, holes honoured). Each workshop area's
// lookups are kept for a while per instance: pins arrive in bursts and the shapes rarely change.
import type { AreaLevel } from '@thrive/db';
import {
  bboxOf,
  createAreaIndex,
  type AreaGeometry,
  type AreaIndex,
  type AreaShape,
  type BBox,
  simplifyForWire,
} from '@thrive/geo';
import { LRUCache } from 'lru-cache';
import {
  areasWithBoxAround,
  areasWithBoxOverlapping,
  findAreaShape,
  type AreaShapeRow,
  type Executor,
} from './repository.ts';

/** A stored geometry that can be used as an area shape. */
export function isAreaGeometry(value: unknown): value is AreaGeometry {
  if (typeof value !== 'object' || value === null) return false;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  return (type === 'Polygon' || type === 'MultiPolygon') && Array.isArray(coordinates);
}

function shapes(rows: readonly AreaShapeRow[]): AreaShape[] {
  return rows.flatMap((row) =>
    isAreaGeometry(row.geometry) ? [{ code: row.code, geometry: row.geometry }] : [],
  );
}

/** The first area of `levels` (in this order of preference) whose shape contains the point. */
export async function areaContaining(
  db: Executor,
  levels: readonly AreaLevel[],
  lon: number,
  lat: number,
): Promise<string | null> {
  const rows = await areasWithBoxAround(db, levels, lon, lat);
  for (const level of levels) {
    const found = createAreaIndex(shapes(rows.filter((r) => r.level === level))).firstAreaAt(
      lon,
      lat,
    );
    if (found !== undefined) return found;
  }
  return null;
}

/** Lookups for points in one workshop area. */
export interface AreaGeography {
  readonly code: string;
  readonly name: string;
  readonly box: BBox;
  /** The shape for maps (generalised to about a metre: display only, never for the tests here). */
  readonly wireGeometry: AreaGeometry;
  /** Whether the point lies in the area (its edge included). */
  contains(lon: number, lat: number): boolean;
  /** The loaded ward and LSOA containing the point, or null where none is loaded. */
  placesAt(lon: number, lat: number): { wardCode: string | null; lsoaCode: string | null };
}

const REFRESH_MS = 10 * 60_000;

/** A per-instance cache of area lookups, keyed by area code. */
export function geographyCache(max = 200) {
  const cache = new LRUCache<string, Promise<AreaGeography | null>>({ max, ttl: REFRESH_MS });

  async function build(db: Executor, code: string): Promise<AreaGeography | null> {
    const area = await findAreaShape(db, code);
    if (!area || !isAreaGeometry(area.geometry)) return null;
    const own = createAreaIndex([{ code: area.code, geometry: area.geometry }]);
    const box: BBox =
      area.minx !== null && area.miny !== null && area.maxx !== null && area.maxy !== null
        ? [area.minx, area.miny, area.maxx, area.maxy]
        : bboxOf(area.geometry);
    const around = await areasWithBoxOverlapping(db, ['ward', 'lsoa'], box);
    const wards: AreaIndex = createAreaIndex(shapes(around.filter((r) => r.level === 'ward')));
    const lsoas: AreaIndex = createAreaIndex(shapes(around.filter((r) => r.level === 'lsoa')));
    return {
      code: area.code,
      name: area.name,
      box,
      wireGeometry: simplifyForWire(area.geometry, { toleranceMetres: 1, decimals: 6 }),
      contains: (lon, lat) => own.firstAreaAt(lon, lat) !== undefined,
      placesAt: (lon, lat) => ({
        wardCode: wards.firstAreaAt(lon, lat) ?? null,
        lsoaCode: lsoas.firstAreaAt(lon, lat) ?? null,
      }),
    };
  }

  return {
    /** The lookups for an area, or null when it has no usable geometry. */
    get(db: Executor, code: string): Promise<AreaGeography | null> {
      let entry = cache.get(code);
      if (!entry) {
        entry = build(db, code);
        cache.set(code, entry);
        // A failed build is not kept: the next pin tries again.
        entry.catch(() => cache.delete(code));
      }
      return entry;
    },
    forget(code: string): void {
      cache.delete(code);
    },
  };
}

export type GeographyCache = ReturnType<typeof geographyCache>;
