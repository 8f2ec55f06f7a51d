/**
 * Records as points: a pure deck.gl layer builder over columnar (binary) attributes, so a
 * million points need no per-object JavaScript.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Table } from 'apache-arrow';
import { themeColor } from '../theme-colors';

export interface PointColumns {
  length: number;
  positions: Float64Array;
  colors: Uint8Array;
}

/** Arrow (lon, lat, theme) → interleaved positions and RGBA colours. */
export function buildPointColumns(table: Table): PointColumns {
  const length = table.numRows;
  const lon = table.getChild('lon')!.toArray() as Float64Array;
  const lat = table.getChild('lat')!.toArray() as Float64Array;
  const theme = table.getChild('theme')!;
  const positions = new Float64Array(length * 2);
  const colors = new Uint8Array(length * 4);
  for (let i = 0; i < length; i++) {
    positions[2 * i] = lon[i];
    positions[2 * i + 1] = lat[i];
    const [r, g, b] = themeColor(String(theme.get(i)));
    colors.set([r, g, b, 200], 4 * i);
  }
  return { length, positions, colors };
}

export function buildRecordPointsLayer(id: string, columns: PointColumns) {
  return new ScatterplotLayer({
    id,
    data: {
      length: columns.length,
      attributes: {
        getPosition: { value: columns.positions, size: 2 },
        getFillColor: { value: columns.colors, size: 4, normalized: true },
      },
    },
    radiusUnits: 'meters',
    getRadius: 12,
    radiusMinPixels: 1.5,
    radiusMaxPixels: 6,
    stroked: false,
    pickable: false,
  });
}
