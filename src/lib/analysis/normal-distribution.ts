/**
 * The standard normal distribution function and the two-sided p-value of a z-score, to
 * double precision also far in the tails (for Gi* and the Mann-Kendall test).
 */
// W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23
// (1969) 631–637, as coded in his ANORM routine (SPECFUN, netlib; ACM TOMS Algorithm 715,
// 1993) and in R's pnorm.c. The approximations are accurate to about 1e-18 relative, so the
// result is good to double precision (~1e-16 relative, also far in the tails). Coefficients
// are the published 20-digit values rounded to the nearest double (what a parser does anyway).
const A = [
  2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356,
  0.06568233791820745,
];
const B = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673];
const C = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726,
  6848.190450536283, 11602.65143764735, 9842.714838383978, 1.0765576773720192e-8,
];
const D = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097,
  34900.95272114598, 38912.00328609327, 19685.429676859992,
];
const P = [
  0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934,
  0.000029112874951168793, 0.023073441764940174,
];
const Q = [
  1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824,
  0.00007297515550839662,
];
const ONE_OVER_SQRT_2PI = 0.3989422804014327;

/** Φ(−y) for y ≥ 0: the upper tail, computed directly (no 1 − Φ cancellation). */
function upperTail(y: number): number {
  if (y <= 0.66291) {
    const xsq = y * y;
    let num = A[4] * xsq;
    let den = xsq;
    for (let i = 0; i < 3; i++) {
      num = (num + A[i]) * xsq;
      den = (den + B[i]) * xsq;
    }
    return 0.5 - (y * (num + A[3])) / (den + B[3]);
  }
  let ratio: number;
  if (y <= Math.sqrt(32)) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]) * y;
      den = (den + D[i]) * y;
    }
    ratio = (num + C[7]) / (den + D[7]);
  } else {
    if (y > 38.5) return 0; // below the smallest double
    const xsq = 1 / (y * y);
    let num = P[5] * xsq;
    let den = xsq;
    for (let i = 0; i < 4; i++) {
      num = (num + P[i]) * xsq;
      den = (den + Q[i]) * xsq;
    }
    ratio = (ONE_OVER_SQRT_2PI - (xsq * (num + P[4])) / (den + Q[4])) / y;
  }
  // exp(−y²/2) split as exp(−ys²/2)·exp(−(y−ys)(y+ys)/2) with ys = y rounded down to 1/16,
  // so the large exponent is exact (Cody's trick against cancellation).
  const ys = Math.trunc(y * 16) / 16;
  const del = (y - ys) * (y + ys);
  return Math.exp(-ys * ys * 0.5) * Math.exp(-del * 0.5) * ratio;
}

/** Standard normal distribution function Φ(x). */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  return x <= 0 ? upperTail(-x) : 1 - upperTail(x);
}

/** Two-sided p-value of a z-score under the standard normal: 2·Φ(−|z|). */
export function twoSidedPValue(z: number): number {
  return Math.min(1, 2 * upperTail(Math.abs(z)));
}
