// The map's style: a plain background (or a configured basemap) and the layers that draw
// areas. Pure data, so the colours and expressions are unit-tested without WebGL. No symbol
// layers: there is no glyph server on a closed network, so names go in HTML tooltips and legends.
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';

/** Source of the areas the map shows (promoted `code` is the feature id). */
export const AREA_SOURCE = 'areas';
/** Source of an optional boundary drawn over the areas (e.g. a ward around its LSOAs). */
export const OUTLINE_SOURCE = 'outline';
/** The layer that takes hover and click. */
export const FILL_LAYER = 'area-fill';

/** Fill of an area the `fills` prop gives no colour: light grey, outlined. */
export const DEFAULT_FILL = '#E3E3E3';
const BACKGROUND = '#F7F7F4';
const AREA_EDGE = '#5C5C66';
const EMPHASIS = '#1B1B1F';
const CASING = '#FFFFFF';

/** The base style: a basemap from configuration, or a plain light background (works offline). */
export function baseStyle(basemapUrl?: string): string | StyleSpecification {
  if (basemapUrl) return basemapUrl;
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } }],
  };
}

/** fill-color for the areas: each code's colour from `fills`, the default for the rest. */
export function fillColour(fills: Record<string, string>): ExpressionSpecification | string {
  const [first, ...rest] = Object.entries(fills);
  // A match expression needs at least one label; with no fills every area is the default.
  if (!first) return DEFAULT_FILL;
  return ['match', ['get', 'code'], first[0], first[1], ...rest.flat(), DEFAULT_FILL];
}

// Selected beats hovered; either draws a dark line on a white casing, visible on any fill.
function emphasisWidth(selected: number, hovered: number): ExpressionSpecification {
  return [
    'case',
    ['boolean', ['feature-state', 'selected'], false],
    selected,
    ['boolean', ['feature-state', 'hovered'], false],
    hovered,
    0,
  ];
}

/**
 * Layers drawing the areas, their edges, hover and selection outlines, then the optional
 * boundary. `translucent` lets a basemap show through the fills.
 */
export function areaLayers(
  fills: Record<string, string>,
  translucent: boolean,
): LayerSpecification[] {
  return [
    {
      id: FILL_LAYER,
      type: 'fill',
      source: AREA_SOURCE,
      paint: { 'fill-color': fillColour(fills), 'fill-opacity': translucent ? 0.7 : 1 },
    },
    {
      id: 'area-edge',
      type: 'line',
      source: AREA_SOURCE,
      paint: { 'line-color': AREA_EDGE, 'line-width': 0.75 },
    },
    {
      id: 'area-emphasis-casing',
      type: 'line',
      source: AREA_SOURCE,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': CASING, 'line-width': emphasisWidth(7, 4) },
    },
    {
      id: 'area-emphasis',
      type: 'line',
      source: AREA_SOURCE,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': EMPHASIS, 'line-width': emphasisWidth(3.5, 2) },
    },
    {
      id: 'outline-casing',
      type: 'line',
      source: OUTLINE_SOURCE,
      paint: { 'line-color': CASING, 'line-width': 4.5 },
    },
    {
      id: 'outline',
      type: 'line',
      source: OUTLINE_SOURCE,
      paint: { 'line-color': EMPHASIS, 'line-width': 2.5, 'line-dasharray': [2, 1.5] },
    },
  ];
}
