// The one lazy loader of the MapLibre maps: pages render their tables first and fetch a map
// (about 280 KB gzipped with its worker, and 70 KB of MapLibre's stylesheet) only once they are
// on screen. The stylesheet is linked here, not imported by the components: SvelteKit links the
// CSS of every lazily imported component in the server-rendered head, where MapLibre's would
// hold back the first paint of every page that may show a map.
import mapStylesheet from 'maplibre-gl/dist/maplibre-gl.css?url';
import type MapView from './Map.svelte';
import type PinMapView from './PinMap.svelte';

let stylesheet: Promise<void> | null = null;

/** Links MapLibre's stylesheet once and resolves when it has loaded (MapLibre measures its controls on creation). */
function loadMapStylesheet(): Promise<void> {
  stylesheet ??= new Promise<void>((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = mapStylesheet;
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => {
      stylesheet = null; // a later map may try again
      link.remove();
      reject(new Error('the map stylesheet did not load'));
    });
    document.head.append(link);
  });
  return stylesheet;
}

/** The areas map component, loaded on demand (call from onMount). */
export async function loadMapComponent(): Promise<typeof MapView> {
  const [module] = await Promise.all([import('./Map.svelte'), loadMapStylesheet()]);
  return module.default;
}

/** The residents' pin map component, loaded on demand (call from onMount). */
export async function loadPinMapComponent(): Promise<typeof PinMapView> {
  const [module] = await Promise.all([import('./PinMap.svelte'), loadMapStylesheet()]);
  return module.default;
}
