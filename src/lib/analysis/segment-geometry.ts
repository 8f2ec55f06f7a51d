/**
 * Segment tests of the area index (area-index.ts): how often a segment crosses a set of
 * polygon edges, and whether a segment meets a box. Planar, exact in floating point up to
 * the orientation sign.
 */
const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);

/** Parity (0 or 1) of the edges the segment r→p crosses; -1 when it touches one. */
export function crossingParity(
  rx: number,
  ry: number,
  px: number,
  py: number,
  edges: Float64Array,
) {
  let parity = 0;
  for (let e = 0; e < edges.length; e += 4) {
    const [x1, y1, x2, y2] = [edges[e], edges[e + 1], edges[e + 2], edges[e + 3]];
    const o1 = orient(rx, ry, px, py, x1, y1);
    const o2 = orient(rx, ry, px, py, x2, y2);
    if ((o1 > 0 && o2 > 0) || (o1 < 0 && o2 < 0)) continue;
    const o3 = orient(x1, y1, x2, y2, rx, ry);
    const o4 = orient(x1, y1, x2, y2, px, py);
    if ((o3 > 0 && o4 > 0) || (o3 < 0 && o4 < 0)) continue;
    if (o1 === 0 || o2 === 0 || o3 === 0 || o4 === 0) return -1;
    parity ^= 1;
  }
  return parity;
}

/** Whether the segment meets the closed box (Liang–Barsky clipping). */
export function segmentTouchesBox(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
): boolean {
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
    return true;
  };
  const dx = x2 - x1;
  const dy = y2 - y1;
  return clip(-dx, x1 - minX) && clip(dx, maxX - x1) && clip(-dy, y1 - minY) && clip(dy, maxY - y1);
}
