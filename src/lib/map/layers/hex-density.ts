/**
 * Records per hexagon cell (counted in DuckDB, queries/hotspots.ts) as a deck.gl layer,
 * coloured in natural-break classes (analysis/natural-breaks.ts) of a sequential scheme
 * (ColorBrewer YlOrRd, colour-blind safe). The legend gives the count range of each colour.
 */
import { classOf } from '$lib/analysis/area-rates';
import type { HexDensityCell } from '$lib/display/map-cells';
import { buildHexCellLayer } from './hex-cells';

type RGBA = [number, number, number, number];

/** ColorBrewer YlOrRd, 5 classes. */
export const SEQUENTIAL_COLORS: RGBA[] = [
  [255, 255, 178, 190],
  [254, 204, 92, 200],
  [253, 141, 60, 210],
  [240, 59, 32, 215],
  [189, 0, 38, 220],
];

export function buildHexDensityLayer(
  id: string,
  cells: readonly HexDensityCell[],
  breaks: readonly number[],
) {
  return buildHexCellLayer(id, cells, {
    getFillColor: (cell) => SEQUENTIAL_COLORS[classOf(cell.count, breaks)],
    getLineColor: [80, 80, 80, 90],
    updateTriggers: { getFillColor: breaks.join(',') },
  });
}
