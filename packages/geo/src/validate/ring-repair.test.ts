import { describe, expect, it } from 'vitest';
import { squareRing } from '../../test-support/shapes.ts';
import { repairRings } from './ring-repair.ts';

// Hand-made rings near Hemel Hempstead, each needing one repair or none.
const square = squareRing(-0.46, 51.76, 0.01);
const [a, b, c, d] = square;

describe('repairRings', () => {
  it('leaves a good polygon as it is, the same object', () => {
    const geometry = { type: 'Polygon', coordinates: [square] };
    expect(repairRings(geometry)).toEqual({ geometry, repairs: [] });
    expect(repairRings(geometry).geometry).toBe(geometry);
  });

  it('closes an open ring by repeating its first position', () => {
    const { geometry, repairs } = repairRings({ type: 'Polygon', coordinates: [[a, b, c, d]] });
    expect(geometry).toEqual({ type: 'Polygon', coordinates: [square] });
    expect(repairs).toEqual(['closed ring 0']);
  });

  it('drops positions repeated straight after themselves, and names the polygon of a multipolygon', () => {
    const { geometry, repairs } = repairRings({
      type: 'MultiPolygon',
      coordinates: [[square], [[a, a, b, c, c, c, d, a]]],
    });
    expect(geometry).toEqual({ type: 'MultiPolygon', coordinates: [[square], [square]] });
    expect(repairs).toEqual(['dropped 3 repeated positions from polygon 1, ring 0']);
  });

  it('does not touch rings with anything but numbers, leaving them for the checks to describe', () => {
    const geometry = { type: 'Polygon', coordinates: [[a, ['x', 51], c]] };
    expect(repairRings(geometry)).toEqual({ geometry, repairs: [] });
    expect(repairRings({ type: 'Point', coordinates: [0, 0] }).repairs).toEqual([]);
  });
});
