/**
 * The permutation p-values of Gi* (gistar-permutation.ts explains the method): one shared
 * table of random neighbourhoods, sorted row sums per neighbourhood size, and per cell two
 * binary searches; for one map or every period of a space-time cube.
 */
import type { NeighbourIndex } from './gistar';
import { createRandom } from './random';

export interface PermutationOptions {
  /** Maximum draws per cell, N (default 20·n − 1, at least 999). */
  permutations?: number;
  /** Seed of the draws (default 1): the same data and seed give the same map. */
  seed?: number;
}

export interface SpaceTimeOptions extends PermutationOptions {
  /** Neighbourhood time step k of a space-time cube (default 0: purely spatial). Bin (i, t)
   * then sums its spatial neighbours in periods t − k … t (fewer at the start). */
  timeSteps?: number;
}

/** N such that one cell can pass Benjamini-Hochberg at q = 0.05 over n cells. */
export function defaultPermutations(n: number): number {
  return Math.max(999, 20 * n - 1);
}

export interface PermutationPValues {
  /** Two-sided Monte Carlo p-value per cell (1 where no test is possible). */
  p: Float64Array;
  /** +1 neighbour sum above its expectation (hot side), −1 below, 0 equal. */
  direction: Int8Array;
  /** N used. */
  permutations: number;
}

// The last table drawn: a study area is analysed again and again (every filter change, every
// time step) with the same n, N and seed, hence the same table.
let lastTable: { key: string; table: Int32Array } | null = null;

/** Random k-subsets of {0 … others − 1}, `width` per row, `rows` rows (deterministic in the
 * seed). */
export function drawSubsets(rows: number, width: number, others: number, seed: number): Int32Array {
  const key = `${rows}|${width}|${others}|${seed}`;
  if (lastTable?.key === key) return lastTable.table;
  const rng = createRandom(seed);
  const table = new Int32Array(rows * width);
  const stamp = new Int32Array(others);
  for (let row = 0; row < rows; row++) {
    for (let c = 0; c < width; c++) {
      let j = Math.floor(rng.next() * others);
      while (stamp[j] === row + 1) j = Math.floor(rng.next() * others);
      stamp[j] = row + 1;
      table[row * width + c] = j;
    }
  }
  lastTable = { key, table };
  return table;
}

