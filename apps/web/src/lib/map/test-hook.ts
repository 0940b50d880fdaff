// A small, read-only handle on a rendered map for browser tests (and debugging): MapLibre draws
// areas on a canvas, so a test cannot click a ward by selector. Set on the map's container
// element once the map is ready (data-map-ready="true"); it exposes no map instance, only
// where things are drawn.
import type { Map as MapLibre } from 'maplibre-gl';

/** Property of the container element holding the hook. */
export const MAP_TEST_HOOK = '__thriveMap';

/** Pixel position relative to the container's top-left corner. */
export interface MapPixel {
  x: number;
  y: number;
}

export interface MapTestHook {
  /** A pixel inside the drawn shape of the area with this code; null if not drawn or off-screen. */
  pointIn(code: string): MapPixel | null;
  /** The pixel of a longitude/latitude. */
  project(lon: number, lat: number): MapPixel;
}

/** Sets the hook on a ready map's container: `pointIn` as the component finds its areas. */
export function setMapTestHook(
  container: HTMLElement,
  m: MapLibre,
  pointIn: (code: string) => MapPixel | null,
): void {
  const hook: MapTestHook = {
    pointIn,
    project: (lon, lat) => {
      const { x, y } = m.project([lon, lat]);
      return { x, y };
    },
  };
  Object.defineProperty(container, MAP_TEST_HOOK, { value: hook, configurable: true });
}
