/**
 * Records as points: a pure deck.gl layer builder over columnar (binary) attributes, so a
 * million points need no per-object JavaScript. Picking gives the index; the record's
 * fields are fetched by (source, rowid) for the tooltip.
 */
import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { PointColumns } from '$lib/display/point-columns';

/** One data object per set of columns: deck.gl compares `data` by identity, and a new
 * object would make it upload a million positions again on every redraw. */
interface BinaryData {
  length: number;
  attributes: Record<string, { value: ArrayLike<number>; size: number; normalized?: boolean }>;
}
const binaryData = new WeakMap<PointColumns, BinaryData>();

function dataOf(columns: PointColumns): BinaryData {
  let data = binaryData.get(columns);
  if (!data) {
    data = {
      length: columns.length,
      attributes: {
        getPosition: { value: columns.positions, size: 2 },
        getFillColor: { value: columns.colors, size: 4, normalized: true },
      },
    };
    binaryData.set(columns, data);
  }
  return data;
}

export function buildRecordPointsLayer(id: string, columns: PointColumns) {
  return new ScatterplotLayer({
    id,
    data: dataOf(columns) as unknown as { length: number },
    coordinateSystem: COORDINATE_SYSTEM.LNGLAT_OFFSETS,
    coordinateOrigin: [columns.origin[0], columns.origin[1], 0],
    radiusUnits: 'meters',
    getRadius: 12,
    radiusMinPixels: 1.5,
    radiusMaxPixels: 6,
    stroked: false,
    pickable: true,
  });
}
