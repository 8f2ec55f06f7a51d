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

function collection(
  rows: readonly (WatchLocationRow | InterventionRow)[],
  kind: ReferenceObject['kind'],
) {
  return {
    type: 'FeatureCollection',
    features: rows.map((row): Feature => ({
      type: 'Feature',
      properties: { kind, row },
      geometry: JSON.parse(row.geometry) as Geometry,
    })),
  } as FeatureCollection;
}

export function buildWatchLocationsLayer(id: string, rows: readonly WatchLocationRow[]) {
  const [r, g, b] = REFERENCE_COLORS.aandacht;
  return new GeoJsonLayer({
    id,
    data: collection(rows, 'aandacht'),
    filled: true,
    stroked: true,
    getFillColor: [r, g, b, 70],
    getLineColor: [r, g, b, 255],
    getLineWidth: 3,
    lineWidthUnits: 'pixels',
    pickable: true,
  });
}

export function buildInterventionsLayer(id: string, rows: readonly InterventionRow[]) {
  const [r, g, b] = REFERENCE_COLORS.interventies;
  return new GeoJsonLayer({
    id,
    data: collection(rows, 'interventie'),
    filled: true,
    stroked: true,
    getFillColor: [r, g, b, 50],
    getLineColor: [r, g, b, 255],
    getLineWidth: 3,
    lineWidthUnits: 'pixels',
    pickable: true,
  });
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
