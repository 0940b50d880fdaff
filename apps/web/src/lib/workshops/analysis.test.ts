import { describe, expect, it } from 'vitest';
import { countText, shareText, themeRows } from './analysis.ts';

describe('analysis counts', () => {
  it('say "fewer than 5" for a suppressed count, never the number', () => {
    expect(countText({ count: null, suppressed: true })).toBe('fewer than 5');
    expect(countText({ count: 0, suppressed: false })).toBe('0');
    expect(countText({ count: 12, suppressed: false })).toBe('12');
  });

  it('show shares as whole percentages, unpublished ones as a dash', () => {
    expect(shareText(0.256)).toBe('26%');
    expect(shareText(null)).toBe('–');
  });

  it('group kind × theme cells into a row per theme', () => {
    const rows = themeRows([
      { kind: 'issue', theme: 'homes', count: 5, suppressed: false },
      { kind: 'asset', theme: 'homes', count: null, suppressed: true },
      { kind: 'issue', theme: 'safety', count: 0, suppressed: false },
    ]);
    expect(rows.map((r) => r.theme)).toEqual(['homes', 'safety']);
    expect(rows[0]?.byKind.get('asset')?.suppressed).toBe(true);
  });
});
