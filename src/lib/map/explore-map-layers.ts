/**
 * The deck.gl layers of the Verkennen map, in drawing order (areas below, points on top),
 * from the models' data. Pure apart from the density image, which is drawn once per grid.
 */
import type { LayersList } from '@deck.gl/core';
import { PolygonLayer } from '@deck.gl/layers';
import type { KdeGrid } from '$lib/analysis/kde';
import {
  POINT_DENSITY_LAYER,
  type AreaLayerData,
  type EmergingMapCell,
  type HexDensityCell,
  type HexImageData,
  type HotspotCell,
  type ReferenceData,
} from '$lib/display/map-cells';
import type { PointColumns } from '$lib/display/point-columns';
import { buildChoroplethLayer } from './layers/area-choropleth';
import { buildEmergingLayer } from './layers/emerging-cells';
import { buildHexDensityLayer } from './layers/hex-density';
import { buildHexImageLayer, renderHexImage, type HexImage } from './layers/hex-density-image';
import { buildHotspotLayer } from './layers/hotspot-cells';
import { buildKdeLayer, renderKdeImage } from './layers/kde-heatmap';
import { buildRecordPointsLayer } from './layers/record-points';
import {
  buildBuildingsLayer,
  buildInterventionsLayer,
  buildWatchLocationsLayer,
} from './layers/reference-layers';

/** The map layers of Verkennen, as the URL names them (state/explore/explore-url.ts). */
type ExploreMapLayer =
  | 'gebieden'
  | 'dichtheid'
  | 'zeshoeken'
  | 'hotspots'
  | 'opkomend'
  | 'interventies'
  | 'aandacht'
  | 'punten'
  | 'panden';

/** What the map draws of the Verkennen models' data (typed here, so map/ needs no state/). */
export interface ExploreLayerData {
  view: { layers: readonly string[] };
  points: PointColumns | null;
  /** Records per hexagon instead of the points, when there are too many to draw. */
  pointDensity: HexImageData | null;
  hex: { cells: HexDensityCell[]; breaks: number[] } | null;
  kde: { grid: KdeGrid; max: number } | null;
  areas: AreaLayerData | null;
  hotspots: HotspotCell[] | null;
  emerging: EmergingMapCell[] | null;
  reference: ReferenceData | null;
  /** Selected wijken/buurten (outlined) and the drawn area. */
  selectedAreas: readonly string[];
  bbox: readonly [number, number, number, number] | null;
}

const images = new WeakMap<KdeGrid, HTMLCanvasElement>();
const hexImages = new WeakMap<HexImageData, HexImage>();

export function buildExploreLayers(data: ExploreLayerData): LayersList {
  const on = (layer: ExploreMapLayer) => data.view.layers.includes(layer);
  const layers: LayersList = [];
  if (on('gebieden') && data.areas) {
    layers.push(
      buildChoroplethLayer('gebieden', data.areas.features, data.areas.rates, {
        measure: data.areas.measure,
        breaks: data.areas.breaks,
        selected: data.selectedAreas,
      }),
    );
  }
  if (on('dichtheid') && data.kde) {
    let image = images.get(data.kde.grid);
    if (!image) {
      image = renderKdeImage(data.kde.grid, data.kde.max);
      images.set(data.kde.grid, image);
    }
    layers.push(buildKdeLayer('dichtheid', data.kde.grid, image));
  }
  if (on('zeshoeken') && data.hex) {
    layers.push(buildHexDensityLayer('zeshoeken', data.hex.cells, data.hex.breaks));
  }
  if (on('hotspots') && data.hotspots) layers.push(buildHotspotLayer('hotspots', data.hotspots));
  if (on('opkomend') && data.emerging) layers.push(buildEmergingLayer('opkomend', data.emerging));
  if (on('interventies') && data.reference) {
    layers.push(buildInterventionsLayer('interventies', data.reference.interventions));
  }
  if (on('aandacht') && data.reference) {
    layers.push(buildWatchLocationsLayer('aandacht', data.reference.watch));
  }
  if (on('punten') && data.pointDensity) {
    let image = hexImages.get(data.pointDensity);
    if (!image) {
      image = renderHexImage(data.pointDensity);
      hexImages.set(data.pointDensity, image);
    }
    layers.push(buildHexImageLayer(POINT_DENSITY_LAYER, image));
  } else if (on('punten') && data.points) {
    layers.push(buildRecordPointsLayer('punten', data.points));
  }
  if (on('panden') && data.reference) {
    layers.push(buildBuildingsLayer('panden', data.reference.buildings));
  }
  if (data.bbox) {
    const [w, s, e, n] = data.bbox;
    layers.push(
      new PolygonLayer({
        id: 'getekend-gebied',
        data: [
          [
            [w, s],
            [w, n],
            [e, n],
            [e, s],
            [w, s],
          ],
        ],
        getPolygon: (p: [number, number][]) => p,
        filled: false,
        stroked: true,
        getLineColor: [21, 66, 115, 255],
        getLineWidth: 3,
        lineWidthUnits: 'pixels',
      }),
    );
  }
  return layers;
}
