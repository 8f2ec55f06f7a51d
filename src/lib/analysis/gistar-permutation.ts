/**
 * Permutation inference for Getis-Ord Gi* (issue 23): p-values that hold at every density.
 *
 * The normal approximation of Gi* fails for sparse counts (a mean well below 1–2 records
 * per cell gives a strongly skewed null distribution), and Benjamini-Hochberg cannot repair
 * wrong per-cell p-values. Here each cell's p-value comes from the randomization null that
 * defines Gi* itself: Getis & Ord (1992, §2; Ord & Getis 1995) standardise Gi* with the
 * mean and variance of its neighbourhood sum when the n values are assigned to the n cells
 * at random — the neighbourhood (the cell included, as the star says) a random sample of w
 * values without replacement from all n. (So E S_i = w X̄ and the variance uses
 * (n Σw² − (Σw)²)/(n − 1), as in statistics.md.) Instead of reading that distribution as
 * normal, it is sampled: permutations as in PySAL esda's `crand` (Anselin 1995, "Local
 * indicators of spatial association — LISA", Geogr. Anal. 27, §4), except that PySAL keeps
 * the cell's own value fixed (conditional randomization, made for Moran's Ii, where x_i
 * multiplies the lag). For Gi* the own value is part of the sum, and fixing it would miss a
 * hot spot concentrated in one cell (the demo's new horeca spot: 73 records in one cell,
 * quiet neighbours). With binary weights Gi* is an increasing affine function of S_i, so
 * the test runs on S_i; two-sided on |S_i − w X̄| (equivalently |Gi*|), hot when Gi* > 0.
 *
 * Monte Carlo p-values as PySAL: p = (g + 1)/(N + 1), g of N permutations at least as
 * extreme — exact under the null (P(p ≤ α) ≤ α; Davison & Hinkley 1997, §4.2). Their floor
 * is 1/(N + 1), and BH at level q flags R of m cells only when p ≤ qR/m: with PySAL's
 * N = 999 and m = 2,000 cells no cell could pass at 95 % unless 40 did at once. The default
 * N = 20 m − 1 lets a single cell pass at 95 % (p ≤ 0.05/m) and five together at 99 %; the
 * shared-table counting below keeps that affordable.
 *
 * What BH then guarantees (Benjamini & Hochberg 1995, Thm 1; Benjamini & Yekutieli 2001 for
 * positively dependent tests): the expected share of false alarms among the flagged cells
 * is at most q. On a map without any real cluster every flagged cell is false, so the share
 * of such maps showing any hot or cold cell is at most q as well — the claim the legend
 * makes and the simulation tests check. It is not a per-map (family-wise) bound on maps
 * that do contain real clusters.
 */
import {
  computeGiStar,
  CONFIDENCE_LEVELS,
  classifyConfidence,
  type NeighbourIndex,
} from './gistar';
import {
  computePermutationPValues,
  computePooledPermutationPValues,
  defaultPermutations,
  type PermutationOptions,
  type SpaceTimeOptions,
} from './permutation-pvalues';

export {
  computePermutationPValues,
  computePooledPermutationPValues,
  defaultPermutations,
  drawSubsets,
  type PermutationOptions,
  type PermutationPValues,
  type SpaceTimeOptions,
} from './permutation-pvalues';

/** Shown instead of hot and cold spot classes below the floor (cannotReachSignificance). */
export const TOO_FEW_TEXT =
  'Te weinig registraties voor een hotspotanalyse: met dit aantal kan geen enkele cel significant worden.';

/**
 * Whether no cell could reach significance at false discovery rate q, whatever the
 * arrangement of these values — the honest floor below which the map says "te weinig
 * registraties". A sound necessary condition, from bounds on the permutation p-value with
 * Z non-empty cells and neighbourhoods of w cells (itself included): a hot cell needs a
 * non-empty cell in its neighbourhood, so at most Z·w cells can be hot, and its p is at
 * least the chance that a random neighbourhood holds all min(w, Z) non-empty cells it
 * holds, Π_{t<min(w,Z)} (w − t)/(n − t); a cold cell's p is at least the chance that a
 * random neighbourhood is all empty, C(n − Z, w)/C(n, w). BH flags R cells only if R of
 * them have p ≤ qR/m; and no p is below 1/(N + 1). With a `pool` (the values of the whole
 * space-time cube, of which `values` is one period: computePooledPermutationPValues) the
 * random neighbourhood is drawn from its P values instead: n becomes P in both bounds and
 * the cold bound counts the pool's non-empty values; the hot side still counts this
 * period's non-empty cells. With a space-time neighbourhood of `depth` periods
 * (computePooledPermutationPValues' timeSteps), `values` holds those periods' n·depth
 * values, each neighbourhood has depth·w bins and Z counts the non-empty bins among them
 * (each can make at most w cells of the period hot). Values must be non-negative (counts,
 * rates).
 */
