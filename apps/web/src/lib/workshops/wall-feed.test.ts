import { describe, expect, it } from 'vitest';
import { applyEvent, latestPins, pinsById, wallCounts, type WallPin } from './wall-feed.ts';

function pin(id: string, kind: WallPin['properties']['kind'], theme: string, at: string): WallPin {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [-0.47, 51.75] },
    properties: {
      kind,
      theme,
      text: `pin ${id}`,
      support: 0,
      placeName: null,
      createdAt: at,
      response: null,
      hasPhoto: false,
    },
  };
}

const a = pin('a', 'issue', 'safety', '2026-01-01T10:00:00Z');
const b = pin('b', 'asset', 'homes', '2026-01-01T10:05:00Z');

describe('the live wall feed', () => {
  it('counts a pin once however often it arrives', () => {
    let pins = applyEvent(pinsById([a]), { type: 'pin', pin: b });
    pins = applyEvent(pins, { type: 'pin', pin: b });
    expect(wallCounts(pins).total).toBe(2);
    expect(wallCounts(pins).byKind).toEqual({ issue: 1, aspiration: 0, asset: 1 });
  });

  it('takes a hidden pin off, and ignores hiding one it never had', () => {
    const pins = pinsById([a, b]);
    expect([...applyEvent(pins, { type: 'hidden', id: 'a' }).keys()]).toEqual(['b']);
    expect(applyEvent(pins, { type: 'hidden', id: 'zzz' })).toBe(pins);
  });

  it('updates "me too" counts and replies in place', () => {
    const pins = applyEvent(pinsById([a]), { type: 'support', id: 'a', support: 3 });
    expect(pins.get('a')?.properties.support).toBe(3);
  });

  it('lists the newest first and themes in the workshop order', () => {
    const pins = pinsById([a, b]);
    expect(latestPins(pins, 1).map((p) => p.id)).toEqual(['b']);
    expect(wallCounts(pins, ['homes', 'safety', 'young people']).byTheme).toEqual([
      ['homes', 1],
      ['safety', 1],
    ]);
  });
});
