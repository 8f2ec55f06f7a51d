/**
 * The kernel density surface (analysis/kde.ts, bandwidth in metres on an RD grid) as an
 * image on the map. The grid is square in RD metres, so its four corners are placed in
 * WGS84 exactly (a quad, not a lon/lat box). Colours: ColorBrewer YlOrRd from 5% of the
 * highest density up; below that transparent, so the base map stays readable.
 */
import { BitmapLayer } from '@deck.gl/layers';
import type { KdeGrid } from '$lib/analysis/kde';
import { rdToWgs84 } from '$lib/analysis/rd';
import { SEQUENTIAL_COLORS } from './hex-density';

export function kdeMax(grid: KdeGrid): number {
  let max = 0;
  for (let i = 0; i < grid.density.length; i++) max = Math.max(max, grid.density[i]);
  return max;
}

/** The density image: one pixel per grid cell, north up. */
export function renderKdeImage(grid: KdeGrid, max: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = grid.nx;
  canvas.height = grid.ny;
  const context = canvas.getContext('2d')!;
  const image = context.createImageData(grid.nx, grid.ny);
  const k = SEQUENTIAL_COLORS.length;
  for (let row = 0; row < grid.ny; row++) {
    const y = grid.ny - 1 - row; // image rows run north → south
    for (let col = 0; col < grid.nx; col++) {
      const share = max > 0 ? grid.density[row * grid.nx + col] / max : 0;
      if (share < 0.05) continue;
      const [r, g, b] = SEQUENTIAL_COLORS[Math.min(k - 1, Math.floor(share * k))];
      const at = 4 * (y * grid.nx + col);
      image.data[at] = r;
      image.data[at + 1] = g;
      image.data[at + 2] = b;
      image.data[at + 3] = Math.round(110 + 120 * share);
    }
  }
  context.putImageData(image, 0, 0);
  return canvas;
}

export function buildKdeLayer(id: string, grid: KdeGrid, image: HTMLCanvasElement) {
  const x1 = grid.x0 + grid.nx * grid.cellSize;
  const y1 = grid.y0 + grid.ny * grid.cellSize;
  return new BitmapLayer({
    id,
    image,
    // bottom-left, top-left, top-right, bottom-right
    bounds: [
      rdToWgs84(grid.x0, grid.y0),
      rdToWgs84(grid.x0, y1),
      rdToWgs84(x1, y1),
      rdToWgs84(x1, grid.y0),
    ],
    opacity: 0.85,
    pickable: false,
  });
}
