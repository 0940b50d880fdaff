import { describe, expect, it } from 'vitest';
import { compareRugValues, rugNameCollator } from './row-order.ts';

const rows = [
  { name: 'Ward 10', value: 3 },
  { name: 'Ward 2', value: Number.NaN },
  { name: 'Ward 1', value: 3 },
  { name: 'Ward 3', value: 1 },
];
const order = (direction: 'asc' | 'desc') =>
  [...rows]
    .sort((a, b) =>
      compareRugValues(a.value, b.value, direction, () => rugNameCollator.compare(a.name, b.name)),
    )
    .map((r) => r.name);

describe('rug row order', () => {
  it('puts a missing value last when ascending, with ties by name in reading order', () => {
    expect(order('asc')).toEqual(['Ward 3', 'Ward 1', 'Ward 10', 'Ward 2']);
  });

  it('puts a missing value last when descending too', () => {
    expect(order('desc')).toEqual(['Ward 1', 'Ward 10', 'Ward 3', 'Ward 2']);
  });
});
