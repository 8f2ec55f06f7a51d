/**
 * Visiting order for a day's schouw: nearest neighbour from the start point, improved by
 * 2-opt (reverse a stretch of the route whenever that shortens it) until no reversal
 * helps. Distances are straight lines in a metric plane (RD New metres): there is no road
 * network offline. 2-opt only accepts improvements, so the result is never longer than
 * nearest neighbour alone.
 */
import type { PlanePoint } from './risk-score';

export interface RoutePlan {
  /** Indices into the stops, in visiting order (each exactly once). */
  order: number[];
  /** Length of the planned route in metres (start → stops, and back when a round trip). */
  lengthM: number;
  /** Length of the nearest-neighbour route the plan started from. */
  nearestNeighbourM: number;
  /** Straight-line distance of each leg, from the start to the first stop onward. */
  legsM: number[];
}

export interface RouteOptions {
  /** Back to the start point at the end (default true: the team returns to base). */
  roundTrip?: boolean;
}

const dist = (a: PlanePoint, b: PlanePoint) => Math.hypot(a.x - b.x, a.y - b.y);

/** Length of start → path[0] → … (→ start when a round trip). */
export function routeLength(
  start: PlanePoint,
  stops: readonly PlanePoint[],
  order: readonly number[],
  roundTrip = true,
): number {
  let total = 0;
  let previous = start;
  for (const i of order) {
    total += dist(previous, stops[i]);
    previous = stops[i];
  }
  if (roundTrip && order.length > 0) total += dist(previous, start);
  return total;
}

export function nearestNeighbourOrder(start: PlanePoint, stops: readonly PlanePoint[]): number[] {
  const left = new Set(stops.map((_, i) => i));
  const order: number[] = [];
  let current = start;
  while (left.size > 0) {
    let best = -1;
    let bestD = Infinity;
    for (const i of left) {
      const d = dist(current, stops[i]);
      if (d < bestD || (d === bestD && i < best)) {
        best = i;
        bestD = d;
      }
    }
    order.push(best);
    left.delete(best);
    current = stops[best];
  }
  return order;
}

/** 2-opt over the path [start, ...order] with the start fixed; returns a new order. */
export function twoOpt(
  start: PlanePoint,
  stops: readonly PlanePoint[],
  initial: readonly number[],
  roundTrip = true,
): number[] {
  const path: PlanePoint[] = [start, ...initial.map((i) => stops[i])];
  const ids = [-1, ...initial];
  const n = path.length;
  const next = (j: number): PlanePoint | null =>
    j + 1 < n ? path[j + 1] : roundTrip ? start : null;
  let improved = true;
  let guard = 0;
  while (improved && guard++ < 1000) {
    improved = false;
    for (let i = 1; i < n - 1; i++) {
      for (let j = i + 1; j < n; j++) {
        // Reverse path[i..j]: edges (i-1,i) and (j,j+1) become (i-1,j) and (i,j+1).
        const a = path[i - 1];
        const b = path[i];
        const c = path[j];
        const d = next(j);
        const before = dist(a, b) + (d ? dist(c, d) : 0);
        const after = dist(a, c) + (d ? dist(b, d) : 0);
        if (after < before - 1e-9) {
          reverse(path, i, j);
          reverse(ids, i, j);
          improved = true;
        }
      }
    }
  }
  return ids.slice(1);
}

function reverse<T>(items: T[], i: number, j: number): void {
  for (; i < j; i++, j--) [items[i], items[j]] = [items[j], items[i]];
}

export function planRoute(
  start: PlanePoint,
  stops: readonly PlanePoint[],
  options: RouteOptions = {},
): RoutePlan {
  const roundTrip = options.roundTrip ?? true;
  const nn = nearestNeighbourOrder(start, stops);
  const nearestNeighbourM = routeLength(start, stops, nn, roundTrip);
  const improved = twoOpt(start, stops, nn, roundTrip);
  const improvedM = routeLength(start, stops, improved, roundTrip);
  // Floating-point safety: never hand back something longer than nearest neighbour.
  const order = improvedM <= nearestNeighbourM ? improved : nn;
  const legsM: number[] = [];
  let previous = start;
  for (const i of order) {
    legsM.push(dist(previous, stops[i]));
    previous = stops[i];
  }
  if (roundTrip && order.length > 0) legsM.push(dist(previous, start));
  return {
    order,
    lengthM: Math.min(improvedM, nearestNeighbourM),
    nearestNeighbourM,
    legsM,
  };
}
