import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { estateLsoas } from './estate-lsoas.ts';

// Hand-made squares near the equator (where a degree of longitude is as long as one of
// latitude), so areas can be worked out on paper.
const square = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

// Two LSOAs side by side, 0.01° square each; a third far away.
const west = { code: 'W', geometry: square(0, 0, 0.01, 0.01) };
const east = { code: 'E', geometry: square(0.01, 0, 0.02, 0.01) };
const far = { code: 'F', geometry: square(1, 1, 1.01, 1.01) };

describe('the LSOAs of an estate', () => {
  it('takes both LSOAs an estate straddles, with the share of the estate each holds', () => {
    // Estate 0.006–0.016: 40% of it in W, 60% in E.
    const found = estateLsoas(square(0.006, 0.002, 0.016, 0.008), [west, east, far]);
    expect(found.map((f) => [f.code, f.rule])).toEqual([
      ['W', 'overlap'],
      ['E', 'overlap'],
    ]);
    expect(found[0]?.shareOfEstate).toBeCloseTo(0.4, 1);
    expect(found[1]?.shareOfEstate).toBeCloseTo(0.6, 1);
    // E holds 0.006 × 0.006 of its 0.01 × 0.01: 36%.
    expect(found[1]?.shareOfLsoa).toBeCloseTo(0.36, 1);
  });

  it('leaves out a sliver under 10% of the estate and under half of the LSOA', () => {
    // Estate 0.0005–0.0105: 5% of it in E (a digitising sliver).
    const found = estateLsoas(square(0.0005, 0.002, 0.0105, 0.008), [west, east]);
    expect(found.map((f) => f.code)).toEqual(['W']);
  });

  it('takes an LSOA lying mostly inside a large estate even when it is under 10% of the estate', () => {
    // Estate 0–0.2 × 0–0.01 holds all of W and E, each only 5% of the estate.
    const found = estateLsoas(square(0, 0, 0.2, 0.01), [west, east]);
    expect(found.map((f) => f.code)).toEqual(['W', 'E']);
    expect(found.every((f) => (f.shareOfLsoa ?? 0) > 0.9)).toBe(true);
  });

  it('falls back to the LSOA holding most of the estate when none passes the rule', () => {
    // Estate 0.009–0.209 × 0.006–0.016 (area 0.002): 0.2% of it in W, 2% in E (40% of E), the rest in no loaded LSOA.
    const found = estateLsoas(square(0.009, 0.006, 0.209, 0.016), [west, east]);
    expect(found.map((f) => [f.code, f.rule])).toEqual([['E', 'largest_overlap']]);
  });

  it('uses the centroid of an LSOA loaded without its polygon', () => {
    const found = estateLsoas(square(0, 0, 0.01, 0.01), [
      { code: 'C', geometry: null, point: [0.005, 0.005] },
      { code: 'D', geometry: null, point: [0.5, 0.5] },
    ]);
    expect(found).toEqual([
      { code: 'C', rule: 'centroid', shareOfEstate: null, shareOfLsoa: null },
    ]);
  });

  it('finds nothing for an estate away from every LSOA', () => {
    expect(estateLsoas(square(5, 5, 5.01, 5.01), [west, east])).toEqual([]);
  });
});
