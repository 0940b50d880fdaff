// Blocks drawn on the shared <Map> as areas: a block's uploaded outline, else a small square
// around its named point (about 20 m a side), so a tap can choose it and a fill can colour it.
import type { AreaCollection } from '#lib/map/geometry.ts';
import type { BlockBody } from './api.ts';

// Half a square's side in degrees of latitude (≈ 10 m); longitude is stretched by the latitude.
const HALF = 0.0001;

/** A closed square ring around a point, in WGS84. */
function squareAround(lon: number, lat: number): number[][] {
  const dx = HALF / Math.max(0.2, Math.cos((lat * Math.PI) / 180));
  return [
    [lon - dx, lat - HALF],
    [lon + dx, lat - HALF],
    [lon + dx, lat + HALF],
    [lon - dx, lat + HALF],
    [lon - dx, lat - HALF],
  ];
}

/** The blocks as a collection of areas keyed by block id (level `custom`). */
export function blocksAsAreas(blocks: readonly BlockBody[]): AreaCollection {
  return {
    type: 'FeatureCollection',
    features: blocks.map((b) => ({
      type: 'Feature' as const,
      id: b.id,
      properties: { code: b.id, name: b.name, level: 'custom' as const },
      geometry: (b.outline as AreaCollection['features'][number]['geometry']) ?? {
        type: 'Polygon' as const,
        coordinates: [squareAround(b.lon, b.lat)],
      },
    })),
  };
}
