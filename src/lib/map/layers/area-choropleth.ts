/**
 * Wijken or buurten coloured by count or rate per 1,000 inhabitants (quantile classes,
 * ColorBrewer YlOrRd). Areas without a rate (water only, suppressed or no inhabitants) are
 * hatched grey in the legend's words; the selected area gets a thick outline.
 */
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection } from 'geojson';
import { classOf, type AreaRate } from '$lib/analysis/area-rates';
import { SEQUENTIAL_COLORS } from './hex-density';

export interface ChoroplethFeatureProps {
  code: string;
  area: AreaRate;
}

export const NO_RATE_COLOR: [number, number, number, number] = [170, 170, 170, 120];

const collections = new WeakMap<ReadonlyMap<string, AreaRate>, FeatureCollection>();

/** The areas with their figures, once per result (deck.gl compares `data` by identity). */
function dataOf(features: FeatureCollection, rates: ReadonlyMap<string, AreaRate>) {
  let data = collections.get(rates);
  if (!data) {
    const list: Feature[] = features.features.map((f) => ({
      ...f,
      properties: { ...f.properties, area: rates.get(String(f.properties?.code)) },
    }));
    data = { type: 'FeatureCollection', features: list };
    collections.set(rates, data);
  }
  return data;
}

export function buildChoroplethLayer(
  id: string,
  features: FeatureCollection,
  rates: ReadonlyMap<string, AreaRate>,
  options: {
    measure: 'aantal' | 'per1000';
    breaks: readonly number[];
    selected: readonly string[];
  },
) {
  const valueOf = (area: AreaRate | undefined) =>
    !area ? null : options.measure === 'aantal' ? area.count : area.rate;
  const selected = options.selected.join(',');
  return new GeoJsonLayer({
    id,
    data: dataOf(features, rates),
    filled: true,
    stroked: true,
    pickable: true,
    getFillColor: (f) => {
      const area = f.properties?.area as AreaRate | undefined;
      if (area?.status === 'water') return [0, 0, 0, 0];
      const value = valueOf(area);
      if (value === null) return NO_RATE_COLOR;
      return SEQUENTIAL_COLORS[classOf(value, options.breaks)];
    },
    getLineColor: (f) =>
      options.selected.includes(String(f.properties?.code))
        ? [21, 66, 115, 255]
        : [60, 60, 60, 200],
    getLineWidth: (f) => (options.selected.includes(String(f.properties?.code)) ? 4 : 1),
    lineWidthUnits: 'pixels',
    updateTriggers: {
      getFillColor: [options.measure, options.breaks.join(',')],
      getLineColor: selected,
      getLineWidth: selected,
    },
  });
}
