/**
 * The Mann-Kendall trend test of a series (Mann 1945, Kendall 1975), as used for the trend
 * of a cell's Gi* over the periods of emerging hot spot analysis (emerging.ts).
 */
import { twoSidedPValue } from './normal-distribution';

export interface MannKendallResult {
  n: number;
  s: number;
  varS: number;
  z: number;
  /** Two-sided p-value (1 when Var(S) = 0). */
  p: number;
  /** Kendall's tau-a = S / (n(n−1)/2). */
  tau: number;
}

/** Mann-Kendall trend test with the tie correction and the continuity correction. */
export function mannKendall(series: ArrayLike<number>): MannKendallResult {
  const n = series.length;
  let s = 0;
  for (let k = 0; k < n - 1; k++) {
    for (let j = k + 1; j < n; j++) s += Math.sign(series[j] - series[k]);
  }
  const sorted = Float64Array.from(series).sort();
  let ties = 0;
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && sorted[end] === sorted[start]) end++;
    const t = end - start;
    ties += t * (t - 1) * (2 * t + 5);
    start = end;
  }
  const varS = (n * (n - 1) * (2 * n + 5) - ties) / 18;
  const z = varS > 0 && s !== 0 ? (s - Math.sign(s)) / Math.sqrt(varS) : 0;
  const pairs = (n * (n - 1)) / 2;
  return { n, s, varS, z, p: twoSidedPValue(z), tau: pairs > 0 ? s / pairs : 0 };
}
