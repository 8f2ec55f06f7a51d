/**
 * Records as points: a pure deck.gl layer builder over columnar (binary) attributes, so a
 * million points need no per-object JavaScript. Picking gives the index; the record's
 * fields are fetched by (source, rowid) for the tooltip.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Table } from 'apache-arrow';
import { THEMES } from '$lib/data/themes';
import { THEME_COLORS } from '../theme-colors';

export interface PointColumns {
  length: number;
  positions: Float64Array;
  colors: Uint8Array;
  /** Index in POINT_SOURCES (queries/explore.ts) and rowid in that table, per point. */
  src: Uint8Array;
  rid: Int32Array;
}

const PALETTE = THEMES.map((theme) => THEME_COLORS[theme]);

/** Arrow (lon, lat, th, src, rid) of buildExplorePointsQuery → layer attributes. */
export function buildPointColumns(table: Table): PointColumns {
  const length = table.numRows;
  const positions = new Float64Array(length * 2);
  const colors = new Uint8Array(length * 4);
  const src = new Uint8Array(length);
  const rid = new Int32Array(length);
  let at = 0;
  // Per record batch: typed arrays straight from Arrow, no per-row object access.
  for (const batch of table.batches) {
    const lon = batch.getChild('lon')!.toArray() as Float64Array;
    const lat = batch.getChild('lat')!.toArray() as Float64Array;
    const th = batch.getChild('th')!.toArray() as Uint8Array;
    src.set(batch.getChild('src')!.toArray() as Uint8Array, at);
    rid.set(batch.getChild('rid')!.toArray() as Int32Array, at);
    for (let i = 0; i < batch.numRows; i++, at++) {
      positions[2 * at] = lon[i];
      positions[2 * at + 1] = lat[i];
      const [r, g, b] = PALETTE[th[i]] ?? PALETTE[PALETTE.length - 1];
      colors[4 * at] = r;
      colors[4 * at + 1] = g;
      colors[4 * at + 2] = b;
      colors[4 * at + 3] = 200;
    }
  }
  return { length, positions, colors, src, rid };
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
    pickable: true,
  });
}
