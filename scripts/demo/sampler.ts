/**
 * The one machinery behind every generated record: a component (background of a theme, or
 * one planted pattern) has an exact record count, a weight per hourly slot and a place
 * sampler. Counts are spread over the days by sequential binomial draws (an exact
 * multinomial), then drawn day by day, so even 10 million rows stream out in time order
 * with bounded memory.
 */
import type { Random } from '../../src/lib/analysis/random';
import { HOUR_MS, type Calendar } from './calendar';

export interface Located {
  x: number;
  y: number;
  buurt: number;
}

export type PlaceFn = (rng: Random) => Located;

export interface Component<P> {
  key: string;
  count: number;
  /** Relative weight per hourly slot of the calendar (0: never). */
  weights: Float64Array;
  /** Minutes of the hour that can occur, from the full hour (60: any). */
  minuteSpan: number;
  place: PlaceFn;
  payload: P;
}

export interface Draw<P> {
  utc: number;
  loc: Located;
  comp: Component<P>;
}

/** Binomial(n, p): inversion for small means, a rounded normal above 30. */
export function binomial(rng: Random, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(rng, n, 1 - p);
  const mean = n * p;
  if (mean > 30) {
    const k = Math.round(rng.normal(mean, Math.sqrt(mean * (1 - p))));
    return Math.max(0, Math.min(n, k));
  }
  const q = 1 - p;
  let f = Math.exp(n * Math.log(q));
  let u = rng.next();
  let k = 0;
  while (u > f && k < n) {
    u -= f;
    f *= ((n - k) / (k + 1)) * (p / q);
    k++;
  }
  return k;
}

/** Exact split of a component's count over the days, in proportion to its daily weight. */
export function dailyCounts(comp: Component<unknown>, cal: Calendar, rng: Random): Uint32Array {
  const mass = new Float64Array(cal.dayCount);
  for (let s = 0; s < cal.slotCount; s++) mass[cal.day[s]] += comp.weights[s];
  const suffix = new Float64Array(cal.dayCount + 1);
  for (let d = cal.dayCount - 1; d >= 0; d--) suffix[d] = suffix[d + 1] + mass[d];
  const counts = new Uint32Array(cal.dayCount);
  if (comp.count > 0 && suffix[0] <= 0) throw new Error(`component ${comp.key} has no time`);
  let left = comp.count;
  for (let d = 0; d < cal.dayCount && left > 0; d++) {
    if (mass[d] <= 0) continue;
    const k = binomial(rng, left, mass[d] / suffix[d]);
    counts[d] = k;
    left -= k;
  }
  return counts;
}

function pickSlot(
  weights: Float64Array,
  first: number,
  last: number,
  total: number,
  rng: Random,
): number {
  let r = rng.next() * total;
  for (let s = first; s < last; s++) {
    r -= weights[s];
    if (r < 0 && weights[s] > 0) return s;
  }
  for (let s = last - 1; s >= first; s--) if (weights[s] > 0) return s;
  return first;
}

/**
 * Yields, day by day, the records of all components built by `build`, sorted by `time`
 * (stable, so equal times keep component order).
 */
export function* generateByDay<P, R>(
  comps: readonly Component<P>[],
  cal: Calendar,
  rng: Random,
  build: (draw: Draw<P>, rng: Random) => R,
  time: (record: R) => number,
): Generator<R[]> {
  const perDay = comps.map((c) => dailyCounts(c as Component<unknown>, cal, rng));
  for (let d = 0; d < cal.dayCount; d++) {
    const records: R[] = [];
    const first = cal.dayFirstSlot[d];
    const last = cal.dayFirstSlot[d + 1];
    for (let c = 0; c < comps.length; c++) {
      const comp = comps[c];
      if (perDay[c][d] === 0) continue;
      let total = 0;
      for (let s = first; s < last; s++) total += comp.weights[s];
      for (let k = perDay[c][d]; k > 0; k--) {
        const slot = pickSlot(comp.weights, first, last, total, rng);
        const seconds = Math.floor(rng.next() * comp.minuteSpan * 60);
        const utc = cal.startUtc + slot * HOUR_MS + seconds * 1000;
        records.push(build({ utc, loc: comp.place(rng), comp }, rng));
      }
    }
    records.sort((a, b) => time(a) - time(b));
    yield records;
  }
}

/** Slot weights from a function of the slot (0 where the component cannot occur). */
export function slotWeights(cal: Calendar, weight: (slot: number) => number): Float64Array {
  const w = new Float64Array(cal.slotCount);
  for (let s = 0; s < cal.slotCount; s++) w[s] = weight(s);
  return w;
}

/** Splits `total` over shares by largest remainders, so the parts add up exactly. */
export function apportion(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((s, v) => s + v, 0);
  const raw = shares.map((s) => (total * s) / sum);
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((s, v) => s + v, 0);
  const order = raw
    .map((v, i) => [v - Math.floor(v), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let i = 0; left > 0; i = (i + 1) % order.length, left--) parts[order[i][1]]++;
  return parts;
}

/** Weighted pick from a list of weights, returning the index. */
export function pickIndex(rng: Random, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let r = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** A reusable weighted pick: cumulative weights once, binary search per draw. */
export function makePicker(weights: readonly number[]): (rng: Random) => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => (cumulative[i] = total += w));
  return (rng) => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
