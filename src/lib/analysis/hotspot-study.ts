/**
 * Hot spot and emerging hot spot analysis of counts per hexagon cell (from the SQL binning in
 * data/queries/hotspots.ts) over a study area.
 *
 * Study area: every cell with at least MIN_AREA_SHARE of its area inside the area polygons
 * (the municipality, or the selected wijken), empty cells included — Gi* compares each
 * neighbourhood with the mean over all cells where records could occur, so leaving out the
 * zeros would hide hot spots. Edge cells are analysed as records per full cell (count /
 * share; cell-area-share.ts). Cells are a fixed function of (area, size), independent of the
 * filter, so the grid and its neighbour index are built once and reused for every filter
 * change and every time step. Records in cells outside the study area are not analysed;
 * their number is returned as `outside` so the view can say so.
 *
 * Inference: conditional-permutation p-values with BH-FDR (gistar-permutation.ts). The
 * steps are split (values → permutations → cells) so the permutations can run in a worker.
 */
import type { MultiPolygonCoords } from './area-index';
import { listStudyCells } from './cell-area-share';
import {
  computeEmergingHotspots,
  type EmergingCategory,
  type EmergingOptions,
  type EmergingResult,
} from './emerging';
import {
  buildHexNeighbourIndex,
  hexNeighbourhoodOffsets,
  type ConfidenceClass,
  type HexNeighbourhood,
  type NeighbourIndex,
} from './gistar';
import {
  computePermutationHotspots,
  type PermutationHotspots,
  type PermutationOptions,
} from './gistar-permutation';

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
  /** Share of each cell's area inside the study area (MIN_AREA_SHARE … 1). */
  share: Float64Array;
  /** Position of cell (q, r) in the study, or −1 outside it. */
  cellIndex(q: number, r: number): number;
}

// Axial coordinates of RD New cells stay far below 2^21 for any size ≥ 1 m.
const OFFSET = 2 ** 21;
const keyOf = (q: number, r: number) => (q + OFFSET) * 2 ** 22 + (r + OFFSET);

/**
 * The study grid: cells of circumradius `size` (metres) with at least half their area inside
 * `areas` (GeoJSON MultiPolygon coordinates in lon/lat), their shares and their Gi*
 * neighbourhoods.
 */
export function buildHexStudy(
  areas: readonly MultiPolygonCoords[],
  size: number,
  neighbourhood: HexNeighbourhood,
): HexStudy {
  if ('size' in neighbourhood && neighbourhood.size !== size) {
    throw new RangeError('distance band neighbourhood is for another cell size');
  }
  const { q, r, share } = listStudyCells(areas, size);
  const lookup = new Map<number, number>();
  q.forEach((cq, i) => lookup.set(keyOf(cq, r[i]), i));
  const qs = Int32Array.from(q);
  const rs = Int32Array.from(r);
  return {
    size,
    q: qs,
    r: rs,
    index: buildHexNeighbourIndex(qs, rs, hexNeighbourhoodOffsets(neighbourhood)),
    share: Float64Array.from(share),
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
  /** No cell could reach significance with these records: the map shows no classes. */
  tooFew: boolean;
}

/** Counts per study cell (rows for the same cell add up, e.g. incidents + meldingen), the
 * analysed values (records per full cell: count / area share) and the records outside. */
export function studyValues(
  study: HexStudy,
  rows: readonly CellCount[],
): { counts: Float64Array; rates: Float64Array; outside: number } {
  const counts = new Float64Array(study.q.length);
  let outside = 0;
  for (const row of rows) {
    const i = study.cellIndex(row.q, row.r);
    if (i >= 0) counts[i] += row.n;
    else outside += row.n;
  }
  const rates = counts.map((count, i) => count / study.share[i]);
  return { counts, rates, outside };
}

/** The cells of a hot spot analysis from its counts and its (worker-computed) result. */
export function assembleHotspotStudy(
  study: HexStudy,
  counts: ArrayLike<number>,
  result: Pick<PermutationHotspots, 'z' | 'p' | 'confidence' | 'tooFew'>,
  outside: number,
): HotspotStudy {
  let total = 0;
  const cells = Array.from(counts, (count, i): HotspotCell => {
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
  return { cells, total, outside, tooFew: result.tooFew };
}

/** Gi* hot and cold spots (permutation p-values, BH-FDR) for counts per cell. */
export function computeHotspotStudy(
  study: HexStudy,
  rows: readonly CellCount[],
  options: PermutationOptions = {},
): HotspotStudy {
  const { counts, rates, outside } = studyValues(study, rows);
  const result = computePermutationHotspots(rates, study.index, options);
  return assembleHotspotStudy(study, counts, result, outside);
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
  /** In no period could any cell reach significance: no categories are shown. */
  tooFew: boolean;
}

/** Counts and analysed values per period (t = 0 … periods − 1) of the study cells. */
export function periodValues(
  study: HexStudy,
  rows: readonly PeriodCellCount[],
  periods: number,
): { counts: Float64Array[]; rates: Float64Array[]; outside: number } {
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
    return v;
  });
  return { counts: values.map((v) => v.counts), rates: values.map((v) => v.rates), outside };
}

/** The cells of an emerging hot spot analysis from counts per period and its result. */
export function assembleEmergingStudy(
  study: HexStudy,
  counts: readonly ArrayLike<number>[],
  result: Pick<EmergingResult, 'categories' | 'trendZ' | 'trendP' | 'periods' | 'tooFew'>,
  outside: number,
): EmergingStudy {
  let total = 0;
  const cells = result.categories.map((category, i): EmergingCell => {
    const perPeriod = counts.map((v) => v[i]);
    const count = perPeriod.reduce((a, b) => a + b, 0);
    total += count;
    return {
      q: study.q[i],
      r: study.r[i],
      count,
      counts: perPeriod,
      z: result.periods.map((p) => p.z[i]),
      confidence: result.periods.map((p) => p.confidence[i] as ConfidenceClass),
      category,
      trendZ: result.trendZ[i],
      trendP: result.trendP[i],
    };
  });
  return { cells, periods: counts.length, total, outside, tooFew: result.tooFew };
}

/** Emerging hot spot categories from counts per cell per period (t = 0 … periods − 1). */
export function computeEmergingStudy(
  study: HexStudy,
  rows: readonly PeriodCellCount[],
  periods: number,
  options: EmergingOptions = {},
): EmergingStudy {
  const { counts, rates, outside } = periodValues(study, rows, periods);
  const result = computeEmergingHotspots(rates, study.index, options);
  return assembleEmergingStudy(study, counts, result, outside);
}
