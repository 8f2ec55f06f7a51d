/**
 * Planar geometry in RD New metres for the demo municipality: rings, point-in-polygon,
 * distances, and the few constructions that make buurten tile their wijk exactly (shared
 * vertices on every shared edge, unions by cancelling shared edges).
 *
 * Rings are stored open (the first vertex is not repeated) and, for exteriors,
 * counter-clockwise, as RFC 7946 asks of GeoJSON.
 */
export type Pt = [number, number];
export type Ring = Pt[];
/** A polygon: exterior ring followed by its holes. */
export type Polygon = Ring[];

export interface BBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function ringSignedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % ring.length];
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

export function polygonArea(polygon: Polygon): number {
  return polygon.reduce((sum, ring) => sum + ringSignedArea(ring), 0);
}

export function ccw(ring: Ring): Ring {
  return ringSignedArea(ring) < 0 ? [...ring].reverse() : ring;
}

export function rectangle(x0: number, y0: number, x1: number, y1: number): Ring {
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
}

export function bboxOf(rings: readonly Ring[]): BBox {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const ring of rings) {
    for (const [x, y] of ring) {
      box.minX = Math.min(box.minX, x);
      box.minY = Math.min(box.minY, y);
      box.maxX = Math.max(box.maxX, x);
      box.maxY = Math.max(box.maxY, y);
    }
  }
  return box;
}

/** Even-odd rule over all rings, so holes are handled without knowing which ring is which. */
export function pointInRings(x: number, y: number, rings: readonly Ring[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

export function distanceToSegment(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const ex = px - (ax + t * dx);
  const ey = py - (ay + t * dy);
  return Math.sqrt(ex * ex + ey * ey);
}

/** Shortest distance from a point to any edge of the rings. */
export function distanceToRings(x: number, y: number, rings: readonly Ring[]): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const d = distanceToSegment(x, y, ring[j][0], ring[j][1], ring[i][0], ring[i][1]);
      if (d < best) best = d;
    }
  }
  return best;
}

/** Distance to a polygon: 0 inside, otherwise to its boundary. */
export function distanceToPolygon(x: number, y: number, rings: readonly Ring[]): number {
  return pointInRings(x, y, rings) ? 0 : distanceToRings(x, y, rings);
}

/**
 * Adds vertices along long edges: axis-parallel edges at multiples of `step` (so two
 * buurten that share a line get the same extra vertices), other edges evenly.
 */
export function subdivideRing(ring: Ring, step: number): Ring {
  const out: Ring = [];
  for (let i = 0; i < ring.length; i++) {
    const [ax, ay] = ring[i];
    const [bx, by] = ring[(i + 1) % ring.length];
    out.push([ax, ay]);
    if (ax === bx || ay === by) {
      const vertical = ax === bx;
      const from = vertical ? ay : ax;
      const to = vertical ? by : bx;
      const dir = Math.sign(to - from);
      let v =
        dir > 0 ? Math.floor(from / step) * step + step : Math.ceil(from / step) * step - step;
      for (; dir > 0 ? v < to : v > to; v += dir * step) out.push(vertical ? [ax, v] : [v, ay]);
    } else {
      const parts = Math.ceil(Math.hypot(bx - ax, by - ay) / step);
      for (let k = 1; k < parts; k++) {
        out.push([
          Math.round(ax + ((bx - ax) * k) / parts),
          Math.round(ay + ((by - ay) * k) / parts),
        ]);
      }
    }
  }
  return out;
}

const keyOf = (p: Pt): string => `${p[0]},${p[1]}`;

/**
 * Inserts into every edge the vertices of other rings that lie on it (T-junctions), so
 * each shared boundary has the same vertex sequence on both sides. Integer coordinates
 * make the collinearity test exact.
 */
export function insertTJunctions(rings: readonly Ring[]): Ring[] {
  const seen = new Set<string>();
  const vertices: Pt[] = [];
  for (const ring of rings) {
    for (const p of ring) {
      if (!seen.has(keyOf(p))) {
        seen.add(keyOf(p));
        vertices.push(p);
      }
    }
  }
  return rings.map((ring) => {
    const out: Ring = [];
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i];
      const b = ring[(i + 1) % ring.length];
      out.push(a);
      const between: [number, Pt][] = [];
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const len2 = dx * dx + dy * dy;
      for (const p of vertices) {
        if ((p[0] - a[0]) * dy - (p[1] - a[1]) * dx !== 0) continue;
        const dot = (p[0] - a[0]) * dx + (p[1] - a[1]) * dy;
        if (dot > 0 && dot < len2) between.push([dot, p]);
      }
      between.sort((s, t) => s[0] - t[0]);
      for (const [, p] of between) out.push(p);
    }
    return out;
  });
}

