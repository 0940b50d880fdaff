import { describe, expect, it } from 'vitest';
import { cell, column, row } from './fixture.ts';
import { ariaSort, formatSort, nextSort, parseSort, sortRows } from './rug-sort.ts';

const columns = [column('rate'), column('score')];
const rows = [
  row('E1', 'Boxmoor', [cell('rate', 12.04), cell('score', 1)]),
  row('E2', 'adeyfield East', [cell('rate', null), cell('score', 3)]),
  row('E3', 'Apsley and Corner Hall', [cell('rate', 12.03), cell('score', null)]),
  row('E4', 'Chaulden', [cell('rate', 30), cell('score', 2)]),
  row('E5', 'Bennetts End', [cell('rate', null), cell('score', 0)]),
];
const names = (sorted: readonly { name: string }[]) => sorted.map((r) => r.name);

describe('sortRows', () => {
  it('sorts by full-precision value, ascending and descending, missing values last both ways', () => {
    expect(names(sortRows(rows, { key: 'rate', direction: 'asc' }, columns))).toEqual([
      'Apsley and Corner Hall',
      'Boxmoor',
      'Chaulden',
      'adeyfield East',
      'Bennetts End',
    ]);
    expect(names(sortRows(rows, { key: 'rate', direction: 'desc' }, columns))).toEqual([
      'Chaulden',
      'Boxmoor',
      'Apsley and Corner Hall',
      'adeyfield East',
      'Bennetts End',
    ]);
  });

  it('treats zero as a value, not as missing', () => {
    expect(names(sortRows(rows, { key: 'score', direction: 'asc' }, columns))[0]).toBe(
      'Bennetts End',
    );
    expect(names(sortRows(rows, { key: 'score', direction: 'desc' }, columns)).at(-1)).toBe(
      'Apsley and Corner Hall',
    );
  });

  it('sorts names alphabetically regardless of case', () => {
    expect(names(sortRows(rows, { key: 'name', direction: 'asc' }, columns))).toEqual([
      'adeyfield East',
      'Apsley and Corner Hall',
      'Bennetts End',
      'Boxmoor',
      'Chaulden',
    ]);
    expect(names(sortRows(rows, { key: 'name', direction: 'desc' }, columns))[0]).toBe('Chaulden');
  });

  it('keeps the given order without a sort and never changes its input', () => {
    const before = names(rows);
    expect(names(sortRows(rows, null, columns))).toEqual(before);
    sortRows(rows, { key: 'rate', direction: 'desc' }, columns);
    expect(names(rows)).toEqual(before);
  });
});

describe('sort text', () => {
  it('reads "id:direction", defaulting to ascending, and round-trips', () => {
    expect(parseSort('rate:desc', columns)).toEqual({ key: 'rate', direction: 'desc' });
    expect(parseSort('name', columns)).toEqual({ key: 'name', direction: 'asc' });
    expect(formatSort({ key: 'score', direction: 'desc' })).toBe('score:desc');
  });

  it('ignores unknown columns and directions', () => {
    expect(parseSort('nope:asc', columns)).toBeNull();
    expect(parseSort('rate:sideways', columns)).toBeNull();
    expect(parseSort(null, columns)).toBeNull();
  });
});

describe('nextSort and ariaSort', () => {
  it('starts a new column ascending and flips the sorted one', () => {
    expect(nextSort(null, 'rate')).toEqual({ key: 'rate', direction: 'asc' });
    expect(nextSort({ key: 'rate', direction: 'asc' }, 'rate')).toEqual({
      key: 'rate',
      direction: 'desc',
    });
    expect(nextSort({ key: 'rate', direction: 'desc' }, 'rate')).toEqual({
      key: 'rate',
      direction: 'asc',
    });
    expect(nextSort({ key: 'rate', direction: 'desc' }, 'score')).toEqual({
      key: 'score',
      direction: 'asc',
    });
  });

  it('says which header is sorted which way', () => {
    const sort = { key: 'rate', direction: 'desc' } as const;
    expect(ariaSort(sort, 'rate')).toBe('descending');
    expect(ariaSort(sort, 'score')).toBe('none');
    expect(ariaSort(null, 'rate')).toBe('none');
  });
});
