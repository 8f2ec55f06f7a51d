/**
 * Getis-Ord Gi* hot spot statistic with Benjamini-Hochberg FDR correction, as in ArcGIS
 * "Hot Spot Analysis (Getis-Ord Gi*)" with "Apply False Discovery Rate (FDR) Correction" and
 * PySAL `esda.G_Local(star=True)` with binary weights. Formulas: shared/reference/
 * statistics.md; Getis & Ord (1992), Ord & Getis (1995), eq. for Gi* as a z-score:
 *
 *     Gi* = (Σ_j w_ij x_j − X̄ Σ_j w_ij) / (S · √((n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1)))
 *
 * with X̄ and S (population standard deviation) over all n cells of the study area, zero-count
 * cells included, and w_ii = 1. Weights are binary (1 within k rings or a distance band), so
 * Σ w_ij = Σ w_ij² = the number of neighbourhood cells inside the study area.
 *
 * Speed: neighbours live in one CSR index (two Int32Arrays) built once per grid and reused
 * for every time step; values and results are Float64Arrays. 10,000 cells with 2-ring
 * neighbourhoods take a few milliseconds (see runGiStarBenchmark).
 */
import { createRandom } from './random';
import { distanceBandOffsets, ringOffsets } from './hex-grid';
import { twoSidedPValue } from './normal-distribution';

export { normalCdf, twoSidedPValue } from './normal-distribution';

/** Binary spatial weights in compressed sparse rows: cell i's neighbourhood (itself
 * included) is neighbours[offsets[i] … offsets[i + 1]). */
export interface NeighbourIndex {
  n: number;
  offsets: Int32Array;
  neighbours: Int32Array;
}

/** An index from explicit neighbour lists (cell indices); each cell is added to its own
 * list when missing, since Gi* includes w_ii. */
export function buildNeighbourIndex(lists: readonly (readonly number[])[]): NeighbourIndex {
  const n = lists.length;
  const offsets = new Int32Array(n + 1);
  const flat: number[] = [];
  for (let i = 0; i < n; i++) {
    const own = new Set(lists[i]);
    own.add(i);
    for (const j of own) {
      if (!Number.isInteger(j) || j < 0 || j >= n) throw new RangeError(`bad neighbour ${j}`);
      flat.push(j);
    }
    offsets[i + 1] = flat.length;
  }
  return { n, offsets, neighbours: Int32Array.from(flat) };
}

/**
 * The neighbour index of hexagon cells (q[i], r[i]) — the study area — for a set of axial
 * offsets (from ringOffsets or distanceBandOffsets, (0, 0) included). Neighbours outside the
 * study area are left out, so edge cells have smaller neighbourhoods, as in ArcGIS.
 */
export function buildHexNeighbourIndex(
  q: ArrayLike<number>,
  r: ArrayLike<number>,
  offsets: readonly (readonly [number, number])[],
): NeighbourIndex {
  const n = q.length;
  let qMin = Infinity;
  let qMax = -Infinity;
  let rMin = Infinity;
  let rMax = -Infinity;
  for (let i = 0; i < n; i++) {
    qMin = Math.min(qMin, q[i]);
    qMax = Math.max(qMax, q[i]);
    rMin = Math.min(rMin, r[i]);
    rMax = Math.max(rMax, r[i]);
  }
  // Cell lookup: a dense array over the bounding box (fast), a Map when that would be huge.
  const width = qMax - qMin + 1;
  const height = rMax - rMin + 1;
  const dense = n > 0 && width * height <= Math.max(4_000_000, 16 * n);
  const grid = dense ? new Int32Array(width * height).fill(-1) : null;
  const map = dense ? null : new Map<number, number>();
  const key = (cq: number, cr: number) => (cq - qMin) * height + (cr - rMin);
  for (let i = 0; i < n; i++) {
    if (grid) grid[key(q[i], r[i])] = i;
    else map!.set(key(q[i], r[i]), i);
  }
  const lookup = (cq: number, cr: number): number => {
    if (cq < qMin || cq > qMax || cr < rMin || cr > rMax) return -1;
    return grid ? grid[key(cq, cr)] : (map!.get(key(cq, cr)) ?? -1);
  };
  const starts = new Int32Array(n + 1);
  const neighbours = new Int32Array(n * offsets.length);
  let at = 0;
  for (let i = 0; i < n; i++) {
    for (const [dq, dr] of offsets) {
      const j = lookup(q[i] + dq, r[i] + dr);
      if (j >= 0) neighbours[at++] = j;
    }
    starts[i + 1] = at;
  }
  return { n, offsets: starts, neighbours: neighbours.slice(0, at) };
}

