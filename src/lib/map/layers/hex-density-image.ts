/**
 * Records per hexagon drawn as one image (a deck.gl BitmapLayer) instead of thousands of
 * polygons: the density shown when there are too many points to draw. Without a GPU
 * (SwiftShader) a frame with ~3,000 hexagon polygons took over a second while panning,
 * one textured rectangle about as long as the base map alone. Picking goes by position:
 * the clicked or hovered lon/lat is binned into its cell with the same RD polynomial as
 * the SQL (hexCellAt, display/map-cells.ts), so the drill-down and tooltip name exactly that cell's records.
 */
import { BitmapLayer } from '@deck.gl/layers';
import { classOf } from '$lib/analysis/area-rates';
import type { HexImageData } from '$lib/display/map-cells';
import { SEQUENTIAL_COLORS } from './hex-density';

export interface HexImage {
  canvas: HTMLCanvasElement;
  /** [west, south, east, north] of the image. */
  bounds: [number, number, number, number];
}

/** Longest image side in pixels: a few metres per pixel over a municipality. */
const MAX_SIDE = 2048;

export function renderHexImage(data: HexImageData): HexImage {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const cell of data.cells) {
    for (const [lon, lat] of cell.polygon) {
      w = Math.min(w, lon);
      e = Math.max(e, lon);
      s = Math.min(s, lat);
      n = Math.max(n, lat);
    }
  }
  if (!(e > w && n > s)) [w, s, e, n] = [0, 0, 1e-6, 1e-6];
  // Square pixels on the ground: a degree of longitude is shorter by cos(latitude).
  const aspect = ((e - w) * Math.cos((((s + n) / 2) * Math.PI) / 180)) / (n - s);
  const width = Math.max(1, Math.round(aspect >= 1 ? MAX_SIDE : MAX_SIDE * aspect));
  const height = Math.max(1, Math.round(aspect >= 1 ? MAX_SIDE / aspect : MAX_SIDE));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  const px = (lon: number) => ((lon - w) / (e - w)) * width;
  const py = (lat: number) => ((n - lat) / (n - s)) * height;
  for (const cell of data.cells) {
    const [r, g, b] = SEQUENTIAL_COLORS[classOf(cell.count, data.breaks)];
    ctx.fillStyle = `rgb(${r} ${g} ${b})`;
    ctx.beginPath();
    cell.polygon.forEach(([lon, lat], i) =>
      i === 0 ? ctx.moveTo(px(lon), py(lat)) : ctx.lineTo(px(lon), py(lat)),
    );
    ctx.closePath();
    // Opaque fills with a stroke of the same colour: no seams between neighbours.
    ctx.strokeStyle = ctx.fillStyle;
    ctx.fill();
    ctx.stroke();
  }
  return { canvas, bounds: [w, s, e, n] };
}

export function buildHexImageLayer(id: string, image: HexImage) {
  return new BitmapLayer({
    id,
    image: image.canvas,
    bounds: image.bounds,
    opacity: 0.8,
    pickable: true,
  });
}