/**
 * Union of cells of a planar partition whose shared edges carry identical vertices:
 * an edge that also occurs reversed is interior and cancels; what remains is chained
 * into rings. Exteriors come out counter-clockwise and holes clockwise.
 */
export function unionCells(cells: readonly Ring[]): Polygon[] {
  const edges = new Map<string, Pt>();
  for (const ring of cells) {
    for (let i = 0; i < ring.length; i++) {
      edges.set(`${keyOf(ring[i])}>${keyOf(ring[(i + 1) % ring.length])}`, ring[i]);
    }
  }
  const next = new Map<string, Pt>();
  const starts: Pt[] = [];
  for (const ring of cells) {
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i];
      const b = ring[(i + 1) % ring.length];
      if (edges.has(`${keyOf(b)}>${keyOf(a)}`)) continue;
      if (next.has(keyOf(a))) throw new Error(`unionCells: pinch point at ${keyOf(a)}`);
      next.set(keyOf(a), b);
      starts.push(a);
    }
  }
  const used = new Set<string>();
  const rings: Ring[] = [];
  for (const start of starts) {
    if (used.has(keyOf(start))) continue;
    const ring: Ring = [];
    let p = start;
    while (!used.has(keyOf(p))) {
      used.add(keyOf(p));
      ring.push(p);
      p = next.get(keyOf(p))!;
    }
    rings.push(ring);
  }
  const exteriors = rings.filter((r) => ringSignedArea(r) > 0);
  const holes = rings.filter((r) => ringSignedArea(r) < 0);
  return exteriors.map((outer) => [
    outer,
    ...holes.filter((h) => pointInRings(h[0][0], h[0][1], [outer])),
  ]);
}

/**
 * Moves a vertex along a smooth displacement field that depends only on its position, so
 * shared vertices move together and straight survey lines bend into plausible boundaries.
 */
export function wobble(p: Pt, amplitude: number): Pt {
  const [x, y] = p;
  const dx = 0.6 * Math.sin(x / 900 + (1.3 * y) / 1100) + 0.4 * Math.sin(y / 700 - x / 1300 + 2);
  const dy =
    0.6 * Math.cos(y / 1000 - (0.8 * x) / 800 + 0.5) + 0.4 * Math.sin(x / 600 + y / 1500 + 1);
  return [x + Math.round(dx * amplitude), y + Math.round(dy * amplitude)];
}

export function centroidOfRing(ring: Ring): Pt {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % ring.length];
    const f = x1 * y2 - x2 * y1;
    a += f;
    cx += (x1 + x2) * f;
    cy += (y1 + y2) * f;
  }
  return [cx / (3 * a), cy / (3 * a)];
}

/** A ring as flat coordinate arrays, for the hot loops of the point samplers. */
export interface FlatRing {
  xs: Float64Array;
  ys: Float64Array;
}

export function flatten(ring: Ring): FlatRing {
  return { xs: Float64Array.from(ring, (p) => p[0]), ys: Float64Array.from(ring, (p) => p[1]) };
}

export function pointInFlat(x: number, y: number, r: FlatRing): boolean {
  const { xs, ys } = r;
  let inside = false;
  for (let i = 0, j = xs.length - 1; i < xs.length; j = i++) {
    if (ys[i] > y !== ys[j] > y && x < ((xs[j] - xs[i]) * (y - ys[i])) / (ys[j] - ys[i]) + xs[i]) {
      inside = !inside;
    }
  }
  return inside;
}

/** True when some edge of the ring passes closer than `d` to the point. */
export function nearFlatEdge(x: number, y: number, r: FlatRing, d: number): boolean {
  const { xs, ys } = r;
  for (let i = 0, j = xs.length - 1; i < xs.length; j = i++) {
    const ax = xs[j];
    const ay = ys[j];
    const bx = xs[i];
    const by = ys[i];
    if (x < Math.min(ax, bx) - d || x > Math.max(ax, bx) + d) continue;
    if (y < Math.min(ay, by) - d || y > Math.max(ay, by) + d) continue;
    if (distanceToSegment(x, y, ax, ay, bx, by) < d) return true;
  }
  return false;
}
