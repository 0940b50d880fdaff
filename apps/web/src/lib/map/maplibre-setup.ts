// What every MapLibre map here shares: where its worker is, and the credits it must show.
// Importing this module points MapLibre at its worker.
import { publications } from '@thrive/indicators';
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

// MapLibre 6 looks for its worker beside its own module, which is not where the bundler puts
// it; Vite emits the worker file and gives its URL.
setWorkerUrl(workerUrl);

/** The credits of the boundaries and statistics every map draws. */
export const ATTRIBUTION = publications['ons-geography'].attribution;
