/**
 * Hexagon cells as one pickable deck.gl polygon layer with thin outlines: what the density,
 * hotspot and emerging-hotspot layers share; each brings its own colours.
 */
import { PolygonLayer, type PolygonLayerProps } from '@deck.gl/layers';

export function buildHexCellLayer<T extends { polygon: [number, number][] }>(
  id: string,
  cells: readonly T[],
  colours: Pick<PolygonLayerProps<T>, 'getFillColor' | 'getLineColor' | 'updateTriggers'>,
) {
  return new PolygonLayer<T>({
    id,
    data: cells,
    getPolygon: (cell) => cell.polygon,
    lineWidthMinPixels: 0.5,
    stroked: true,
    filled: true,
    pickable: true,
    ...colours,
  });
}
