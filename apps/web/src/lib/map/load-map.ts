// The one lazy loader of the MapLibre map: pages render their tables first and fetch the map
// (about 280 KB gzipped with its worker) only once they are on screen.
import type MapView from './Map.svelte';

/** The map component, loaded on demand (call from onMount). */
export async function loadMapComponent(): Promise<typeof MapView> {
  return (await import('./Map.svelte')).default;
}
