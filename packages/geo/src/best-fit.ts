import type { AreaShape } from './area-feature.ts';
import { createAreaIndex } from './area-index.ts';
import type { AreaIndex } from './area-index.ts';

/** The method recorded on every best-fit link, as the `area_link.method` column names it. */
export const BEST_FIT_METHOD = 'best_fit_centroid';

/** Plain-words caveat to show wherever a best-fit lookup is used (profile footers, import reports). */
export const bestFitMethodNote =
  'LSOAs are assigned to the ward containing their centroid. This approximates the ONS best-fit ' +
  'method: ONS uses population-weighted output-area centroids, we use area-weighted LSOA ' +
  'centroids, so an LSOA that straddles a ward boundary may be placed in a different ward than ' +
  "in ONS's published lookup. Load an official lookup instead where one exists.";

/** A small area's centroid, e.g. one row of lsoa-2011-centroids.csv. */
export interface Centroid {
  readonly code: string;
  readonly lon: number;
  readonly lat: number;
}

/** One small-area → large-area link, shaped like an `area_link` row. */
export interface BestFitLink {
  readonly from: string;
  readonly to: string;
  readonly method: typeof BEST_FIT_METHOD;
  readonly weight: 1;
}

/** A centroid in no ward that the optional fallback placed in the ward whose boundary is nearest. */
export interface NearestFallback {
  readonly code: string;
  readonly to: string;
  readonly metres: number;
}

/** Everything best fit found: links for centroids in exactly one ward, and the rest, reported rather than guessed. */
export interface BestFitResult {
  readonly links: BestFitLink[];
  /** Centroids in no ward (and, with the fallback on, no ward boundary within its distance). */
  readonly unmatched: string[];
  /** Centroids in several wards (on a shared edge, or where ward polygons overlap): no link is made. */
  readonly ambiguous: { readonly code: string; readonly wards: string[] }[];
  /** Centroids outside every ward placed by the fallback; not in `links`, so the caller chooses. */
  readonly nearest: NearestFallback[];
}

/** Options for {@link bestFitByCentroid}. */
export interface BestFitOptions {
  /**
   * When above 0, a centroid in no ward goes to the ward whose boundary is nearest within this
   * many metres (reported in `nearest`, not in `links`). Generalised clipped boundaries are cut
   * back to the coastline and smoothed, so a coastal centroid can fall just outside them.
   * Default 0: off.
   */
  readonly nearestWithinMetres?: number;
}

/**
 * Best-fit lookup: each small area (e.g. LSOA) goes to the one large area (e.g. ward) that
 * contains its centroid, boundary included. Approximation on area-weighted LSOA centroids;
 * ONS's best fit uses population-weighted OA centroids (see {@link bestFitMethodNote}).
 * @see docs/methods.md §5 "Small areas to wards".
 */
export function bestFitByCentroid(
  centroids: readonly Centroid[],
  wards: readonly AreaShape[] | AreaIndex,
  options: BestFitOptions = {},
): BestFitResult {
  const index = isAreaIndex(wards) ? wards : createAreaIndex(wards);
  const nearestWithin = options.nearestWithinMetres ?? 0;
  const result: BestFitResult = { links: [], unmatched: [], ambiguous: [], nearest: [] };
  for (const { code, lon, lat } of centroids) {
    const found = index.areasAt(lon, lat);
    const [only] = found;
    if (found.length === 1 && only !== undefined) {
      result.links.push({ from: code, to: only, method: BEST_FIT_METHOD, weight: 1 });
    } else if (found.length > 1) {
      result.ambiguous.push({ code, wards: found });
    } else {
      const near = nearestWithin > 0 ? index.nearestAreaWithin(lon, lat, nearestWithin) : undefined;
      if (near === undefined) result.unmatched.push(code);
      else result.nearest.push({ code, to: near.code, metres: near.metres });
    }
  }
  return result;
}

function isAreaIndex(wards: readonly AreaShape[] | AreaIndex): wards is AreaIndex {
  return !Array.isArray(wards);
}
