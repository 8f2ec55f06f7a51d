/**
 * The colours of an intervention evaluation's three areas, shared by the zone chart and the
 * map of the areas so a line and its area look the same. Okabe-Ito (colour-blind safe);
 * lines also differ in dash pattern and the map's legend names each area.
 */
import type { Zone } from '$lib/analysis/intervention-zones';
import type { RGB } from './theme-colors';

export const ZONE_COLORS: Record<Zone, RGB> = {
  target: [213, 94, 0],
  buffer: [0, 114, 178],
  control: [85, 85, 85],
};

/** Dash pattern of each area's line (and outline on the map). */
export const ZONE_DASH: Record<Zone, readonly number[]> = {
  target: [],
  buffer: [6, 3],
  control: [2, 2],
};

export const zoneHex = (zone: Zone): string =>
  '#' + ZONE_COLORS[zone].map((c) => c.toString(16).padStart(2, '0')).join('');
