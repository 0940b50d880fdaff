// How layers of their own (residents' pins, a polygon being drawn) reach the map: Map.svelte
// puts the loaded MapLibre instance in context and renders its children once it is there, so
// a child component adds its sources and layers in an effect and removes them when it goes.
import type { Map as MapLibre } from 'maplibre-gl';
import { getContext } from 'svelte';

export const MAP_CONTEXT = Symbol('thrive-map');

/** The loaded map (null before load and after it is removed). */
export interface MapContext {
  readonly map: MapLibre | null;
}

/** The enclosing Map.svelte's map; only valid in a child of <Map>. */
export function mapContext(): MapContext {
  const context = getContext<MapContext | undefined>(MAP_CONTEXT);
  if (!context) throw new Error('mapContext() is only available inside <Map>.');
  return context;
}
