/**
 * The Informatiecheck's surroundings map: the signals around one building coloured by
 * their kind (Okabe-Ito, colour-blind safe; the sheet's legend and table name each kind),
 * and the search radius as a circle around the building, so the user sees which signals
 * count and which lie just outside.
 */
import { PolygonLayer, ScatterplotLayer } from '@deck.gl/layers';
import { circle } from '@turf/turf';
import type { SignalType } from '$lib/analysis/risk-score';
import type { RGB } from '$lib/display/theme-colors';

export const SIGNAL_TYPE_COLORS: Record<SignalType, RGB> = {
  ondermijning: [0, 114, 178],
  drugsafval: [213, 94, 0],
  dumping: [0, 158, 115],
  voertuigen: [204, 121, 167],
  geur: [230, 159, 0],
};

export const RADIUS_COLOR: RGB = [1, 104, 155];

export interface SignalMarker {
  lon: number;
  lat: number;
  type: SignalType;
}

export function buildSignalLayer(id: string, signals: readonly SignalMarker[]) {
  return new ScatterplotLayer<SignalMarker>({
    id,
    data: signals,
    getPosition: (s) => [s.lon, s.lat],
    getRadius: 6,
    radiusUnits: 'pixels',
    getFillColor: (s) => [...SIGNAL_TYPE_COLORS[s.type], 235],
    getLineColor: [20, 20, 20, 255],
    getLineWidth: 1,
    lineWidthUnits: 'pixels',
    stroked: true,
  });
}

/** The ring of a circle of `radiusM` metres around [lon, lat] (geodesic, 64 steps). */
export function radiusRing(centre: [number, number], radiusM: number): [number, number][] {
  const polygon = circle(centre, radiusM, { units: 'meters', steps: 64 });
  return polygon.geometry.coordinates[0] as [number, number][];
}

export function buildRadiusLayer(id: string, ring: [number, number][]) {
  return new PolygonLayer<{ ring: [number, number][] }>({
    id,
    data: [{ ring }],
    getPolygon: (d) => d.ring,
    filled: true,
    getFillColor: [...RADIUS_COLOR, 18],
    stroked: true,
    getLineColor: [...RADIUS_COLOR, 255],
    getLineWidth: 2,
    lineWidthUnits: 'pixels',
  });
}
