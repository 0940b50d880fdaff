import { describe, expect, it } from 'vitest';
import {
  collectionBounds,
  drawable,
  featureBounds,
  probeOrder,
  type AreaFeature,
} from './geometry.ts';

function area(code: string, geometry: AreaFeature['geometry'], bbox?: number[]): AreaFeature {
  return {
    type: 'Feature',
    id: code,
    properties: { code, name: code, level: 'lsoa' },
    geometry,
    ...(bbox ? { bbox } : {}),
  };
}

const square = area('A', {
  type: 'Polygon',
  coordinates: [
    [
      [0, 50],
      [1, 50],
      [1, 51],
      [0, 51],
      [0, 50],
    ],
  ],
});
const multi = area('B', {
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [2, 52],
        [3, 52],
        [3, 53],
        [2, 52],
      ],
    ],
    [
      [
        [-1, 49],
        [-0.5, 49],
        [-0.5, 49.5],
        [-1, 49],
      ],
    ],
  ],
});
const codeOnly = area('C', null);

describe('featureBounds', () => {
  it('walks Polygon and MultiPolygon coordinates', () => {
    expect(featureBounds(square)).toEqual([0, 50, 1, 51]);
    expect(featureBounds(multi)).toEqual([-1, 49, 3, 53]);
  });

  it("uses the API's bbox when there is one, and gives null without a boundary", () => {
    expect(featureBounds(area('D', square.geometry, [5, 6, 7, 8]))).toEqual([5, 6, 7, 8]);
    expect(featureBounds(codeOnly)).toBeNull();
  });
});

describe('collectionBounds', () => {
  it('joins the bounds of every area with a boundary, across collections', () => {
    const one = { type: 'FeatureCollection' as const, features: [square, codeOnly] };
    const two = { type: 'FeatureCollection' as const, features: [multi] };
    expect(collectionBounds(one)).toEqual([0, 50, 1, 51]);
    expect(collectionBounds(one, two, null)).toEqual([-1, 49, 3, 53]);
  });

  it('is null when no area has a boundary (centroid-only authorities)', () => {
    expect(collectionBounds({ type: 'FeatureCollection', features: [codeOnly] })).toBeNull();
  });
});

describe('drawable', () => {
  it('keeps only areas with a boundary', () => {
    const data = drawable({ type: 'FeatureCollection', features: [square, codeOnly] });
    expect(
      typeof data === 'object' && 'features' in data
        ? data.features.map((f: { id?: unknown }) => f.id)
        : [],
    ).toEqual(['A']);
  });
});

describe('probeOrder', () => {
  it('covers the grid once, centre first, outward', () => {
    const points = probeOrder(5);
    expect(points).toHaveLength(25);
    expect(points[0]).toEqual([0.5, 0.5]);
    expect(new Set(points.map((p) => p.join())).size).toBe(25);
    const last = points.at(-1) ?? [0.5, 0.5];
    expect(Math.abs(last[0] - 0.5)).toBeCloseTo(0.4);
    expect(Math.abs(last[1] - 0.5)).toBeCloseTo(0.4);
  });
});
