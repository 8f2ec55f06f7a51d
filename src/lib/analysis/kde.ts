/**
 * Kernel density (the heatmap) with the quartic (biweight) kernel, as in CrimeStat and the
 * QGIS heatmap (shared/reference/statistics.md): for a point at distance d < h (bandwidth)
 *
 *     K(d) = 3 / (π h²) · (1 − d²/h²)²,   0 for d ≥ h,
 *
 * which integrates to 1 over the plane (∫₀ʰ K(r) 2πr dr = 3∫₀¹ (1 − u)² du = 1), so the
 * density surface integrates to the number (or total weight) of points. Coordinates and
 * bandwidth are RD metres; the grid reports density per km² (events per square kilometre),
 * the unit stated in the legend together with the bandwidth.
 */

/** The quartic kernel value at distance `distance` for bandwidth `bandwidth`, per m². */
export function quarticKernel(distance: number, bandwidth: number): number {
  if (distance >= bandwidth) return 0;
  const u = 1 - (distance * distance) / (bandwidth * bandwidth);
  return (3 / (Math.PI * bandwidth * bandwidth)) * u * u;
}

export interface KdeExtent {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** Grid cell size in metres. */
  cellSize: number;
}

export interface KdeGrid {
  /** RD coordinates of the south-west corner of the grid. */
  x0: number;
  y0: number;
  cellSize: number;
  nx: number;
  ny: number;
  bandwidth: number;
  /** Density per km² at each cell centre, row-major from the south-west:
   * density[row * nx + col] belongs to centre (x0 + (col + ½)·cellSize, y0 + (row + ½)·cellSize). */
  density: Float64Array;
}

const M2_PER_KM2 = 1_000_000;

/**
 * Quartic kernel density of points (RD metres, optional weights) on a regular grid covering
 * `extent`. Each point touches only the cells within one bandwidth, so the cost is
 * points × (2h / cellSize)², independent of the grid size.
 */
export function computeKde(
  points: { x: ArrayLike<number>; y: ArrayLike<number>; weight?: ArrayLike<number> },
  extent: KdeExtent,
  bandwidth: number,
): KdeGrid {
  const { minX, minY, cellSize } = extent;
  if (!(cellSize > 0) || !(bandwidth > 0)) {
    throw new RangeError('cell size and bandwidth must be positive numbers of metres');
  }
  const nx = Math.max(1, Math.ceil((extent.maxX - minX) / cellSize));
  const ny = Math.max(1, Math.ceil((extent.maxY - minY) / cellSize));
  const density = new Float64Array(nx * ny);
  const h2 = bandwidth * bandwidth;
  const scale = (3 / (Math.PI * h2)) * M2_PER_KM2;
  for (let i = 0; i < points.x.length; i++) {
    const px = points.x[i];
    const py = points.y[i];
    const w = points.weight ? points.weight[i] : 1;
    if (!Number.isFinite(px) || !Number.isFinite(py) || w === 0) continue;
    // Cells whose centre can lie within h: centre = min + (index + ½)·cellSize.
    const col0 = Math.max(0, Math.ceil((px - bandwidth - minX) / cellSize - 0.5));
    const col1 = Math.min(nx - 1, Math.floor((px + bandwidth - minX) / cellSize - 0.5));
    const row0 = Math.max(0, Math.ceil((py - bandwidth - minY) / cellSize - 0.5));
    const row1 = Math.min(ny - 1, Math.floor((py + bandwidth - minY) / cellSize - 0.5));
    for (let row = row0; row <= row1; row++) {
      const dy = minY + (row + 0.5) * cellSize - py;
      const dy2 = dy * dy;
      const base = row * nx;
      for (let col = col0; col <= col1; col++) {
        const dx = minX + (col + 0.5) * cellSize - px;
        const d2 = dx * dx + dy2;
        if (d2 < h2) {
          const u = 1 - d2 / h2;
          density[base + col] += w * scale * u * u;
        }
      }
    }
  }
  return { x0: minX, y0: minY, cellSize, nx, ny, bandwidth, density };
}

/** Σ density × cell area: the number (or weight) of points the grid captures. Equals the
 * point count when every point lies at least one bandwidth inside the grid; less near its
 * edge, where part of a kernel falls outside. */
export function kdeTotalMass(grid: KdeGrid): number {
  let sum = 0;
  for (let i = 0; i < grid.density.length; i++) sum += grid.density[i];
  return (sum * grid.cellSize * grid.cellSize) / M2_PER_KM2;
}

/** RD centre of grid cell (col, row). */
export function kdeCellCentre(grid: KdeGrid, col: number, row: number): [number, number] {
  return [grid.x0 + (col + 0.5) * grid.cellSize, grid.y0 + (row + 0.5) * grid.cellSize];
}
