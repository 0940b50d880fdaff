// Which LSOAs make up an estate (docs/decisions/0021-estate-lsoas-by-overlap.md). Estates are
// drawn by residents and officers, usually smaller than an LSOA or straddling two or three, so
// the ward rule (centroid in the ward) would give most estates no LSOA at all. Instead an LSOA
// belongs to an estate when it holds a real part of it: at least 10% of the estate's area, or
// at least half of its own area inside the estate. Overlaps are measured by sampling the estate
// on a regular grid (no polygon clipping library needed; exact enough for a 10% rule).
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Position } from 'geojson';
import type { AreaGeometry, BBox } from './area-feature.ts';
import { bboxOf } from './bbox.ts';

/** An LSOA as stored: its polygon, or (when only its centroid is loaded) a point. */
export interface CandidateLsoa {
  readonly code: string;
  readonly geometry: AreaGeometry | null;
  /** Its centroid, used when there is no polygon. */
  readonly point?: readonly [lon: number, lat: number] | null;
}

/** How an LSOA was found to be part of the estate. */
export type EstateLsoaRule = 'overlap' | 'largest_overlap' | 'centroid';

/** One LSOA of an estate, with how much of the estate it holds and how much of it is estate. */
export interface EstateLsoa {
  readonly code: string;
  readonly rule: EstateLsoaRule;
  /** Share of the estate's area inside this LSOA (0–1); null for centroid-only LSOAs. */
  readonly shareOfEstate: number | null;
  /** Share of this LSOA's area inside the estate (0–1); null for centroid-only LSOAs. */
  readonly shareOfLsoa: number | null;
}

/** The thresholds of the rule, named so the legend and the decision record quote the same numbers. */
export const ESTATE_LSOA_RULE = { minShareOfEstate: 0.1, minShareOfLsoa: 0.5 } as const;

/** One sentence for legends and popovers. */
export const estateLsoaRuleNote =
  'An estate is made of the LSOAs that hold at least 10% of its area or have at least half of ' +
  'their own area inside it (else the one LSOA holding most of it); each counts whole, weighted ' +
  'by its population, as LSOAs do in wards, so the figures describe those whole LSOAs.';

const GRID = 64;

function rings(geometry: AreaGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Area in square degrees of longitude scaled by cos(latitude): shoelace over outer rings minus holes. */
function scaledArea(geometry: AreaGeometry, cosLat: number): number {
  let total = 0;
  for (const polygon of rings(geometry)) {
    polygon.forEach((ring, k) => {
      let twice = 0;
      for (let i = 0; i < ring.length - 1; i++) {
        const [x1 = 0, y1 = 0] = ring[i] ?? [];
        const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
        twice += x1 * cosLat * y2 - x2 * cosLat * y1;
      }
      total += (k === 0 ? 1 : -1) * Math.abs(twice / 2);
    });
  }
  return total;
}

const overlaps = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/**
 * The LSOAs of an estate, by the rule above, in the order given. An estate that touches no
 * loaded LSOA gets none (the caller says so rather than showing zeros).
 */
export function estateLsoas(
  estate: AreaGeometry,
  candidates: readonly CandidateLsoa[],
): EstateLsoa[] {
  const box = bboxOf(estate);
  const cosLat = Math.cos((((box[1] + box[3]) / 2) * Math.PI) / 180);
  // About GRID² square cells (in metres) over the box, whatever its shape.
  const step = Math.sqrt(((box[2] - box[0]) * cosLat * (box[3] - box[1])) / (GRID * GRID));
  const points: [number, number][] = [];
  if (step > 0) {
    for (let y = box[1] + step / 2; y < box[3]; y += step) {
      for (let x = box[0] + step / (2 * cosLat); x < box[2]; x += step / cosLat) {
        if (booleanPointInPolygon([x, y], estate)) points.push([x, y]);
      }
    }
  }
  const estateArea = scaledArea(estate, cosLat);
  const measured: EstateLsoa[] = [];
  const order = new Map(candidates.map((c, i) => [c.code, i]));
  let best: EstateLsoa | null = null;
  for (const lsoa of candidates) {
    if (lsoa.geometry === null) {
      if (lsoa.point && booleanPointInPolygon([lsoa.point[0], lsoa.point[1]], estate)) {
        measured.push({
          code: lsoa.code,
          rule: 'centroid',
          shareOfEstate: null,
          shareOfLsoa: null,
        });
      }
      continue;
    }
    if (points.length === 0 || !overlaps(box, bboxOf(lsoa.geometry))) continue;
    const geometry = lsoa.geometry;
    const inside = points.filter((p) => booleanPointInPolygon(p, geometry)).length;
    if (inside === 0) continue;
    const shareOfEstate = inside / points.length;
    const lsoaArea = scaledArea(geometry, cosLat);
    const shareOfLsoa = lsoaArea > 0 ? Math.min(1, (shareOfEstate * estateArea) / lsoaArea) : 0;
    const entry: EstateLsoa = { code: lsoa.code, rule: 'overlap', shareOfEstate, shareOfLsoa };
    if (
      shareOfEstate >= ESTATE_LSOA_RULE.minShareOfEstate ||
      shareOfLsoa >= ESTATE_LSOA_RULE.minShareOfLsoa
    ) {
      measured.push(entry);
    } else if (best === null || (best.shareOfEstate ?? 0) < shareOfEstate) {
      best = entry;
    }
  }
  if (!measured.some((m) => m.rule === 'overlap') && best !== null) {
    measured.push({ ...best, rule: 'largest_overlap' });
  }
  return measured.sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
}
