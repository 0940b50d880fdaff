import { describe, expect, it } from 'vitest';
import { judgements } from '../stats/compare.ts';
import { colourVisionDeficiencies, perceivedDifference } from './colour-vision.ts';
import { WCAG_AA_TEXT_CONTRAST, contrastRatio, relativeLuminance } from './contrast.ts';
import {
  type ColourTokenId,
  colourTokenIds,
  palette,
  tokenForJudgement,
  tokenForQuintile,
} from './palette.ts';

const visions = ['normal', ...colourVisionDeficiencies] as const;

function bg(id: ColourTokenId): string {
  return palette[id].background;
}

describe('palette', () => {
  it('has a token for every id, with hex colours, a symbol and a label', () => {
    for (const id of colourTokenIds) {
      const token = palette[id];
      expect(token.id).toBe(id);
      expect(token.background).toMatch(/^#[0-9A-F]{6}$/);
      expect(token.text).toMatch(/^#[0-9A-F]{6}$/);
      expect(token.symbol).not.toBe('');
      expect(token.label).not.toBe('');
    }
    expect(new Set(colourTokenIds.map((id) => palette[id].symbol)).size).toBe(
      colourTokenIds.length,
    );
  });

  it.each(colourTokenIds)('gives %s text with WCAG 2.2 AA contrast (at least 4.5:1)', (id) => {
    expect(contrastRatio(palette[id].background, palette[id].text)).toBeGreaterThanOrEqual(
      WCAG_AA_TEXT_CONTRAST,
    );
  });

  it.each(visions)('keeps better and worse far apart with %s vision (CIEDE2000 ≥ 40)', (vision) => {
    expect(perceivedDifference(bg('better'), bg('worse'), vision)).toBeGreaterThanOrEqual(40);
  });

  it.each(visions)(
    'keeps every pair in a judged column distinguishable with %s vision (ΔE00 ≥ 10)',
    (vision) => {
      const column = ['better', 'similar', 'worse', 'not_compared'] as const;
      for (const a of column) {
        for (const b of column) {
          if (a < b)
            expect(perceivedDifference(bg(a), bg(b), vision), `${a}/${b}`).toBeGreaterThanOrEqual(
              10,
            );
        }
      }
    },
  );

  it.each(visions)(
    'keeps higher, lower, similar and not compared apart with %s vision',
    (vision) => {
      expect(perceivedDifference(bg('higher'), bg('lower'), vision)).toBeGreaterThanOrEqual(15);
      for (const other of ['similar', 'not_compared'] as const) {
        expect(perceivedDifference(bg('higher'), bg(other), vision)).toBeGreaterThanOrEqual(10);
        expect(perceivedDifference(bg('lower'), bg(other), vision)).toBeGreaterThanOrEqual(10);
      }
    },
  );

  it('marks not compared with a hatch pattern as well as grey', () => {
    expect(palette.not_compared.pattern).toBe('hatch');
  });

  it('orders the quintile shades by lightness, so the order survives any colour vision', () => {
    const shades = [1, 2, 3, 4, 5].map((b) => relativeLuminance(bg(tokenForQuintile(b))));
    for (let i = 1; i < shades.length; i++) expect(shades[i]).toBeLessThan(shades[i - 1] ?? 0);
    for (const vision of visions) {
      for (let b = 1; b < 5; b++) {
        expect(
          perceivedDifference(bg(tokenForQuintile(b)), bg(tokenForQuintile(b + 1)), vision),
        ).toBeGreaterThanOrEqual(5);
      }
    }
  });

  it('maps every judgement to its own token, and bands 1..5 to quintile tokens', () => {
    for (const j of judgements) expect(palette[tokenForJudgement(j)].id).toBe(j);
    expect(tokenForQuintile(3)).toBe('quintile_3');
    expect(tokenForQuintile(0)).toBe('not_compared');
    expect(tokenForQuintile(6)).toBe('not_compared');
  });
});