/** Number of entries of an ascending array below `value` (or at most it, `inclusive`). */
function countBelow(sorted: Float64Array, value: number, inclusive = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value || (inclusive && sorted[mid] === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Two-sided permutation p-values of Gi* for every cell, p = (g + 1)/(N + 1) with g of N
 * permutations at least as extreme.
 *
 * One table of N random w-subsets of the n cells serves all cells (as PySAL's `crand` shares
 * its permutation matrix); a cell with a smaller neighbourhood reads a row's first w entries
 * (a random subset of a random subset). A row's sum is then the same for every cell with
 * the same w, so per neighbourhood size the N row sums are computed and sorted once and each
 * cell's count of extreme rows is two binary searches: O(N·w·log N) per distinct w instead
 * of O(n·N·w).
 */
export function computePermutationPValues(
  values: ArrayLike<number>,
  index: NeighbourIndex,
  options: PermutationOptions = {},
): PermutationPValues {
  if (values.length !== index.n)
    throw new RangeError(`${values.length} values for ${index.n} cells`);
  return computePooledPermutationPValues([values], index, options)[0];
}

/**
 * Permutation p-values of Gi* for every cell in every period of a space-time cube, against
 * one reference built from the cell values of all periods pooled (the space-time cube's
 * null, see emerging.ts): under it a neighbourhood of W bins holds a random sample of W of
 * the n·T values without replacement, so E S_it = W·X̄ with X̄ the mean of the whole cube.
 * With `timeSteps` k the neighbourhood of bin (i, t) is space-time, as in ArcGIS's space-time
 * cube (Esri, "How Create Space Time Cube works" / "How Emerging Hot Spot Analysis works":
 * neighbourhood time step): cell i's spatial neighbours in periods max(0, t − k) … t, so
 * W = w_i·(min(t, k) + 1). The same table of N subsets (of the n·T pooled values; a smaller
 * W reads a row's first W entries) and the same sorted row sums per W serve every period,
 * so T periods cost one set of draws plus T·n binary searches. With one period and k = 0
 * this is exactly computePermutationPValues. N defaults to defaultPermutations(n):
 * Benjamini-Hochberg then runs per period over the n cells.
 */
export function computePooledPermutationPValues(
  valuesPerPeriod: readonly ArrayLike<number>[],
  index: NeighbourIndex,
  options: SpaceTimeOptions = {},
): PermutationPValues[] {
  const n = index.n;
  const periods = valuesPerPeriod.length;
  const permutations = options.permutations ?? defaultPermutations(n);
  const timeSteps = options.timeSteps ?? 0;
  if (!Number.isInteger(timeSteps) || timeSteps < 0) throw new RangeError('timeSteps ≥ 0');
  const { offsets, neighbours } = index;
  // The pool: period t's cell i at t·n + i.
  const pooled = new Float64Array(n * periods);
  valuesPerPeriod.forEach((values, t) => {
    if (values.length !== n) throw new RangeError(`${values.length} values for ${n} cells`);
    for (let i = 0; i < n; i++) pooled[t * n + i] = values[i];
  });
  const size = pooled.length;
  let total = 0;
  for (let k = 0; k < size; k++) total += pooled[k];
  const results = valuesPerPeriod.map(() => ({
    p: new Float64Array(n).fill(1),
    direction: new Int8Array(n),
    permutations,
  }));
  // Testable bins (t·n + i) by space-time neighbourhood size W (W ≥ n·T: the whole cube,
  // nothing to permute).
  const groups = new Map<number, number[]>();
  for (let t = 0; t < periods; t++) {
    const depth = Math.min(t, timeSteps) + 1;
    for (let i = 0; i < n; i++) {
      const w = (offsets[i + 1] - offsets[i]) * depth;
      if (w === 0 || w >= size) continue;
      const group = groups.get(w);
      if (group) group.push(t * n + i);
      else groups.set(w, [t * n + i]);
    }
  }
  if (groups.size === 0) return results;
  const width = Math.max(...groups.keys());
  const table = drawSubsets(permutations, width, size, options.seed ?? 1);
  const rowSums = new Float64Array(permutations);
  for (const [w, group] of groups) {
    for (let row = 0; row < permutations; row++) {
      let s = 0;
      for (let c = row * width; c < row * width + w; c++) s += pooled[table[c]];
      rowSums[row] = s;
    }
    const mean = (w * total) / size;
    // Sorting pays off for many bins; a few edge cells with this W are counted directly.
    const sorted = group.length > 16 ? rowSums.slice().sort() : null;
    for (const bin of group) {
      const t = Math.floor(bin / n);
      const i = bin - t * n;
      const { p, direction } = results[t];
      let sum = 0;
      for (let s = Math.max(0, t - timeSteps); s <= t; s++) {
        for (let at = offsets[i]; at < offsets[i + 1]; at++) sum += pooled[s * n + neighbours[at]];
      }
      direction[i] = sum > mean ? 1 : sum < mean ? -1 : 0;
      // Ties count as extreme (conservative); the tolerance absorbs rounding of float sums.
      const threshold = Math.abs(sum - mean) - 1e-9 * (1 + Math.abs(sum) + Math.abs(mean));
      // Extreme: a row sum ≥ E + t or ≤ E − t (two disjoint tails when t > 0).
      let g = permutations;
      if (threshold > 0 && sorted) {
        g =
          permutations -
          countBelow(sorted, mean + threshold) +
          countBelow(sorted, mean - threshold, true);
      } else if (threshold > 0) {
        g = 0;
        for (let row = 0; row < permutations; row++) {
          if (Math.abs(rowSums[row] - mean) >= threshold) g++;
        }
      }
      p[i] = Math.min(1, (g + 1) / (permutations + 1));
    }
  }
  return results;
}
