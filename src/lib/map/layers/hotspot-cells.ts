/**
 * Getis-Ord Gi* classes on the hex grid as a deck.gl layer: a diverging red–blue scheme
 * (ColorBrewer RdBu, colour-blind safe), not-significant cells left transparent. The
 * legend and the tooltip name each class in words, so colour is never the only carrier.
 */
import type { ConfidenceClass } from '$lib/analysis/gistar';
import type { HotspotCell } from '$lib/display/map-cells';
import { buildHexCellLayer } from './hex-cells';

export const CLASS_COLORS: Record<ConfidenceClass, [number, number, number, number]> = {
  3: [178, 24, 43, 200],
  2: [239, 138, 98, 190],
  1: [253, 219, 199, 180],
  0: [0, 0, 0, 0],
  [-1]: [209, 229, 240, 180],
  [-2]: [103, 169, 207, 190],
  [-3]: [33, 102, 172, 200],
};

export function buildHotspotLayer(id: string, cells: readonly HotspotCell[]) {
  return buildHexCellLayer(id, cells, {
    getFillColor: (cell) => CLASS_COLORS[cell.klass],
    getLineColor: (cell) => (cell.klass === 0 ? [90, 90, 90, 60] : [60, 60, 60, 160]),
  });
}
