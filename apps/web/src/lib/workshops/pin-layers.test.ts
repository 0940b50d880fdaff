import { describe, expect, it } from 'vitest';
import { CLUSTER_SOURCE, HEAT_LAYER, PIN_SOURCE, pinLayers } from './pin-layers.ts';

describe('pin layers', () => {
  it('draw each pin as its kind icon in the plain view', () => {
    const [layer] = pinLayers('pins');
    expect(layer?.type).toBe('symbol');
    expect(layer && 'source' in layer && layer.source).toBe(PIN_SOURCE);
  });

  it('draw clusters and the pins outside them from the clustered source', () => {
    const layers = pinLayers('clusters');
    expect(layers.map((l) => l.type)).toEqual(['circle', 'symbol']);
    expect(layers.every((l) => 'source' in l && l.source === CLUSTER_SOURCE)).toBe(true);
  });

  it('draw a heat map from every pin', () => {
    expect(pinLayers('heat').map((l) => l.id)).toEqual([HEAT_LAYER]);
  });
});
