/**
 * The map of an intervention evaluation's three areas: the control area lightly shaded,
 * the buffer ring and the target area stronger on top, in the zone chart's colours
 * (display/zone-colors.ts); the legend beside the map names each area.
 */
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection } from 'geojson';
import type { Zone } from '$lib/analysis/intervention-zones';
import type { ZoneArea } from '$lib/analysis/zone-areas';
import { ZONE_COLORS } from '$lib/display/zone-colors';

/** Fill opacity (0–255) and outline width (px) per area: the target reads first. */
export const ZONE_FILL_ALPHA: Record<Zone, number> = { control: 40, buffer: 90, target: 170 };
const LINE_WIDTH: Record<Zone, number> = { control: 1, buffer: 2, target: 3 };

export function buildZoneAreaLayer(id: string, areas: readonly ZoneArea[]) {
  const data: FeatureCollection = {
    type: 'FeatureCollection',
    features: areas.map((a): Feature => ({
      type: 'Feature',
      properties: { zone: a.zone },
      geometry: a.geometry,
    })),
  };
  const zoneOf = (f: Feature) => f.properties!.zone as Zone;
  return new GeoJsonLayer({
    id,
    data,
    filled: true,
    stroked: true,
    getFillColor: (f) => [...ZONE_COLORS[zoneOf(f)], ZONE_FILL_ALPHA[zoneOf(f)]],
    getLineColor: (f) => [...ZONE_COLORS[zoneOf(f)], 255],
    getLineWidth: (f) => LINE_WIDTH[zoneOf(f)],
    lineWidthUnits: 'pixels',
  });
}
