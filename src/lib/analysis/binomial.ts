/**
 * The binomial distribution, accurate for n up to ~10^7: log-gamma, the probability mass
 * function, both tails, the exact binomial test and the Clopper-Pearson interval. Pure
 * arithmetic, so it runs the same in the browser, Node and tests.
 *
 * Sources
 * - Log-gamma: the Stirling series (Abramowitz & Stegun 1964, eq. 6.1.40, terms up to x^-9),
 *   used for x ≥ 15 and reached from smaller x by the recurrence Γ(x+1) = xΓ(x) (6.1.15).
 *   At x = 15 the first omitted term is ~2·10^-16.
 * - Probability mass: Loader, C. (2000), "Fast and accurate computation of binomial
 *   probabilities" — the saddle-point form with the Stirling error and the deviance term
 *   bd0, as in R's dbinom. Direct lgamma differences lose ~10 digits at n = 10^6; this does not.
 * - Tails: P(X ≥ k) = I_p(k, n−k+1), the regularised incomplete beta function, evaluated with
 *   the continued fraction of Numerical Recipes (Press et al., 3rd ed. 2007, §6.4, `betacf`,
 *   modified Lentz). Its prefactor x^a(1−x)^b / (a·B(a,b)) is written as a Loader binomial
 *   mass times b/(a+b), so it stays accurate for large a and b.
 * - Two-sided p-value: the sum of the probabilities of all outcomes no more likely than the
 *   observed one ("minimum likelihood"), with R's relative fuzz of 1e-7 — the definition of
 *   R's binom.test (R Core Team, src/library/stats/R/binom.test.R).
 * - Confidence interval: Clopper & Pearson (1934), Biometrika 26:404–413, found by bisection
 *   on the tails above (as R's binom.test, which uses qbeta).
 */

const LN_SQRT_2PI = 0.9189385332046727; // ln √(2π)
const LN_2PI = 1.8378770664093453; // ln 2π

