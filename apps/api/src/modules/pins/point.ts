// Where a pin stands, as GeoJSON: the one rule every map, list, wall and export of pins shares.

/** A GeoJSON Point at a pin's position, or null for a pin "somewhere else on the estate". */
export function pinPoint(
  lon: number | null,
  lat: number | null,
): { type: 'Point'; coordinates: [number, number] } | null {
  return lon === null || lat === null ? null : { type: 'Point', coordinates: [lon, lat] };
}