export function cannotReachSignificance(
  values: ArrayLike<number>,
  index: NeighbourIndex,
  q: number,
  permutations = defaultPermutations(index.n),
  pool: ArrayLike<number> = values,
  depth = 1,
): boolean {
  const n = index.n;
  const size = pool.length;
  if (n < 2 || size < 2) return true;
  if (values.length !== n * depth) throw new RangeError(`${values.length} values, ${depth}·${n}`);
  let nonEmpty = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== 0) nonEmpty++;
  let poolNonEmpty = 0;
  let allEqual = true;
  for (let k = 0; k < size; k++) {
    if (pool[k] !== 0) poolNonEmpty++;
    if (pool[k] !== pool[0]) allEqual = false;
  }
  if (allEqual) return true;
  let hotBound = 1;
  let coldBound = 1;
  let wMax = 0;
  const sizes = new Set<number>();
  for (let i = 0; i < n; i++) sizes.add(index.offsets[i + 1] - index.offsets[i]);
  for (const spatial of sizes) {
    const w = spatial * depth;
    if (w <= 0 || w >= size) continue;
    wMax = Math.max(wMax, spatial);
    let hot = 1;
    for (let t = 0; t < Math.min(w, nonEmpty); t++) hot *= (w - t) / (size - t);
    let cold = 1;
    for (let t = 0; t < w; t++) cold *= Math.max(0, size - poolNonEmpty - t) / (size - t);
    hotBound = Math.min(hotBound, hot);
    coldBound = Math.min(coldBound, cold);
  }
  if (wMax === 0) return true;
  const floor = 1 / (permutations + 1);
  const coldPossible = Math.max(coldBound, floor) <= q;
  const maxFlagged = coldPossible ? n : Math.min(n, nonEmpty * wMax);
  const hotPossible = Math.max(hotBound, floor) <= (q * maxFlagged) / n;
  return !hotPossible && !coldPossible;
}

export interface PermutationHotspots {
  /** Gi* z-scores (the statistic, for display and trends). */
  z: Float64Array;
  /** Permutation p-values (two-sided). */
  p: Float64Array;
  /** ConfidenceClass per cell: BH-FDR at 90/95/99 %, signed by the permutation side. */
  confidence: Int8Array;
  /** True when no cell could reach even the 90 % class (see cannotReachSignificance). */
  tooFew: boolean;
  permutations: number;
}

/** Gi* with permutation p-values and Benjamini-Hochberg FDR classes. */
export function computePermutationHotspots(
  values: ArrayLike<number>,
  index: NeighbourIndex,
  options: PermutationOptions = {},
): PermutationHotspots {
  const z = computeGiStar(values, index);
  const result = computePermutationPValues(values, index, options);
  const loosest = Math.max(...CONFIDENCE_LEVELS.map((c) => c.alpha));
  const tooFew = cannotReachSignificance(values, index, loosest, result.permutations);
  const confidence = tooFew
    ? new Int8Array(index.n)
    : classifyConfidence(result.direction, result.p, true);
  return { z, ...result, confidence, tooFew };
}

/**
 * Per period of a space-time cube: permutation p-values against the pooled cube, with the
 * space-time neighbourhood of `timeSteps` (computePooledPermutationPValues), and
 * Benjamini-Hochberg FDR classes per period. `z` is each period's own, purely spatial Gi*
 * (computeGiStar), for display and trends.
 */
export function computePooledPermutationHotspots(
  valuesPerPeriod: readonly ArrayLike<number>[],
  index: NeighbourIndex,
  options: SpaceTimeOptions = {},
): PermutationHotspots[] {
  const results = computePooledPermutationPValues(valuesPerPeriod, index, options);
  const n = index.n;
  const pool = new Float64Array(n * valuesPerPeriod.length);
  valuesPerPeriod.forEach((values, t) => pool.set(Array.from(values), t * n));
  const timeSteps = options.timeSteps ?? 0;
  const loosest = Math.max(...CONFIDENCE_LEVELS.map((c) => c.alpha));
  return valuesPerPeriod.map((values, t) => {
    const result = results[t];
    const first = Math.max(0, t - timeSteps);
    const window = pool.subarray(first * n, (t + 1) * n);
    const tooFew = cannotReachSignificance(
      window,
      index,
      loosest,
      result.permutations,
      pool,
      t - first + 1,
    );
    const confidence = tooFew
      ? new Int8Array(index.n)
      : classifyConfidence(result.direction, result.p, true);
    return { z: computeGiStar(values, index), ...result, confidence, tooFew };
  });
}
