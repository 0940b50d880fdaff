import { describe, expect, it } from 'vitest';
import {
  AREA_SOURCE,
  DEFAULT_FILL,
  FILL_LAYER,
  OUTLINE_SOURCE,
  areaLayers,
  baseStyle,
  fillColour,
} from './layers.ts';

describe('fillColour', () => {
  it("matches each area's code to its fill, with the default for the rest", () => {
    expect(fillColour({ E05004691: '#0072B2', E05004692: '#E69F00' })).toEqual([
      'match',
      ['get', 'code'],
      'E05004691',
      '#0072B2',
      'E05004692',
      '#E69F00',
      DEFAULT_FILL,
    ]);
  });

  it('is the plain default with no fills (a match needs at least one label)', () => {
    expect(fillColour({})).toBe(DEFAULT_FILL);
  });
});

describe('baseStyle', () => {
  it('is a plain background with no sources, glyphs or sprites unless a basemap is configured', () => {
    const style = baseStyle();
    expect(typeof style).toBe('object');
    if (typeof style === 'object') {
      expect(style.sources).toEqual({});
      expect(style.glyphs).toBeUndefined();
      expect(style.layers.map((l) => l.type)).toEqual(['background']);
    }
    expect(baseStyle('https://tiles.example/style.json')).toBe('https://tiles.example/style.json');
  });
});

describe('areaLayers', () => {
  it('draws fills, edges and emphasis from the areas, the boundary last, and no text', () => {
    const layers = areaLayers({}, false);
    expect(layers[0]?.id).toBe(FILL_LAYER);
    expect(layers.map((l) => l.type)).not.toContain('symbol');
    const sources = layers.map((l) => ('source' in l ? l.source : undefined));
    expect(sources.slice(0, 4)).toEqual(Array(4).fill(AREA_SOURCE));
    expect(sources.at(-1)).toBe(OUTLINE_SOURCE);
  });

  it('lets a basemap show through the fills', () => {
    const opacity = (t: boolean) => {
      const fill = areaLayers({}, t)[0];
      return fill?.type === 'fill' ? fill.paint?.['fill-opacity'] : undefined;
    };
    expect(opacity(false)).toBe(1);
    expect(opacity(true)).toBeLessThan(1);
  });
});
