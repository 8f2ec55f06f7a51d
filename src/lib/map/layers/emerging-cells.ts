/**
 * Emerging hot spots (trend of Gi* over time periods) as a deck.gl layer. Hot patterns in
 * reds and oranges, cold ones in blues; cells without a pattern are transparent. The legend
 * (EmergingLegend.svelte) names each category in words.
 */
import type { EmergingCategory } from '$lib/analysis/emerging';
import type { EmergingMapCell } from '$lib/display/map-cells';
import { buildHexCellLayer } from './hex-cells';

type RGBA = [number, number, number, number];

export const EMERGING_COLORS: Record<EmergingCategory, RGBA> = {
  'nieuw-hotspot': [128, 0, 38, 220],
  'opeenvolgend-hotspot': [189, 0, 38, 210],
  'intensiverend-hotspot': [227, 26, 28, 210],
  'aanhoudend-hotspot': [252, 78, 42, 200],
  'afnemend-hotspot': [253, 141, 60, 190],
  'sporadisch-hotspot': [254, 178, 76, 180],
  'oscillerend-hotspot': [254, 217, 118, 180],
  'historisch-hotspot': [255, 237, 160, 170],
  'nieuw-coldspot': [8, 48, 107, 210],
  'opeenvolgend-coldspot': [8, 81, 156, 200],
  'intensiverend-coldspot': [33, 113, 181, 200],
  'aanhoudend-coldspot': [66, 146, 198, 190],
  'afnemend-coldspot': [107, 174, 214, 180],
  'sporadisch-coldspot': [158, 202, 225, 170],
  'oscillerend-coldspot': [198, 219, 239, 170],
  'historisch-coldspot': [222, 235, 247, 170],
  'geen-patroon': [0, 0, 0, 0],
};

export function buildEmergingLayer(id: string, cells: readonly EmergingMapCell[]) {
  return buildHexCellLayer(id, cells, {
    getFillColor: (cell) => EMERGING_COLORS[cell.category],
    getLineColor: (cell) =>
      cell.category === 'geen-patroon' ? [90, 90, 90, 40] : [40, 40, 40, 180],
  });
}
