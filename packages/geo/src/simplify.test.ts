import fc from 'fast-check';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { boundaryPath, readMirrorJson } from '../test-support/mirror.ts';
import { doughnut, square, squareRing } from '../test-support/shapes.ts';
import type { AreaGeometry } from './area-feature.ts';
import { simplifyForWire } from './simplify.ts';
import { validateAreaCollection } from './validate/area-collection.ts';

function rings(geometry: AreaGeometry): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

function isClosed(ring: Position[]): boolean {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
}

// Hand-made: the unit square with 9 extra points wobbling 0.00001° off its southern edge.
const wobblySquare: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      ...Array.from({ length: 9 }, (_, i) => [(i + 1) / 10, i % 2 === 0 ? 0.00001 : -0.00001]),
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ],
  ],
};

describe('simplifyForWire', () => {
  it('drops wobbles smaller than the tolerance', () => {
    const out = simplifyForWire(wobblySquare, { toleranceDegrees: 0.0001 });
    expect(out).toEqual(square);
  });

  it('keeps wobbles larger than the tolerance', () => {
    const out = simplifyForWire(wobblySquare, { toleranceDegrees: 0.000001, decimals: null });
    expect(out).toEqual(wobblySquare);
  });

  it('converts a tolerance in metres at about 111 km per degree', () => {
    // 0.00001° ≈ 1.1 m: a 5 m tolerance drops the wobbles, a 0.5 m one keeps them.
    expect(simplifyForWire(wobblySquare, { toleranceMetres: 5 })).toEqual(square);
    expect(
      rings(simplifyForWire(wobblySquare, { toleranceMetres: 0.5, decimals: null }))[0],
    ).toHaveLength(14);
  });

  it('rounds to 5 decimals by default and to what it is told otherwise', () => {
    const precise: Polygon = {
      type: 'Polygon',
      coordinates: [squareRing(-0.123456789, 51.987654321, 0.01)],
    };
    expect(simplifyForWire(precise).coordinates[0]?.[0]).toEqual([-0.12346, 51.98765]);
    expect(simplifyForWire(precise, { decimals: 2 }).coordinates[0]?.[0]).toEqual([-0.12, 51.99]);
    expect(simplifyForWire(precise, { decimals: null })).toEqual(precise);
  });

  it('drops a hole that rounding collapses to a point, and keeps the outer ring', () => {
    const pinhole: Polygon = {
      type: 'Polygon',
      coordinates: [squareRing(0, 0, 1), squareRing(0.5, 0.5, 0.000001)],
    };
    expect(simplifyForWire(pinhole)).toEqual(square);
  });

  it('keeps a hole that survives rounding', () => {
    expect(simplifyForWire(doughnut)).toEqual(doughnut);
  });

  it('drops a multipolygon part that rounding collapses, keeping the rest', () => {
    const speck: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[squareRing(0, 0, 1)], [squareRing(5, 5, 0.000001)]],
    };
    expect(simplifyForWire(speck)).toEqual({
      type: 'MultiPolygon',
      coordinates: [square.coordinates],
    });
  });

  it('keeps the unrounded rings when every part would collapse, so an area never vanishes', () => {
    const tiny: Polygon = { type: 'Polygon', coordinates: [squareRing(5, 5, 0.000001)] };
    expect(simplifyForWire(tiny)).toEqual(tiny);
  });

  it('leaves its input untouched', () => {
    const copy = structuredClone(wobblySquare);
    simplifyForWire(wobblySquare, { toleranceDegrees: 0.1 });
    expect(wobblySquare).toEqual(copy);
  });

  it('refuses rings that validation would have refused', () => {
    const open: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
        ],
      ],
    };
    const short: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [0, 0],
        ],
      ],
    };
    expect(() => simplifyForWire(open)).toThrow(RangeError);
    expect(() => simplifyForWire(short)).toThrow(RangeError);
  });

  it('refuses a negative tolerance or impossible decimals', () => {
    expect(() => simplifyForWire(square, { toleranceDegrees: -1 })).toThrow(RangeError);
    expect(() => simplifyForWire(square, { decimals: 2.5 })).toThrow(RangeError);
  });

  it('never yields a ring of fewer than 4 positions, and keeps every ring closed', () => {
    // Random star-shaped rings (points sorted by angle round a centre), with a hole or not.
    const ring = fc
      .record({
        cx: fc.double({ min: -5, max: 5, noNaN: true }),
        cy: fc.double({ min: 50, max: 55, noNaN: true }),
        spokes: fc.array(
          fc.record({
            angle: fc.double({ min: 0, max: 2 * Math.PI, maxExcluded: true, noNaN: true }),
            radius: fc.double({ min: 1e-7, max: 0.05, noNaN: true }),
          }),
          { minLength: 3, maxLength: 40 },
        ),
      })
      .map(({ cx, cy, spokes }) => {
        const points = [...spokes]
          .sort((a, b) => a.angle - b.angle)
          .map(({ angle, radius }) => [
            cx + radius * Math.cos(angle),
            cy + radius * Math.sin(angle),
          ]);
        const first = points[0] ?? [cx, cy];
        return [...points, [first[0] ?? cx, first[1] ?? cy]];
      });
    const options = fc.record({
      toleranceDegrees: fc.oneof(fc.constant(0), fc.double({ min: 1e-7, max: 0.1, noNaN: true })),
      decimals: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 7 })),
      highQuality: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(ring, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
        options,
        (polygons, opts) => {
          const geometry: MultiPolygon = { type: 'MultiPolygon', coordinates: polygons };
          const out = simplifyForWire(geometry, opts);
          expect(out.coordinates.length).toBeGreaterThan(0);
          for (const r of rings(out)) {
            expect(r.length).toBeGreaterThanOrEqual(4);
            expect(isClosed(r)).toBe(true);
          }
        },
      ),
    );
  });
});

describe('simplifyForWire on real wards', () => {
  // Real data from the read-only mirror: Dacorum's 25 wards (generalised clipped boundaries).
  const wards = validateAreaCollection(
    readMirrorJson(boundaryPath('wards-2013', 'E07000096.geojson')),
  );
  const features = wards.ok ? wards.features : [];

  it('yields geometry that validation accepts, at half the size with 5 decimals', () => {
    expect(features).toHaveLength(25);
    const simplified = features.map((f) => ({
      type: 'Feature',
      properties: { code: f.code },
      geometry: simplifyForWire(f.geometry, { toleranceMetres: 10 }),
    }));
    expect(validateAreaCollection({ type: 'FeatureCollection', features: simplified }).ok).toBe(
      true,
    );
    const before = JSON.stringify(features.map((f) => f.geometry)).length;
    const after = JSON.stringify(simplified.map((f) => f.geometry)).length;
    // The boundaries are already generalised: most of the saving is in the rounding.
    expect(after / before).toBeLessThan(0.55);
  });
});
