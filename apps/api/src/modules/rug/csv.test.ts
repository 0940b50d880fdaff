import { describe, expect, it } from 'vitest';
import { rugCsv } from './csv.ts';
import type { RugBody } from './schemas.ts';

// A rug of one ward under an authority whose name and ward name were imported hostile.
const hostileRug: RugBody = {
  parent: { code: 'E07000096', name: 'Dacorum\r\n=cmd|" /C calc"!A0' },
  level: 'ward',
  period: '2019',
  benchmark: 'parent',
  confidence: 0.95,
  columns: [],
  rows: [{ code: 'E05004691', name: '=HYPERLINK("http://evil.example")', kind: 'area', cells: [] }],
  benchmarks: [],
  legend: { summary: 'Legend', columns: [], tokens: [] },
  attribution: 'Contains public sector information',
  datasets: [],
};
hostileRug.rows[0]?.cells.push({
  indicator: 'income_deprivation_rate',
  value: -0.5,
  lower: null,
  upper: null,
  count: null,
  denominator: null,
  comparison: { parent: 'similar', england: 'similar' },
  judgement: 'similar',
  reason: null,
  band: 0,
  text: '@SUM(1+1)',
  token: 'similar',
  label: 'Similar',
});

describe('the rug as CSV', () => {
  const text = rugCsv(hostileRug);
  const lines = text.replace(/^\uFEFF/, '').split('\r\n');

  it('starts with a byte-order mark, so Excel reads it as UTF-8', () => {
    expect(text.startsWith('\uFEFF#')).toBe(true);
  });

  it('keeps an authority name with a line break inside its comment line', () => {
    expect(lines.slice(0, 3).every((line) => line.startsWith('# '))).toBe(true);
    expect(lines[0]).toContain('Dacorum =cmd');
    expect(lines[3]?.startsWith('area_code,')).toBe(true);
  });

  it('writes cells that start like a formula as text, and numbers as numbers', () => {
    const row = lines[4] ?? '';
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(row).toContain(",'@SUM(1+1)");
    expect(row).toContain(',-0.5,');
  });
});
