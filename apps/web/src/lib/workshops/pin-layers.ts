// MapLibre sources and layers for residents' pins: icons by kind (shape and colour), and for
// analysis a heat map and clusters. Clustering and the heat map run in MapLibre's worker and on
// the GPU, so thousands of pins stay smooth. Pure data, unit-tested without WebGL. No text in
// the map (no glyph server on a closed network): counts sit in the page's tables.
import type { LayerSpecification } from 'maplibre-gl';

export const PIN_SOURCE = 'pins';
export const CLUSTER_SOURCE = 'pin-clusters';
export const PIN_LAYER = 'pin-icons';
export const CLUSTER_LAYER = 'pin-cluster';
export const CLUSTER_PIN_LAYER = 'pin-cluster-icons';
export const HEAT_LAYER = 'pin-heat';

/** How the pins are drawn: each pin, clusters that split as you zoom in, or a heat map. */
export type PinView = 'pins' | 'clusters' | 'heat';

const icon = (scale: number): LayerSpecification['layout'] => ({
  'icon-image': ['concat', 'pin-', ['get', 'kind']],
  'icon-size': ['interpolate', ['linear'], ['zoom'], 10, 0.6 * scale, 16, scale],
  'icon-allow-overlap': true,
  'icon-ignore-placement': true,
});

/**
 * Layers for one view; sources PIN_SOURCE (plain) and CLUSTER_SOURCE (clustered) must exist.
 * `scale` enlarges the icons (the projector wall is read from the back of a hall).
 */
export function pinLayers(view: PinView, scale = 1): LayerSpecification[] {
  if (view === 'pins')
    return [{ id: PIN_LAYER, type: 'symbol', source: PIN_SOURCE, layout: icon(scale) }];
  if (view === 'clusters')
    return [
      {
        id: CLUSTER_LAYER,
        type: 'circle',
        source: CLUSTER_SOURCE,
        filter: ['has', 'point_count'],
        paint: {
          // Bigger and darker with more pins; the outline keeps it visible on any fill.
          'circle-color': [
            'step',
            ['get', 'point_count'],
            '#6BAED6',
            10,
            '#3182BD',
            100,
            '#08519C',
          ],
          'circle-radius': ['step', ['get', 'point_count'], 12, 10, 18, 100, 26, 1000, 34],
          'circle-stroke-color': '#FFFFFF',
          'circle-stroke-width': 2,
        },
      },
      {
        id: CLUSTER_PIN_LAYER,
        type: 'symbol',
        source: CLUSTER_SOURCE,
        filter: ['!', ['has', 'point_count']],
        layout: icon(scale),
      },
    ];
  return [
    {
      id: HEAT_LAYER,
      type: 'heatmap',
      source: PIN_SOURCE,
      paint: {
        'heatmap-weight': 1,
        'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 10, 0.6, 17, 2],
        'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 10, 8, 17, 30],
        'heatmap-opacity': 0.85,
        // Light yellow to dark purple (viridis-like): reads as "more" in greyscale too.
        'heatmap-color': [
          'interpolate',
          ['linear'],
          ['heatmap-density'],
          0,
          'rgba(253,231,37,0)',
          0.2,
          '#FDE725',
          0.4,
          '#5EC962',
          0.6,
          '#21918C',
          0.8,
          '#3B528B',
          1,
          '#440154',
        ],
      },
    },
  ];
}

/** Every layer id any view uses (to remove them when the view changes). */
export const ALL_PIN_LAYERS = [PIN_LAYER, CLUSTER_LAYER, CLUSTER_PIN_LAYER, HEAT_LAYER];
