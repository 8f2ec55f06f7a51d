/**
 * Hot spot and emerging hot spot analysis of counts per hexagon cell (from the SQL binning in
 * data/queries/hotspots.ts) over a study area.
 *
 * Study area: every cell whose centre lies inside the area polygons (the municipality, or
 * the selected wijken), empty cells included — Gi* compares each neighbourhood with the mean
 * over all cells where records could occur, so leaving out the zeros would hide hot spots.
 * Cells are a fixed function of (area, size), independent of the filter, so the grid and its
 * neighbour index are built once and reused for every filter change and every time step.
 * Records in cells whose centre lies outside the area (a boundary cell mostly outside) are
 * not analysed; their number is returned as `outside` so the view can say so.
 */
import { pointInMultiPolygon, type MultiPolygonCoords } from './area-index';
import { computeEmergingHotspots, type EmergingCategory, type EmergingOptions } from './emerging';
import {
  buildHexNeighbourIndex,
  computeHotspots,
  hexNeighbourhoodOffsets,
  type ConfidenceClass,
  type HexNeighbourhood,
  type NeighbourIndex,
} from './gistar';
import { cellCentre, cellsInExtent } from './hex-grid';
import { rdToWgs84, wgs84ToRd } from './rd';

/** One row of buildHexCellCountsQuery. */
export interface CellCount {
  q: number;
  r: number;
  n: number;
}

/** One row of buildHexCellPeriodCountsQuery (t = 0 is the oldest step). */
export interface PeriodCellCount extends CellCount {
  t: number;
}

export interface HexStudy {
  size: number;
  q: Int32Array;
  r: Int32Array;
  index: NeighbourIndex;
  /** Position of cell (q, r) in the study, or −1 outside it. */
  cellIndex(q: number, r: number): number;
}

// Axial coordinates of RD New cells stay far below 2^21 for any size ≥ 1 m.
const OFFSET = 2 ** 21;
const keyOf = (q: number, r: number) => (q + OFFSET) * 2 ** 22 + (r + OFFSET);

/**
 * The study grid: cells of circumradius `size` (metres) with centres inside any of `areas`
 * (GeoJSON MultiPolygon coordinates in lon/lat), and their Gi* neighbourhoods.
 */
export function buildHexStudy(
  areas: readonly MultiPolygonCoords[],
  size: number,
  neighbourhood: HexNeighbourhood,
): HexStudy {
  if ('size' in neighbourhood && neighbourhood.size !== size) {
    throw new RangeError('distance band neighbourhood is for another cell size');
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const multi of areas) {
    for (const polygon of multi) {
      for (const [lon, lat] of polygon[0] ?? []) {
        const [x, y] = wgs84ToRd(lon, lat);
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
    }
  }
  const q: number[] = [];
  const r: number[] = [];
  if (minX <= maxX) {
    // One cell of margin: edges between projected vertices bow slightly in RD.
    const box = cellsInExtent(minX - size, minY - size, maxX + size, maxY + size, size);
    for (let i = 0; i < box.q.length; i++) {
      const [lon, lat] = rdToWgs84(...cellCentre(box.q[i], box.r[i], size));
      if (areas.some((multi) => pointInMultiPolygon(lon, lat, multi))) {
        q.push(box.q[i]);
        r.push(box.r[i]);
      }
    }
  }
  const lookup = new Map<number, number>();
  q.forEach((cq, i) => lookup.set(keyOf(cq, r[i]), i));
  const qs = Int32Array.from(q);
  const rs = Int32Array.from(r);
  return {
    size,
    q: qs,
    r: rs,
    index: buildHexNeighbourIndex(qs, rs, hexNeighbourhoodOffsets(neighbourhood)),
    cellIndex: (cq, cr) => lookup.get(keyOf(cq, cr)) ?? -1,
  };
}

export interface HotspotCell {
  q: number;
  r: number;
  count: number;
  z: number;
  /** Two-sided p-value of z. */
  p: number;
  /** ArcGIS Gi_Bin: ±3/±2/±1 hot/cold at 99/95/90 % after FDR, 0 not significant. */
  confidence: ConfidenceClass;
}

export interface HotspotStudy {
  cells: HotspotCell[];
  /** Records counted in the study area, and in cells outside it (not analysed). */
  total: number;
  outside: number;
}

/** Counts per study cell (rows for the same cell add up, e.g. incidents + meldingen). */
function studyValues(study: HexStudy, rows: readonly CellCount[]) {
  const values = new Float64Array(study.q.length);
  let outside = 0;
  for (const row of rows) {
    const i = study.cellIndex(row.q, row.r);
    if (i >= 0) values[i] += row.n;
    else outside += row.n;
  }
  return { values, outside };
}

/** Gi* hot and cold spots (FDR-corrected unless `fdr: false`) for counts per cell. */
export function computeHotspotStudy(
  study: HexStudy,
  rows: readonly CellCount[],
  options: { fdr?: boolean } = {},
): HotspotStudy {
  const { values, outside } = studyValues(study, rows);
  const result = computeHotspots(values, study.index, options);
  let total = 0;
  const cells = Array.from(values, (count, i): HotspotCell => {
    total += count;
    return {
      q: study.q[i],
      r: study.r[i],
      count,
      z: result.z[i],
      p: result.p[i],
      confidence: result.confidence[i] as ConfidenceClass,
    };
  });
  return { cells, total, outside };
}

export interface EmergingCell {
  q: number;
  r: number;
  /** Records over all periods, and per period (oldest first). */
  count: number;
  counts: number[];
  /** Gi* z-score and confidence class per period. */
  z: number[];
  confidence: ConfidenceClass[];
  category: EmergingCategory;
  /** Mann-Kendall trend of the z-scores. */
  trendZ: number;
  trendP: number;
}

export interface EmergingStudy {
  cells: EmergingCell[];
  periods: number;
  total: number;
  outside: number;
}

/** Emerging hot spot categories from counts per cell per period (t = 0 … periods − 1). */
export function computeEmergingStudy(
  study: HexStudy,
  rows: readonly PeriodCellCount[],
  periods: number,
  options: EmergingOptions = {},
): EmergingStudy {
  if (!Number.isInteger(periods) || periods < 1) throw new RangeError('periods must be ≥ 1');
  const byPeriod: CellCount[][] = Array.from({ length: periods }, () => []);
  for (const row of rows) {
    if (!Number.isInteger(row.t) || row.t < 0 || row.t >= periods) {
      throw new RangeError(`period ${row.t} outside 0…${periods - 1}`);
    }
    byPeriod[row.t].push(row);
  }
  let outside = 0;
  const values = byPeriod.map((period) => {
    const v = studyValues(study, period);
    outside += v.outside;
    return v.values;
  });
  const result = computeEmergingHotspots(values, study.index, options);
  let total = 0;
  const cells = result.categories.map((category, i): EmergingCell => {
    const counts = values.map((v) => v[i]);
    const count = counts.reduce((a, b) => a + b, 0);
    total += count;
    return {
      q: study.q[i],
      r: study.r[i],
      count,
      counts,
      z: result.periods.map((p) => p.z[i]),
      confidence: result.periods.map((p) => p.confidence[i] as ConfidenceClass),
      category,
      trendZ: result.trendZ[i],
      trendP: result.trendP[i],
    };
  });
  return { cells, periods, total, outside };
}
