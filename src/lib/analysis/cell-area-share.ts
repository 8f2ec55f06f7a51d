/**
 * Edge cells (issue 23, item 5): the share of a hexagon's area that lies inside the study
 * area. A hexagon half outside the municipality collects, under a uniform intensity, half
 * the records of an inner one; counted at full weight it looks like a cold spot (19 of the
 * 24 false cold cells at demo density were edge cells). The analysis divides the count by
 * the share (records per full cell: the area-at-risk correction of rates, as for
 * population at risk) and leaves out cells below MIN_AREA_SHARE.
 *
 * Why 1/2: under a uniform intensity a cell with share a has a count with mean and variance
 * proportional to a, so its rate count/a has the right mean but variance 1/a times an inner
 * cell's; the permutation test treats all cells as exchangeable, which holds only
 * approximately for such cells. Capping 1/a at 2 keeps one sparse edge record from
 * becoming an outlier (a single record in a 10 % cell would count as 10). It is also the
 * share at which a cell's centre lies on a straight boundary — the rule used before (centre
 * inside) — so the study area keeps about the same cells. Boundary problem and area
 * weighting: Griffith (1983), "The boundary value problem in spatial statistical
 * analysis", J. Regional Science 23, 377–387.
 */
import { area, bboxClip, featureCollection, intersect, polygon as turfPolygon } from '@turf/turf';
import type { MultiPolygonCoords } from './area-index';
import { cellCentre, cellPolygon, cellPolygonRd, cellsInExtent } from './hex-grid';
import { wgs84ToRd } from './rd';

/** Cells with less of their area inside the study area are not analysed. */
export const MIN_AREA_SHARE = 0.5;

/**
 * Even-odd point-in-polygon in RD metres by scanlines: the crossings of every ring with a
 * horizontal line are computed once per line and searched per point. Hexagon centres and
 * corners lie on a few lines per row, so a whole grid costs a few hundred scans.
 */
function createRdInside(areas: readonly MultiPolygonCoords[]): (x: number, y: number) => boolean {
  const edges: number[] = [];
  for (const multi of areas) {
    for (const polygon of multi) {
      for (const ring of polygon) {
        const pts = ring.map(([lon, lat]) => wgs84ToRd(lon, lat));
        for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
          edges.push(pts[j][0], pts[j][1], pts[i][0], pts[i][1]);
        }
      }
    }
  }
  const lines = new Map<number, Float64Array>();
  return (x, y) => {
    let crossings = lines.get(y);
    if (!crossings) {
      const xs: number[] = [];
      for (let e = 0; e < edges.length; e += 4) {
        const [x1, y1, x2, y2] = [edges[e], edges[e + 1], edges[e + 2], edges[e + 3]];
        if (y1 > y !== y2 > y) xs.push(((x2 - x1) * (y - y1)) / (y2 - y1) + x1);
      }
      crossings = Float64Array.from(xs).sort();
      lines.set(y, crossings);
    }
    let left = 0;
    while (left < crossings.length && crossings[left] < x) left++;
    return left % 2 === 1;
  };
}

/** Share of a lon/lat hexagon covered by the areas, clipped with Turf. */
function coveredShare(ring: [number, number][], areas: readonly MultiPolygonCoords[]): number {
  const hexagon = turfPolygon([ring]);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of ring) {
    [minX, minY] = [Math.min(minX, lon), Math.min(minY, lat)];
    [maxX, maxY] = [Math.max(maxX, lon), Math.max(maxY, lat)];
  }
  let covered = 0;
  for (const multi of areas) {
    for (const coords of multi) {
      // Clip to the cell's box first: the intersection then works on a few vertices only.
      const near = bboxClip(turfPolygon(coords as [number, number][][]), [minX, minY, maxX, maxY]);
      const rings = (near.geometry.coordinates as [number, number][][]).filter(
        (r) => r.length >= 4,
      );
      if (rings.length === 0) continue;
      const piece = intersect(featureCollection([hexagon, turfPolygon(rings)]));
      if (piece) covered += area(piece);
    }
  }
  return Math.min(1, covered / area(hexagon));
}

/**
 * The study cells of circumradius `size` (metres) over `areas` (GeoJSON MultiPolygon
 * coordinates in lon/lat; areas must not overlap, like buurten): every cell with at least
 * `minShare` of its area inside, and that share. A cell whose six corners and centre all lie
 * inside counts as wholly inside (a notch narrower than a cell can be missed); cells on the
 * boundary are clipped with Turf.
 */
export function listStudyCells(
  areas: readonly MultiPolygonCoords[],
  size: number,
  minShare = MIN_AREA_SHARE,
): { q: number[]; r: number[]; share: number[] } {
  const out = { q: [] as number[], r: [] as number[], share: [] as number[] };
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const multi of areas) {
    for (const polygon of multi) {
      for (const [lon, lat] of polygon[0] ?? []) {
        const [x, y] = wgs84ToRd(lon, lat);
        [minX, minY] = [Math.min(minX, x), Math.min(minY, y)];
        [maxX, maxY] = [Math.max(maxX, x), Math.max(maxY, y)];
      }
    }
  }
  if (!(minX <= maxX)) return out;
  const inside = createRdInside(areas);
  // One cell of margin: edges between projected vertices bow slightly in RD.
  const box = cellsInExtent(minX - size, minY - size, maxX + size, maxY + size, size);
  for (let i = 0; i < box.q.length; i++) {
    const [q, r] = [box.q[i], box.r[i]];
    const points = [cellCentre(q, r, size), ...cellPolygonRd(q, r, size).slice(0, 6)];
    const within = points.filter(([x, y]) => inside(x, y)).length;
    if (within === 0) continue;
    const share = within === 7 ? 1 : coveredShare(cellPolygon(q, r, size), areas);
    if (share >= minShare) {
      out.q.push(q);
      out.r.push(r);
      out.share.push(share);
    }
  }
  return out;
}
