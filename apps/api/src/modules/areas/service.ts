import type { Database } from '@thrive/db';
import { simplifyForWire, type AreaGeometry } from '@thrive/geo';
import type { Kysely } from 'kysely';
import { NotFoundError } from '../../errors.ts';
import { childCounts, findArea, listAreas, parentChain } from './repository.ts';
import type { AreaCollectionBody, AreaDetailBody, AreaListQuery } from './schemas.ts';

type Box = [number, number, number, number];

function boxOf(row: { minx: number | null; miny: number | null; maxx: number | null; maxy: number | null }): Box | null {
  const { minx, miny, maxx, maxy } = row;
  return minx === null || miny === null || maxx === null || maxy === null ? null : [minx, miny, maxx, maxy];
}

function union(boxes: Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  return boxes.reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
}

/** Areas as a GeoJSON FeatureCollection, geometry simplified for the wire. */
export async function areaCollection(db: Kysely<Database>, query: AreaListQuery): Promise<AreaCollectionBody> {
  if (query.parent !== undefined && !(await findArea(db, query.parent))) {
    throw new NotFoundError(`No area with code ${query.parent}. Load its authority first (npm run thrive -- load-authority CODE).`);
  }
  const rows = await listAreas(db, query.level, query.parent);
  const boxes: Box[] = [];
  const features = rows.map((row) => {
    const bbox = boxOf(row);
    if (bbox) boxes.push(bbox);
    const geometry = row.geometry as AreaGeometry | null;
    return {
      type: 'Feature' as const,
      id: row.code,
      properties: { code: row.code, name: row.name, level: row.level },
      geometry: geometry && simplifyForWire(geometry, { toleranceMetres: query.simplify }),
      ...(bbox ? { bbox } : {}),
    };
  });
  const bbox = union(boxes);
  return { type: 'FeatureCollection', features, ...(bbox ? { bbox } : {}) };
}

/** One area with its parent chain and child counts. */
export async function areaDetail(db: Kysely<Database>, code: string): Promise<AreaDetailBody> {
  const area = await findArea(db, code);
  if (!area) throw new NotFoundError(`No area with code ${code}.`);
  const [parents, children] = await Promise.all([parentChain(db, code), childCounts(db, code)]);
  return { code: area.code, name: area.name, level: area.level, source: area.source, bbox: boxOf(area), parents, children };
}
