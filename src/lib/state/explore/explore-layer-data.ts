/**
 * Loaders of the Verkennen map layers over the projection (explore-facts.ts): one query
 * per layer, aggregated in SQL, so no layer loops over a million records in JavaScript.
 */
import { cellPolygon } from '$lib/analysis/hex-grid';
import { computeKde, type KdeGrid } from '$lib/analysis/kde';
import { naturalBreaks } from '$lib/analysis/natural-breaks';
import { approximateRd, type RdPolynomial } from '$lib/analysis/rd-polynomial';
import { wgs84ToRd } from '$lib/analysis/rd';
import type { Connector } from '$lib/data/connector';
import {
  buildFactsGridCountsQuery,
  buildFactsHexCountsQuery,
  buildFactsPointCountQuery,
  buildFactsPointsQuery,
} from '$lib/data/queries/explore-facts';
import { buildHexCellCountsQuery } from '$lib/data/queries/hotspots';
import type { RecordFilter } from '$lib/data/queries/record-filter';
import type { RecordTable } from '$lib/data/schema';
import type { HexDensityCell } from '$lib/display/map-cells';
import { buildPointColumns, type PointColumns } from '$lib/display/point-columns';
import { ensureFacts, FACTS_CELL } from './explore-facts';
import { getGridContext } from '../shared/grid-context';

export interface Selection {
  tables: readonly RecordTable[];
  filter: RecordFilter;
  dataVersion: number;
}

export interface HexLayerData {
  cells: HexDensityCell[];
  /** Upper bounds of the colour classes: natural breaks of the counts (natural-breaks.ts). */
  breaks: number[];
  /** The smallest count of a cell: where the legend's first class starts. */
  min: number;
  size: number;
  /** The lon/lat → RD polynomial the cells were binned with. */
  rd: RdPolynomial;
}

/** Grid cell of the density surface: a fifth of the bandwidth, at least 25 m. */
export function kdeCellSize(bandwidth: number): number {
  return Math.max(25, Math.round(bandwidth / 5));
}

/** Records per hexagon: from the projection at its cell size, else binned from the tables. */
export async function loadHex(conn: Connector, at: Selection, size: number): Promise<HexLayerData> {
  let rows: { q: number; r: number; n: number }[];
  const grid = await getGridContext(conn, at.dataVersion);
  if (size === FACTS_CELL) {
    await ensureFacts(conn, at.dataVersion);
    rows = await conn.query(buildFactsHexCountsQuery(at.tables, at.filter));
  } else {
    rows = await conn.query(
      buildHexCellCountsQuery([...at.tables], { size, rd: grid.rd, filter: at.filter }),
    );
  }
  const cells = rows.map((row) => ({
    polygon: cellPolygon(row.q, row.r, size),
    q: row.q,
    r: row.r,
    count: row.n,
  }));
  return {
    cells,
    size,
    rd: grid.rd,
    breaks: naturalBreaks(
      cells.map((c) => c.count),
      5,
    ),
    min: cells.reduce((lo, c) => Math.min(lo, c.count), Infinity),
  };
}

/** One row: located records under the filter, and inside `box` when given. */
export async function countPoints(
  conn: Connector,
  at: Selection,
  box: readonly number[] | null,
): Promise<{ total: number; inView: number | null }> {
  await ensureFacts(conn, at.dataVersion);
  const [row] = await conn.query<{ total: number; in_view: number | null }>(
    buildFactsPointCountQuery(at.tables, at.filter, box),
  );
  return { total: row.total, inView: row.in_view };
}

/** The located records (inside `box` when given) as point layer columns. */
export async function loadPoints(
  conn: Connector,
  at: Selection,
  box: readonly number[] | null,
): Promise<PointColumns> {
  await ensureFacts(conn, at.dataVersion);
  return buildPointColumns(await conn.queryArrow(buildFactsPointsQuery(at.tables, at.filter, box)));
}

/**
 * The kernel density surface: records counted in DuckDB on a lon/lat grid of half the
 * surface's cell size, each square's count placed at its centre as a weight. A record moves
 * by at most half a square's diagonal (21 m at the 300 m default bandwidth: 60 m cells,
 * 30 m squares), small against the bandwidth; the total mass is exactly the record count.
 */
export async function loadKde(
  conn: Connector,
  at: Selection,
  bandwidth: number,
): Promise<{ grid: KdeGrid; max: number }> {
  const grid = await getGridContext(conn, at.dataVersion);
  await ensureFacts(conn, at.dataVersion);
  const b = grid.bounds;
  const cellSize = kdeCellSize(bandwidth);
  const metres = cellSize / 2;
  const lat0 = (b.minLat + b.maxLat) / 2;
  const step: [number, number] = [
    metres / (111_320 * Math.cos((lat0 * Math.PI) / 180)),
    metres / 110_574,
  ];
  const origin: [number, number] = [b.minLon, b.minLat];
  const squares = await conn.query<{ i: number; j: number; n: number }>(
    buildFactsGridCountsQuery(at.tables, at.filter, origin, step),
  );
  const n = squares.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const weight = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const s = squares[k];
    [x[k], y[k]] = approximateRd(
      grid.rd,
      origin[0] + (s.i + 0.5) * step[0],
      origin[1] + (s.j + 0.5) * step[1],
    );
    weight[k] = s.n;
  }
  const [minX, minY] = wgs84ToRd(b.minLon, b.minLat);
  const [maxX, maxY] = wgs84ToRd(b.maxLon, b.maxLat);
  const result = computeKde({ x, y, weight }, { minX, minY, maxX, maxY, cellSize }, bandwidth);
  let max = 0;
  for (let i = 0; i < result.density.length; i++) max = Math.max(max, result.density[i]);
  return { grid: result, max };
}
