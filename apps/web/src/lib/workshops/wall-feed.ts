// The live wall's state: every published pin by id, kept up to date from the event stream.
// Applying an event twice changes nothing (a reconnect may replay one), and counts are always
// worked out from the pins themselves, so they can never drift from what the map shows.
import { KINDS } from './kinds.ts';
import type { LivePinFeature } from '#lib/api.ts';

export type WallPin = LivePinFeature;
export type WallPins = ReadonlyMap<string, WallPin>;

/** A stream event as the wall receives it. */
export type WallEvent =
  | { type: 'pin'; pin: WallPin }
  | { type: 'hidden'; id: string }
  | { type: 'support'; id: string; support: number }
  | { type: 'response'; id: string; response: WallPin['properties']['response'] };

/** Pins keyed by id (a pin listed twice counts once). */
export function pinsById(pins: readonly WallPin[]): Map<string, WallPin> {
  return new Map(pins.map((pin) => [pin.id, pin]));
}

/** The pins after one event (a new map when something changed, the same map otherwise). */
export function applyEvent(pins: WallPins, event: WallEvent): WallPins {
  if (event.type === 'pin') return new Map(pins).set(event.pin.id, event.pin);
  const pin = pins.get(event.id);
  if (!pin) return pins;
  const next = new Map(pins);
  if (event.type === 'hidden') next.delete(event.id);
  else if (event.type === 'support')
    next.set(event.id, { ...pin, properties: { ...pin.properties, support: event.support } });
  else next.set(event.id, { ...pin, properties: { ...pin.properties, response: event.response } });
  return next;
}

/** Counts by kind (every kind, zero included) and by theme (the workshop's order first). */
export function wallCounts(pins: WallPins, themes: readonly string[] = []) {
  const byKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<string, number>;
  const byTheme = new Map<string, number>(themes.map((t) => [t, 0]));
  for (const { properties } of pins.values()) {
    byKind[properties.kind] = (byKind[properties.kind] ?? 0) + 1;
    byTheme.set(properties.theme, (byTheme.get(properties.theme) ?? 0) + 1);
  }
  return { total: pins.size, byKind, byTheme: [...byTheme].filter(([, n]) => n > 0) };
}

/** The newest pins first. */
export function latestPins(pins: WallPins, count: number): WallPin[] {
  return [...pins.values()]
    .sort((a, b) => b.properties.createdAt.localeCompare(a.properties.createdAt))
    .slice(0, count);
}

/** The pins that have a point, as a collection for the map. */
export function mappable(pins: WallPins) {
  return {
    type: 'FeatureCollection' as const,
    features: [...pins.values()].filter((pin) => pin.geometry !== null),
  };
}