/** Σ B_2k / (2k(2k−1) x^(2k−1)) for k = 1..5: the Stirling series remainder of ln Γ(x). */
function stirlingSeries(x: number): number {
  const x2 = x * x;
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / (1188 * x2)) / x2) / x2) / x2) / x;
}

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma needs x > 0, got ${x}`);
  let shifted = x;
  let product = 1;
  while (shifted < 15) {
    product *= shifted;
    shifted += 1;
  }
  const value = (shifted - 0.5) * Math.log(shifted) - shifted + LN_SQRT_2PI;
  return value + stirlingSeries(shifted) - Math.log(product);
}

/** Stirling error ln Γ(n+1) − [(n+½) ln n − n + ln √(2π)], for n > 0. */
function stirlingError(n: number): number {
  if (n >= 15) return stirlingSeries(n);
  return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI;
}

/** Deviance term x ln(x/m) + m − x, stable when x ≈ m (series in v = (x−m)/(x+m)). */
function deviance(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let sum = (x - m) * v;
    let term = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      term *= v;
      const next = sum + term / (2 * j + 1);
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  return x * Math.log(x / m) + m - x;
}

/**
 * ln P(X = x) for X ~ Binomial(n, p), with q = 1 − p given separately when it is known more
 * accurately. x and n may be real (the incomplete beta function uses that).
 */
export function logBinomialPmf(x: number, n: number, p: number, q = 1 - p): number {
  if (p === 0) return x === 0 ? 0 : -Infinity;
  if (q === 0) return x === n ? 0 : -Infinity;
  if (x === 0) return n === 0 ? 0 : p < 0.1 ? -deviance(n, n * q) - n * p : n * Math.log(q);
  if (x === n) return q < 0.1 ? -deviance(n, n * p) - n * q : n * Math.log(p);
  if (x < 0 || x > n) return -Infinity;
  const lc =
    stirlingError(n) -
    stirlingError(x) -
    stirlingError(n - x) -
    deviance(x, n * p) -
    deviance(n - x, n * q);
  const lf = LN_2PI + Math.log(x) + Math.log1p(-x / n);
  return lc - 0.5 * lf;
}

/** P(X = k) for X ~ Binomial(n, p). */
export function binomialPmf(k: number, n: number, p: number): number {
  return Math.exp(logBinomialPmf(k, n, p));
}

/** Continued fraction for I_x(a, b) (Numerical Recipes §6.4, modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const TINY = 1e-300;
  const EPS = 1e-16;
  const maxIterations = 10_000 + Math.ceil(50 * Math.sqrt(Math.max(a, b)));
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= maxIterations; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) return h;
  }
  throw new Error(`incomplete beta: no convergence for a=${a}, b=${b}, x=${x}`);
}

/**
 * Regularised incomplete beta function I_x(a, b), a, b > 0; y = 1 − x may be passed when it
 * is known more accurately than 1 − x.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number, y = 1 - x): number {
  if (!(a > 0 && b > 0)) throw new RangeError(`incomplete beta needs a, b > 0`);
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  // x^a y^b / B(a,b) = C(a+b, a) x^a y^b · ab/(a+b): a Loader binomial mass, accurate.
  const mass = Math.exp(logBinomialPmf(a, a + b, x, y));
  if (x < (a + 1) / (a + b + 2)) {
    return ((mass * b) / (a + b)) * betaContinuedFraction(a, b, x);
  }
  return 1 - ((mass * a) / (a + b)) * betaContinuedFraction(b, a, y);
}

/** P(X ≤ k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n || p === 0) return 1;
  if (p === 1) return 0;
  return regularizedIncompleteBeta(1 - p, n - k, k + 1, p);
}

/** P(X ≥ k) for X ~ Binomial(n, p). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n || p === 0) return 0;
  if (p === 1) return 1;
  return regularizedIncompleteBeta(p, k, n - k + 1, 1 - p);
}

export type Alternative = 'two-sided' | 'less' | 'greater';

/** Same fuzz as R's binom.test: outcomes within a relative 1e-7 count as equally likely. */
const LOG_RELATIVE_FUZZ = Math.log1p(1e-7);

/**
 * Two-sided exact p-value: Σ P(X = i) over all i with P(X = i) ≤ P(X = x)·(1 + 1e-7).
 * The mass is unimodal, so the opposite tail starts at one index, found by bisection.
 */
function twoSidedPValue(x: number, n: number, p: number): number {
  if (p === 0) return x === 0 ? 1 : 0;
  if (p === 1) return x === n ? 1 : 0;
  const mean = n * p;
  if (x === mean) return 1;
  const threshold = logBinomialPmf(x, n, p) + LOG_RELATIVE_FUZZ;
  const atMost = (i: number) => logBinomialPmf(i, n, p) <= threshold;
  if (x < mean) {
    // Mass is non-increasing on [ceil(mean), n]: find the first index at or below threshold.
    let lo = Math.ceil(mean);
    let hi = n;
    if (!atMost(hi)) return Math.min(1, binomialCdf(x, n, p));
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (atMost(mid)) hi = mid;
      else lo = mid + 1;
    }
    return Math.min(1, binomialCdf(x, n, p) + binomialUpperTail(lo, n, p));
  }
  // Mass is non-decreasing on [0, floor(mean)]: find the last index at or below threshold.
  let lo = 0;
  let hi = Math.floor(mean);
  if (!atMost(lo)) return Math.min(1, binomialUpperTail(x, n, p));
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (atMost(mid)) lo = mid;
    else hi = mid - 1;
  }
  return Math.min(1, binomialCdf(lo, n, p) + binomialUpperTail(x, n, p));
}

/** Root of a monotone function on [0, 1] by bisection, to (nearly) full double precision. */
function bisect(increasing: boolean, f: (p: number) => number, target: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 1100 && hi - lo > 1e-15 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (f(mid) < target === increasing) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Clopper-Pearson interval for a binomial proportion: the lower limit solves
 * P(X ≥ x | p) = α/2, the upper limit P(X ≤ x | p) = α/2 (one-sided: α).
 */
export function clopperPearson(
  x: number,
  n: number,
  confidenceLevel = 0.95,
  alternative: Alternative = 'two-sided',
): [number, number] {
  const alpha = 1 - confidenceLevel;
  const tail = alternative === 'two-sided' ? alpha / 2 : alpha;
  const lower =
    alternative === 'less' || x === 0 ? 0 : bisect(true, (p) => binomialUpperTail(x, n, p), tail);
  const upper =
    alternative === 'greater' || x === n ? 1 : bisect(false, (p) => binomialCdf(x, n, p), tail);
  return [lower, upper];
}

export interface BinomialTestResult {
  successes: number;
  trials: number;
  nullProbability: number;
  pValue: number;
  estimate: number;
  /** Clopper-Pearson interval at the requested level; null when not requested. */
  confidenceInterval: [number, number] | null;
}

function assertCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}

/** Exact binomial test of H0: success probability = p, as R's binom.test. */
export function binomialTest(
  x: number,
  n: number,
  p = 0.5,
  options: { alternative?: Alternative; confidenceLevel?: number | null } = {},
): BinomialTestResult {
  assertCount(x, 'x');
  assertCount(n, 'n');
  if (n < 1 || x > n) throw new RangeError(`need 1 ≤ n and x ≤ n, got x=${x}, n=${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must lie in [0, 1], got ${p}`);
  const alternative = options.alternative ?? 'two-sided';
  const level = options.confidenceLevel === undefined ? 0.95 : options.confidenceLevel;
  if (level !== null && !(level > 0 && level < 1)) {
    throw new RangeError(`confidence level must lie in (0, 1), got ${level}`);
  }
  const pValue =
    alternative === 'less'
      ? binomialCdf(x, n, p)
      : alternative === 'greater'
        ? binomialUpperTail(x, n, p)
        : twoSidedPValue(x, n, p);
  return {
    successes: x,
    trials: n,
    nullProbability: p,
    pValue,
    estimate: x / n,
    confidenceInterval: level === null ? null : clopperPearson(x, n, level, alternative),
  };
}
