/**
 * Reference layers: aandachtslocaties (watch locations) and interventions as outlined
 * areas, buildings as small squares. Each has its own colour and a legend entry; tooltips
 * name the object.
 */
import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { BuildingRow, InterventionRow, WatchLocationRow } from '$lib/data/queries/reference';
import type { ReferenceObject } from '$lib/display/map-cells';

export const REFERENCE_COLORS = {
  aandacht: [117, 40, 160] as [number, number, number],
  interventies: [0, 109, 44] as [number, number, number],
  panden: [60, 60, 60] as [number, number, number],
};

/** Outlined areas with a translucent fill of their colour (`fillAlpha` of 255). */
function outlinedAreas(
  id: string,
  rows: readonly (WatchLocationRow | InterventionRow)[],
  kind: ReferenceObject['kind'],
  [r, g, b]: [number, number, number],
  fillAlpha: number,
) {
  const data = {
    type: 'FeatureCollection',
    features: rows.map((row): Feature => ({
      type: 'Feature',
      properties: { kind, row },
      geometry: JSON.parse(row.geometry) as Geometry,
    })),
  } as FeatureCollection;
  return new GeoJsonLayer({
    id,
    data,
    filled: true,
    stroked: true,
    getFillColor: [r, g, b, fillAlpha],
    getLineColor: [r, g, b, 255],
    getLineWidth: 3,
    lineWidthUnits: 'pixels',
    pickable: true,
  });
}

export function buildWatchLocationsLayer(id: string, rows: readonly WatchLocationRow[]) {
  return outlinedAreas(id, rows, 'aandacht', REFERENCE_COLORS.aandacht, 70);
}

export function buildInterventionsLayer(id: string, rows: readonly InterventionRow[]) {
  return outlinedAreas(id, rows, 'interventie', REFERENCE_COLORS.interventies, 50);
}

export function buildBuildingsLayer(id: string, rows: readonly BuildingRow[]) {
  const [r, g, b] = REFERENCE_COLORS.panden;
  return new ScatterplotLayer<BuildingRow>({
    id,
    data: rows,
    getPosition: (row) => [row.lon, row.lat],
    getFillColor: (row) =>
      row.status === 'leeg' || row.vacant_since ? [255, 255, 255] : [r, g, b],
    getLineColor: [r, g, b],
    stroked: true,
    lineWidthMinPixels: 1.5,
    radiusUnits: 'meters',
    getRadius: 25,
    radiusMinPixels: 4,
    pickable: true,
  });
}
