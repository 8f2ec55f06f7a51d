/**
 * Records as points in columns (typed arrays) for the map: built by the Verkennen model
 * from DuckDB's Arrow result, drawn by map/layers/record-points.ts without per-object
 * JavaScript. Coloured by theme (theme-colors.ts).
 */
import type { Table } from 'apache-arrow';
import { THEMES } from '$lib/data/themes';
import { THEME_COLORS } from './theme-colors';

export interface PointColumns {
  length: number;
  /** [lon, lat] of the first point: positions are float32 offsets from it (about 1 cm
   * precision over a municipality), half the memory of float64 and no fp64 shader maths. */
  origin: [number, number];
  positions: Float32Array;
  colors: Uint8Array;
  /** Index in POINT_SOURCES (queries/explore.ts) and rowid in that table, per point. */
  src: Uint8Array;
  rid: Int32Array;
}

const PALETTE = THEMES.map((theme) => THEME_COLORS[theme]);

/** Arrow (lon, lat, th, src, rid) of buildExplorePointsQuery → layer attributes. */
export function buildPointColumns(table: Table): PointColumns {
  const length = table.numRows;
  const positions = new Float32Array(length * 2);
  let origin: [number, number] | null = null;
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
    if (!origin && batch.numRows > 0) origin = [lon[0], lat[0]];
    const [lon0, lat0] = origin ?? [0, 0];
    for (let i = 0; i < batch.numRows; i++, at++) {
      positions[2 * at] = lon[i] - lon0;
      positions[2 * at + 1] = lat[i] - lat0;
      const [r, g, b] = PALETTE[th[i]] ?? PALETTE[PALETTE.length - 1];
      colors[4 * at] = r;
      colors[4 * at + 1] = g;
      colors[4 * at + 2] = b;
      colors[4 * at + 3] = 200;
    }
  }
  return { length, origin: origin ?? [0, 0], positions, colors, src, rid };
}
