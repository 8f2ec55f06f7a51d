/**
 * Jenks natural breaks (Fisher's exact optimisation): the class bounds that minimise the
 * summed squared deviation from each class's mean. Records per hexagon are very skewed
 * (in the demo 81% of cells hold 1–5 records, the centre up to 683), so quantile classes
 * put the whole centre in the top class ("5 – 683": one red block) and plain Jenks puts
 * 85% of the cells in the lowest. Breaking the logarithm of the counts separates both the
 * sparse edge and the busy centre; the bounds are given back on the original scale.
 *
 * Runs over the distinct values weighted by how often they occur (counts repeat a lot),
 * in O(classes × distinct²); the logarithms are snapped to a grid of at most
 * MAX_DISTINCT steps first so a large municipality stays fast.
 */

/** The most distinct values the optimisation runs over (5 × 1,000² steps ≈ 10 ms). */
const MAX_DISTINCT = 1000;

interface Group {
  /** Value on the scale the classes are optimised on. */
  at: number;
  weight: number;
  /** Largest original value in the group: a class's upper bound. */
  max: number;
}

function groupValues(values: readonly number[], transform: (v: number) => number): Group[] {
  const sorted = values.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const lo = transform(sorted[0]);
  const span = transform(sorted[sorted.length - 1]) - lo;
  const step = span > 0 ? span / MAX_DISTINCT : 1;
  const groups: Group[] = [];
  for (const v of sorted) {
    const at = lo + Math.round((transform(v) - lo) / step) * step;
    const last = groups[groups.length - 1];
    if (last && last.at === at) {
      last.weight++;
      last.max = v;
    } else groups.push({ at, weight: 1, max: v });
  }
  return groups;
}

/**
 * Indexes (exclusive ends) into `groups` of the optimal `classes` classes: Fisher's dynamic
 * programme with prefix sums, cost(i, j) = Σw·x² − (Σw·x)² / Σw over groups i … j − 1.
 */
function fisherEnds(groups: readonly Group[], classes: number): number[] {
  const m = groups.length;
  const k = Math.min(classes, m);
  const w = new Float64Array(m + 1);
  const wx = new Float64Array(m + 1);
  const wxx = new Float64Array(m + 1);
  groups.forEach((g, i) => {
    w[i + 1] = w[i] + g.weight;
    wx[i + 1] = wx[i] + g.weight * g.at;
    wxx[i + 1] = wxx[i] + g.weight * g.at * g.at;
  });
  const cost = (i: number, j: number) => {
    const sw = w[j] - w[i];
    const sx = wx[j] - wx[i];
    return wxx[j] - wxx[i] - (sx * sx) / sw;
  };
  // best[c][j]: least cost of the first j groups in c + 1 classes; from[c][j]: its last start.
  const best = Array.from({ length: k }, () => new Float64Array(m + 1).fill(Infinity));
  const from = Array.from({ length: k }, () => new Int32Array(m + 1));
  for (let j = 1; j <= m; j++) best[0][j] = cost(0, j);
  for (let c = 1; c < k; c++) {
    for (let j = c + 1; j <= m; j++) {
      for (let i = c; i < j; i++) {
        const total = best[c - 1][i] + cost(i, j);
        if (total < best[c][j]) {
          best[c][j] = total;
          from[c][j] = i;
        }
      }
    }
  }
  const ends = [m];
  for (let c = k - 1, j = m; c > 0; c--) {
    j = from[c][j];
    ends.unshift(j);
  }
  return ends;
}

/**
 * A bound a reader takes in at a glance: integers below 100 stay, larger values keep two
 * significant digits (137 → 140); decimals keep two significant digits (2,345 → 2,3).
 */
export function roundBound(value: number): number {
  if (value <= 0) return value;
  if (Number.isInteger(value) && value < 100) return value;
  const exponent = Math.floor(Math.log10(value)) - 1;
  // Divide by a whole power of ten where it is below 1: 0.0456 → 46 / 1000, no float tail.
  return exponent < 0
    ? Math.round(value * 10 ** -exponent) / 10 ** -exponent
    : Math.round(value / 10 ** exponent) * 10 ** exponent;
}

/**
 * Upper bounds (ascending, the last = the maximum) of up to `classes` natural-break
 * classes of the positive values, on a log scale, rounded (roundBound) and distinct.
 * Zeros and non-finite values are left out: an empty cell is not drawn.
 */
export function naturalBreaks(values: readonly number[], classes: number): number[] {
  const groups = groupValues(values, Math.log);
  if (groups.length === 0 || classes < 1) return [];
  const ends = fisherEnds(groups, classes);
  const max = groups[groups.length - 1].max;
  const breaks: number[] = [];
  for (const end of ends.slice(0, -1)) {
    const bound = roundBound(groups[end - 1].max);
    if (bound < max && (breaks.length === 0 || bound > breaks[breaks.length - 1])) {
      breaks.push(bound);
    }
  }
  breaks.push(max);
  return breaks;
}
