import { describe, expect, it } from 'vitest';
import { colourVisionDeficiencies, perceivedDifference } from './colour-vision.ts';
import { WCAG_AA_TEXT_CONTRAST, contrastRatio, relativeLuminance } from './contrast.ts';
import { imdDecileColour, imdDecileColours } from './imd-deciles.ts';

const visions = ['normal', ...colourVisionDeficiencies] as const;

describe('imdDecileColours', () => {
  it('has deciles 1 to 10 in order, with hex colours and labels naming both ends', () => {
    expect(imdDecileColours.map((c) => c.decile)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const c of imdDecileColours) {
      expect(c.background).toMatch(/^#[0-9A-F]{6}$/);
      expect(c.text).toMatch(/^#[0-9A-F]{6}$/);
    }
    expect(imdDecileColours[0]?.label).toContain('most deprived');
    expect(imdDecileColours[9]?.label).toContain('least deprived');
  });

  it.each(imdDecileColours)('gives decile $decile text with WCAG 2.2 AA contrast', (c) => {
    expect(contrastRatio(c.background, c.text)).toBeGreaterThanOrEqual(WCAG_AA_TEXT_CONTRAST);
  });

  it('gets lighter with every decile, so the order survives any colour vision', () => {
    const lightness = imdDecileColours.map((c) => relativeLuminance(c.background));
    for (let i = 1; i < lightness.length; i++)
      expect(lightness[i]).toBeGreaterThan(lightness[i - 1] ?? 1);
  });

  it.each(visions)('keeps neighbouring deciles apart with %s vision (CIEDE2000 ≥ 3)', (vision) => {
    for (let i = 1; i < imdDecileColours.length; i++) {
      const a = imdDecileColours[i - 1]?.background ?? '';
      const b = imdDecileColours[i]?.background ?? '';
      expect(perceivedDifference(a, b, vision), `${i}/${i + 1}`).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('imdDecileColour', () => {
  it('looks deciles up and gives null for no decile', () => {
    expect(imdDecileColour(1)?.background).toBe('#440154');
    expect(imdDecileColour(10)?.decile).toBe(10);
    expect(imdDecileColour(0)).toBeNull();
    expect(imdDecileColour(11)).toBeNull();
    expect(imdDecileColour(2.5)).toBeNull();
    expect(imdDecileColour(null)).toBeNull();
  });
});