/** Gi* z-scores. A cell whose neighbourhood covers the whole study area, or a study area
 * where all values are equal, has no defined z-score; it gets 0 (not significant). */
export function computeGiStar(values: ArrayLike<number>, index: NeighbourIndex): Float64Array {
  const n = index.n;
  if (values.length !== n) throw new RangeError(`${values.length} values for ${n} cells`);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
  // Population SD: Σx²/n − X̄² in statistics.md, computed in two passes for accuracy.
  const s = Math.sqrt(squares / n);
  const z = new Float64Array(n);
  const { offsets, neighbours } = index;
  for (let i = 0; i < n; i++) {
    let lag = 0;
    const end = offsets[i + 1];
    for (let k = offsets[i]; k < end; k++) lag += values[neighbours[k]];
    const w = end - offsets[i];
    const denominator = s * Math.sqrt((n * w - w * w) / (n - 1));
    z[i] = denominator > 0 ? (lag - mean * w) / denominator : 0;
  }
  return z;
}

/**
 * Benjamini & Hochberg (1995) step-up rule at false discovery rate q: sort the m p-values,
 * find the largest k with p(k) ≤ (k/m)·q; the k smallest are significant. Returns k and the
 * cut-off p(k) (−Infinity when nothing is significant): p is significant iff p ≤ cutoff.
 */
export function benjaminiHochberg(
  pValues: ArrayLike<number>,
  q: number,
): { significant: number; cutoff: number } {
  const sorted = Float64Array.from(pValues).sort();
  const m = sorted.length;
  for (let k = m; k >= 1; k--) {
    if (sorted[k - 1] <= (k / m) * q) return { significant: k, cutoff: sorted[k - 1] };
  }
  return { significant: 0, cutoff: -Infinity };
}

/** Confidence class per cell as ArcGIS's Gi_Bin: 3/2/1 hot spot at 99/95/90 %, 0 not
 * significant, −1/−2/−3 cold spot at 90/95/99 %. */
export type ConfidenceClass = -3 | -2 | -1 | 0 | 1 | 2 | 3;

export const CONFIDENCE_LEVELS = [
  { level: 1, confidence: 90, alpha: 0.1 },
  { level: 2, confidence: 95, alpha: 0.05 },
  { level: 3, confidence: 99, alpha: 0.01 },
] as const;

/** Legend texts in plain Dutch, per class (key: the Gi_Bin value). */
export const CONFIDENCE_LABELS: Record<ConfidenceClass, { label: string; uitleg: string }> = {
  3: {
    label: 'Hotspot (99%)',
    uitleg:
      'Cel in een cluster van hoge aantallen. Van alle cellen met deze kleur is naar verwachting hooguit 1 op de 100 vals alarm.',
  },
  2: {
    label: 'Hotspot (95%)',
    uitleg:
      'Cel in een cluster van hoge aantallen. Van alle gekleurde cellen (hot- en coldspots) van 95% en hoger is naar verwachting hooguit 1 op de 20 vals alarm.',
  },
  1: {
    label: 'Hotspot (90%)',
    uitleg:
      'Cel in een cluster van hoge aantallen. Van alle gekleurde cellen (hot- en coldspots) van 90% en hoger is naar verwachting hooguit 1 op de 10 vals alarm.',
  },
  0: {
    label: 'Niet significant',
    uitleg: 'Hier is geen opeenhoping te zien die groter is dan toeval kan verklaren.',
  },
  [-1]: {
    label: 'Coldspot (90%)',
    uitleg:
      'Cel in een cluster van lage aantallen. Van alle gekleurde cellen (hot- en coldspots) van 90% en hoger is naar verwachting hooguit 1 op de 10 vals alarm.',
  },
  [-2]: {
    label: 'Coldspot (95%)',
    uitleg:
      'Cel in een cluster van lage aantallen. Van alle gekleurde cellen (hot- en coldspots) van 95% en hoger is naar verwachting hooguit 1 op de 20 vals alarm.',
  },
  [-3]: {
    label: 'Coldspot (99%)',
    uitleg:
      'Cel in een cluster van lage aantallen. Van alle cellen met deze kleur is naar verwachting hooguit 1 op de 100 vals alarm.',
  },
};

