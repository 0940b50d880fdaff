import { describe, expect, it } from 'vitest';
import { filterRows } from './rug-filter.ts';

const rows = [
  { code: 'E05004691', name: 'Adeyfield East' },
  { code: 'E05004692', name: "St Paul's" },
  { code: 'E05004693', name: 'Bovingdon, Flaunden and Chipperfield' },
  { code: 'E05009999', name: 'Señora Ward' },
];

describe('filterRows', () => {
  it('keeps every row for an empty or blank query', () => {
    expect(filterRows(rows, '')).toHaveLength(4);
    expect(filterRows(rows, '   ')).toHaveLength(4);
  });

  it('matches part of a name, ignoring case and accents', () => {
    expect(filterRows(rows, 'field').map((r) => r.name)).toEqual([
      'Adeyfield East',
      'Bovingdon, Flaunden and Chipperfield',
    ]);
    expect(filterRows(rows, "st paul's").map((r) => r.code)).toEqual(['E05004692']);
    expect(filterRows(rows, 'senora').map((r) => r.code)).toEqual(['E05009999']);
  });

  it('matches a code typed in full, not a fragment of one', () => {
    expect(filterRows(rows, 'e05004693').map((r) => r.name)).toEqual([
      'Bovingdon, Flaunden and Chipperfield',
    ]);
    expect(filterRows(rows, 'E0500')).toEqual([]);
  });
});
