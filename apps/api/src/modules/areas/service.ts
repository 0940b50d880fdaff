import type { Database } from '@thrive/db';
import { simplifyForWire, unionBoxes, type AreaGeometry } from '@thrive/geo';
import type { Kysely } from 'kysely';
import { BadRequestError, NotFoundError } from '../../errors.ts';
import { childCounts, countAreas, findArea, listAreas, parentChain } from './repository.ts';
import { MAX_AREAS_PER_ANSWER, type AreaCollectionBody, type AreaDetailBody, type AreaListQuery } from './schemas.ts';

type Box = [number, number, number, number];

function boxOf(row: { minx: number | null; miny: number | null; maxx: number | null; maxy: number | null }): Box | null {
  const { minx, miny, maxx, maxy } = row;
  return minx === null || miny === null || maxx === null || maxy === null ? null : [minx, miny, maxx, maxy];
}

/**
 * Areas as a GeoJSON FeatureCollection, geometry simplified for the wire. A list longer than
 * MAX_AREAS_PER_ANSWER is refused unless paged: one answer of every small area in the country
 * would take seconds and tens of megabytes to build, and no page draws that many.
 */
export async function areaCollection(db: Kysely<Database>, query: AreaListQuery): Promise<AreaCollectionBody> {
  if (query.parent !== undefined && !(await findArea(db, query.parent))) {
    throw new NotFoundError(`No area with code ${query.parent}. Load its authority first (an officer can, on the Load data page).`);
  }
  const matched = await countAreas(db, query.level, query.parent);
  if (query.limit === undefined && matched > MAX_AREAS_PER_ANSWER) {
    const under = query.parent === undefined ? '' : ` under ${query.parent}`;
    throw Object.assign(
      new BadRequestError(
        `${matched} areas of level ${query.level}${under} match; at most ${MAX_AREAS_PER_ANSWER} are sent at once: ask for those under one parent (parent=CODE), or page with limit and offset`,
      ),
      { field: query.parent === undefined ? 'querystring.parent' : 'querystring.limit' },
    );
  }
  const page = query.limit === undefined ? undefined : { limit: query.limit, offset: query.offset };
  const rows = await listAreas(db, query.level, query.parent, page);
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
  const bbox = unionBoxes(boxes);
  return { type: 'FeatureCollection', features, numberMatched: matched, ...(bbox ? { bbox } : {}) };
}

/** One area with its parent chain and child counts. */
export async function areaDetail(db: Kysely<Database>, code: string): Promise<AreaDetailBody> {
  const area = await findArea(db, code);
  if (!area) throw new NotFoundError(`No area with code ${code}.`);
  const [parents, children] = await Promise.all([parentChain(db, code), childCounts(db, code)]);
  return { code: area.code, name: area.name, level: area.level, source: area.source, bbox: boxOf(area), parents, children };
}
