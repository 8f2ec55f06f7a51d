/**
 * Where a record lies: uniformly inside a buurt chosen by weight, or inside a disc around a
 * planted spot. Every point keeps clear margins from the lines that tests and analyses cut
 * along (buurt edges, pattern radii, the intervention's polygon and buffer, the 500 m
 * circles around farm buildings), so that counts in truth.json do not depend on rounding
 * to six decimals or on how a buffer is drawn.
 */
import type { Random } from '../../src/lib/analysis/random';
import type { Theme } from '../../src/lib/data/themes';
import { isRuralBuurt, nearBuurtEdge, type Geography } from './geography';
import {
  distanceToPolygon,
  distanceToRings,
  pointInFlat,
  pointInRings,
  type Pt,
  type Ring,
} from './geometry';
import { makePicker, type Located, type PlaceFn } from './sampler';

/** Accepts a candidate point (with its buurt) or asks for another. */
export type Accept = (x: number, y: number, buurt: number) => boolean;

export const BUURT_EDGE_MARGIN_M = 2;
export const RADIUS_MARGIN_M = 3;
export const BUFFER_MARGIN_M = 15;
export const BUILDING_SIGNAL_RADIUS_M = 500;

export interface MarginCircle {
  at: Pt;
  radii: readonly number[];
  /** Themes whose records must keep clear of the circle; null: all themes. */
  themes: readonly Theme[] | null;
}

export interface MarginRules {
  circles: readonly MarginCircle[];
  /** Polygon whose edge and buffer edge records of some themes must keep clear of. */
  buffered: readonly { ring: Ring; bufferM: number; themes: readonly Theme[] }[];
  buildings: readonly Pt[];
}

/** Circles (centre and radius) that records of a theme must keep clear of, as flat arrays. */
function circleTable(
  rules: MarginRules,
  theme: Theme | null,
  buildingRadius: boolean,
): Float64Array {
  const rows: number[] = [];
  for (const c of rules.circles) {
    if (theme !== null && c.themes !== null && !c.themes.includes(theme)) continue;
    for (const r of c.radii) rows.push(c.at[0], c.at[1], r);
  }
  if (buildingRadius) {
    for (const [bx, by] of rules.buildings) rows.push(bx, by, BUILDING_SIGNAL_RADIUS_M);
  }
  return Float64Array.from(rows);
}

function clearOfCircles(table: Float64Array, x: number, y: number): boolean {
  for (let i = 0; i < table.length; i += 3) {
    const dx = x - table[i];
    const dy = y - table[i + 1];
    const d = Math.sqrt(dx * dx + dy * dy);
    if (Math.abs(d - table[i + 2]) < RADIUS_MARGIN_M) return false;
  }
  return true;
}

function clearOfBuffers(rules: MarginRules, theme: Theme | null, x: number, y: number): boolean {
  for (const b of rules.buffered) {
    if (theme !== null && !b.themes.includes(theme)) continue;
    const edge = distanceToRings(x, y, [b.ring]);
    if (edge < BUFFER_MARGIN_M) return false;
    const outside = distanceToPolygon(x, y, [b.ring]);
    if (Math.abs(outside - b.bufferM) < BUFFER_MARGIN_M) return false;
  }
  return true;
}

/**
 * The acceptance test for records of a theme (null: of any theme). Without rules (visits)
 * a point only needs to lie clearly inside one buurt. Signals around farm buildings are
 * counted for every theme, so rural points also keep clear of the buildings' circles.
 */
export function makeAccept(g: Geography, rules: MarginRules | null, theme: Theme | null): Accept {
  const water = g.buurten.map((b) => b.water);
  const rural = g.buurten.map((b) => isRuralBuurt(g, b.index));
  const townCircles = rules ? circleTable(rules, theme, false) : new Float64Array(0);
  const ruralCircles = rules ? circleTable(rules, theme, true) : new Float64Array(0);
  const buffered =
    rules !== null && rules.buffered.some((b) => theme === null || b.themes.includes(theme));
  return (x, y, buurt) => {
    if (buurt < 0 || water[buurt]) return false;
    if (nearBuurtEdge(g, buurt, x, y, BUURT_EDGE_MARGIN_M)) return false;
    if (!clearOfCircles(rural[buurt] ? ruralCircles : townCircles, x, y)) return false;
    return !buffered || clearOfBuffers(rules!, theme, x, y);
  };
}

const MAX_TRIES = 10_000;

/** Uniform in a buurt drawn by weight. */
export function buurtPlace(g: Geography, weights: readonly number[], accept: Accept): PlaceFn {
  if (!weights.some((w) => w > 0)) throw new Error('buurtPlace: no buurt has weight');
  const pickBuurt = makePicker(weights);
  return (rng: Random): Located => {
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      const buurt = pickBuurt(rng);
      const b = g.buurten[buurt];
      const x = rng.uniform(b.bbox.minX, b.bbox.maxX);
      const y = rng.uniform(b.bbox.minY, b.bbox.maxY);
      if (pointInFlat(x, y, b.flat) && accept(x, y, buurt)) return { x, y, buurt };
    }
    throw new Error('buurtPlace: no acceptable point');
  };
}

/** Uniform in the annulus rMin..rMax around a point (a disc when rMin is 0). */
export function discPlace(g: Geography, at: Pt, rMax: number, accept: Accept, rMin = 0): PlaceFn {
  return (rng: Random): Located => {
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      const r = Math.sqrt(rng.uniform(rMin * rMin, rMax * rMax));
      const angle = rng.uniform(0, 2 * Math.PI);
      const x = at[0] + r * Math.cos(angle);
      const y = at[1] + r * Math.sin(angle);
      const buurt = g.buurtAt(x, y);
      if (accept(x, y, buurt)) return { x, y, buurt };
    }
    throw new Error(`discPlace: no acceptable point near ${at.join(',')}`);
  };
}

/** Uniform inside a ring (e.g. an aandachtslocatie or the intervention area). */
export function ringPlace(g: Geography, ring: Ring, accept: Accept): PlaceFn {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  return (rng: Random): Located => {
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      const x = rng.uniform(minX, maxX);
      const y = rng.uniform(minY, maxY);
      const buurt = g.buurtAt(x, y);
      if (pointInRings(x, y, [ring]) && accept(x, y, buurt)) return { x, y, buurt };
    }
    throw new Error('ringPlace: no acceptable point');
  };
}
