import { palette } from '@thrive/indicators';
import { describe, expect, it } from 'vitest';
import { rugBody } from './fixture.ts';
import { buildRugSvg, escapeXml, fit, wrapText } from './rug-svg.ts';

// No DOM in these unit tests (the e2e test parses a downloaded SVG in Chromium): a small
// reader for the flat markup buildRugSvg writes — tags balance, text holds no raw markup.
const TAG = /<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z0-9:-]+="[^"<]*")*)\s*(\/?)>/g;

function wellFormed(svg: string): boolean {
  const open: string[] = [];
  let end = 0;
  for (const match of svg.matchAll(TAG)) {
    if (/[<>]/.test(svg.slice(end, match.index))) return false;
    end = match.index + match[0].length;
    const [, closing, name = '', , selfClosing] = match;
    if (closing) {
      if (open.pop() !== name) return false;
    } else if (!selfClosing) open.push(name);
  }
  return open.length === 0 && end === svg.length;
}

function attributes(svg: string, tag: string): Record<string, string>[] {
  return [...svg.matchAll(TAG)]
    .filter((m) => !m[1] && m[2] === tag)
    .map((m) =>
      Object.fromEntries(
        [...(m[3] ?? '').matchAll(/([a-zA-Z0-9:-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]),
      ),
    );
}

const unescape = (text: string) =>
  text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
const textsOf = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1] ?? ''));

describe('buildRugSvg', () => {
  const rug = rugBody();
  const { svg, width, height } = buildRugSvg({
    rug,
    rows: rug.rows,
    title: 'Tartan rug: wards of Dacorum',
  });
  const texts = textsOf(svg);

  it('is well-formed SVG of the size it reports', () => {
    expect(wellFormed(svg)).toBe(true);
    const [root] = attributes(svg, 'svg');
    expect(root?.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(Number(root?.width)).toBe(width);
    expect(Number(root?.height)).toBe(height);
    expect(svg).toContain('<title>Tartan rug: wards of Dacorum</title>');
  });

  it('draws every cell with its palette colour and text, and hatches "not compared"', () => {
    const fills = attributes(svg, 'rect').map((r) => r.fill);
    expect(fills).toContain(palette.worse.background);
    expect(fills).toContain(palette.quintile_2.background);
    expect(fills).toContain(palette.not_compared.background);
    expect(fills).toContain('url(#hatch)');
    expect(texts).toContain('12.5% ▲');
    expect(texts).toContain('–');
  });

  it('writes rows in the order given, then the benchmarks, the legend and the attribution', () => {
    const reversed = buildRugSvg({ rug, rows: [...rug.rows].reverse(), title: 't' }).svg;
    expect(reversed.indexOf('Adeyfield')).toBeLessThan(reversed.indexOf('Boxmoor'));
    expect(svg.indexOf('Boxmoor')).toBeLessThan(svg.indexOf('Adeyfield'));
    expect(texts).toContain('Dacorum (authority)');
    expect(texts).toContain('England');
    expect(texts).toContain('✗ Worse');
    expect(texts).toContain('Health');
    expect(texts.join(' ')).toContain('compare each area with Dacorum at 95% confidence');
    expect(texts.join(' ')).toContain('Contains OS data © Crown copyright.');
  });

  it('escapes names as text, never markup', () => {
    expect(texts).toContain('Adeyfield <East> & "West"');
    expect(attributes(svg, 'East')).toHaveLength(0);
  });

  it('makes room for the longest name and column label', () => {
    const long = 'Bovingdon, Flaunden and Chipperfield and Somewhere Else';
    const wide = buildRugSvg({ rug, rows: [{ ...rug.rows[0]!, name: long }], title: 't' }).svg;
    const firstCell = (markup: string) =>
      Math.min(
        ...attributes(markup, 'rect')
          .filter((r) => r.height === '24')
          .map((r) => Number(r.x)),
      );
    expect(firstCell(wide)).toBeGreaterThan(firstCell(svg) + 20 * 7);
    expect(firstCell(wide)).toBeGreaterThan(long.length * 7);
  });

  it('grows with the rows', () => {
    expect(buildRugSvg({ rug, rows: rug.rows.slice(0, 1), title: 't' }).height).toBeLessThan(
      height,
    );
  });
});

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
      '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;',
    );
  });
});

describe('fit', () => {
  it('keeps text that fits and shortens the rest with an ellipsis', () => {
    expect(fit('Health', 8)).toBe('Health');
    expect(fit('Education', 8.6)).toBe('Educati…');
    expect(fit('Crime', 0)).toBe('…');
  });
});

describe('wrapText', () => {
  it('breaks at spaces within the width and keeps over-long words whole', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('extraordinarily long', 5)).toEqual(['extraordinarily', 'long']);
    expect(wrapText('', 10)).toEqual([]);
  });
});
