/**
 * Fisher's exact test for a 2 × 2 table (Fisher 1935, The Design of Experiments, §2; Agresti,
 * Categorical Data Analysis, 3rd ed., §3.5), two-sided as R's fisher.test:
 *
 *            success   failure
 *   group 1     a         b        n1 = a + b
 *   group 2     c         d        n2 = c + d
 *
 * Given the margins, a is hypergeometric: P(a = i) = C(K, i) C(N − K, n1 − i) / C(N, n1)
 * with K = a + c, N = n1 + n2, i from max(0, n1 + K − N) to min(n1, K). The two-sided
 * p-value is the sum of P(i) over all i with P(i) ≤ P(a)·(1 + 1e-7) (R's relErr). The
 * probabilities are built by the ratio P(i+1)/P(i) = (K − i)(n1 − i) / ((i + 1)(N − K −
 * n1 + i + 1)) in logs and normalised at the end, as R's dnhyper does.
 *
 * Unlike a test against a fixed share, it treats both groups' shares as estimated: the
 * right test for "does this wijk settle cases differently from the other wijken together".
 */

const REL_ERR = 1 + 1e-7;

function assertCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}

/** Two-sided p-value of Fisher's exact test for the table [[a, b], [c, d]]. */
export function fisherExactTest(a: number, b: number, c: number, d: number): number {
  for (const [value, name] of [
    [a, 'a'],
    [b, 'b'],
    [c, 'c'],
    [d, 'd'],
  ] as const) {
    assertCount(value, name);
  }
  const n1 = a + b;
  const k = a + c;
  const n = a + b + c + d;
  const lo = Math.max(0, n1 + k - n);
  const hi = Math.min(n1, k);
  if (lo === hi) return 1; // a margin is 0 or full: only one table possible
  const logs = new Float64Array(hi - lo + 1);
  let max = 0;
  for (let i = lo; i < hi; i++) {
    const step = Math.log(((k - i) * (n1 - i)) / ((i + 1) * (n - k - n1 + i + 1)));
    logs[i - lo + 1] = logs[i - lo] + step;
    if (logs[i - lo + 1] > max) max = logs[i - lo + 1];
  }
  let total = 0;
  for (let j = 0; j < logs.length; j++) total += Math.exp(logs[j] - max);
  const observed = Math.exp(logs[a - lo] - max) * REL_ERR;
  let tail = 0;
  for (let j = 0; j < logs.length; j++) {
    const p = Math.exp(logs[j] - max);
    if (p <= observed) tail += p;
  }
  return Math.min(1, tail / total);
}