export interface HotspotResult {
  z: Float64Array;
  p: Float64Array;
  /** ConfidenceClass per cell. */
  confidence: Int8Array;
}

/** Gi* z-scores, two-sided p-values and confidence classes (FDR-corrected by default). */
export function computeHotspots(
  values: ArrayLike<number>,
  index: NeighbourIndex,
  options: { fdr?: boolean } = {},
): HotspotResult {
  const z = computeGiStar(values, index);
  const p = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) p[i] = twoSidedPValue(z[i]);
  return { z, p, confidence: classifyConfidence(z, p, options.fdr ?? true) };
}

/**
 * Confidence classes from z-scores and two-sided p-values. With `fdr` a cell is significant
 * at 90/95/99 % when its p-value passes the Benjamini-Hochberg cut-off at q = 0.10/0.05/0.01
 * over all cells (ArcGIS's FDR option); without, when p ≤ 0.10/0.05/0.01. The sign of z
 * makes it a hot or a cold spot.
 */
export function classifyConfidence(
  z: ArrayLike<number>,
  p: ArrayLike<number>,
  fdr: boolean,
): Int8Array {
  const cutoffs = CONFIDENCE_LEVELS.map(({ alpha }) =>
    fdr ? benjaminiHochberg(p, alpha).cutoff : alpha,
  );
  const confidence = new Int8Array(z.length);
  for (let i = 0; i < z.length; i++) {
    let level = 0;
    for (let c = 0; c < cutoffs.length; c++) if (p[i] <= cutoffs[c]) level = c + 1;
    confidence[i] = z[i] > 0 ? level : -level;
  }
  return confidence;
}

/** The neighbourhood of a hex analysis: k rings, or a distance band in metres. */
export type HexNeighbourhood = { rings: number } | { distance: number; size: number };

export function hexNeighbourhoodOffsets(neighbourhood: HexNeighbourhood): [number, number][] {
  return 'rings' in neighbourhood
    ? ringOffsets(neighbourhood.rings)
    : distanceBandOffsets(neighbourhood.size, neighbourhood.distance);
}

/**
 * Input for the benchmark (`hotspots.gistar_10k_ms`) and the performance test: a compact hex
 * patch of about `cells` cells (rows of equal length, like a municipality's bounding area)
 * with Poisson counts, and a function running the full hot spot analysis once (neighbour
 * index, Gi*, p-values, FDR classes) — time that call.
 */
export function createGiStarBenchmark(options: { cells?: number; rings?: number; seed?: number }): {
  q: Int32Array;
  r: Int32Array;
  counts: Float64Array;
  run: () => HotspotResult;
} {
  const side = Math.round(Math.sqrt(options.cells ?? 10_000));
  const n = side * side;
  const q = new Int32Array(n);
  const r = new Int32Array(n);
  const counts = new Float64Array(n);
  const rng = createRandom(options.seed ?? 1);
  for (let row = 0; row < side; row++) {
    for (let col = 0; col < side; col++) {
      const i = row * side + col;
      r[i] = row;
      q[i] = col - Math.floor(row / 2); // offset rows → axial, so the patch is rectangular
      counts[i] = rng.poisson(3);
    }
  }
  const offsets = ringOffsets(options.rings ?? 2);
  const run = () => computeHotspots(counts, buildHexNeighbourIndex(q, r, offsets));
  return { q, r, counts, run };
}
