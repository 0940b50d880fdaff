import { describe, expect, it } from 'vitest';
import { buildMapSvg } from './map-svg.ts';

const square = (x: number, y: number) => [[[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]];
const features = {
  type: 'FeatureCollection' as const,
  features: [
    { type: 'Feature' as const, id: 'A', properties: { code: 'A', name: 'Adeyfield <East>', level: 'ward' as const }, geometry: { type: 'Polygon' as const, coordinates: square(-0.5, 51.7) } },
    { type: 'Feature' as const, id: 'B', properties: { code: 'B', name: 'Boxmoor', level: 'ward' as const }, geometry: { type: 'Polygon' as const, coordinates: square(-0.4, 51.7) } },
    { type: 'Feature' as const, id: 'C', properties: { code: 'C', name: 'No shape', level: 'ward' as const }, geometry: null },
  ],
};
const input = {
  features,
  fills: { A: '#c00000' },
  title: 'Income deprivation: wards of Dacorum',
  key: [{ background: '#c00000', text: '#ffffff', symbol: '▼', label: 'Worse than Dacorum' }],
  note: 'Compared with Dacorum at 95% confidence.',
  attribution: 'Contains OS data © Crown copyright & database right',
};

describe('the map image', () => {
  it('draws each area with a boundary in its colour, grey when it has none, and leaves out areas without one', () => {
    const { svg } = buildMapSvg(input);
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain('fill="#c00000"');
    expect(svg).toContain('fill="#E3E3E3"');
  });

  it('carries the title, the key with its symbol and words, and the attribution, escaped', () => {
    const { svg } = buildMapSvg(input);
    expect(svg).toContain('Income deprivation: wards of Dacorum');
    expect(svg).toContain('>▼</text>');
    expect(svg).toContain('Worse than Dacorum');
    expect(svg).toContain('Contains OS data © Crown copyright &#38; database right');
    expect(svg).toContain('Adeyfield &#60;East&#62;');
  });

  it('keeps the two neighbours side by side, west to the left, within the image', () => {
    const { svg, width } = buildMapSvg(input);
    const xs = [...svg.matchAll(/<path d="M([\d.]+) /g)].map((m) => Number(m[1]));
    expect(xs[0]).toBeLessThan(xs[1] ?? 0);
    expect(Math.max(...xs)).toBeLessThan(width);
  });
});
