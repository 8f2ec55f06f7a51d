/**
 * When the records layer draws every point, only those in the map view, or a density.
 *
 * The limit is 100,000 points. Below it the whole selection goes to the GPU once (about
 * 2 MB of Arrow, a few MB of attributes) and panning needs no query. Above it a point
 * layer stops telling the analyst anything: at the municipality's default zoom (about
 * 14 × 12 km in some 1,000 × 700 px) 100,000 points already cover the built-up area
 * several times over, so a colour per hexagon says more than the dots; and on a machine
 * without a GPU (SwiftShader, municipal laptops) a million points cost seconds per filter
 * change and per frame. The demo municipality (about 60,000 located records) stays below.
 * Zoomed in far enough that the points in view (with a margin of a quarter view on every
 * side, so a short pan shows no empty edge) are below the limit, those points are drawn.
 *
 * Where WebGL is drawn in software (no GPU, display/renderer-info.ts) the limit is 20,000:
 * there 40,000–100,000 points cost one to two seconds per filter change, the density a few
 * hundred milliseconds (`npm run bench -- explore.filter_p95`, headless Chromium on
 * SwiftShader). The legend says only what the reader needs — many points, shown as a
 * density — not why the limit is lower on this computer (issue 26: a GPU message over the
 * map read as an error).
 */
import { formatCount } from '$lib/format/nl';
import { isSoftwareRenderer, webglRenderer } from '$lib/display/renderer-info';

export const POINT_LIMIT = 100_000;
export const SOFTWARE_POINT_LIMIT = 20_000;

/** The map layer id of the records as a density (shared with map/explore-map-layers.ts). */
export { POINT_DENSITY_LAYER } from '$lib/display/map-cells';

/**
 * The limit for this browser's renderer; a browser test or benchmark may set another
 * (localStorage 'wijkradar.puntlimiet').
 */
export function pointLimit(renderer: string = webglRenderer()): number {
  const standard = isSoftwareRenderer(renderer) ? SOFTWARE_POINT_LIMIT : POINT_LIMIT;
  try {
    const value = Number(globalThis.localStorage?.getItem('wijkradar.puntlimiet'));
    return Number.isInteger(value) && value > 0 ? value : standard;
  } catch {
    return standard;
  }
}

/** Whether `limit` is the software limit because this browser draws without a GPU. */
export function softwareLimited(limit: number, renderer: string = webglRenderer()): boolean {
  return limit === SOFTWARE_POINT_LIMIT && isSoftwareRenderer(renderer);
}

export type PointMode = 'alle' | 'beeld' | 'dichtheid';

export interface PointDisplay {
  mode: PointMode;
  /** Located records under the filter. */
  total: number;
  /** Of those, inside the (padded) map view; null when the view is not known. */
  inView: number | null;
  limit: number;
  /** Points on the map (0 when drawn as a density). */
  drawn: number;
  /** The limit is the lower one of a browser that draws the map without a GPU. */
  software?: boolean;
}

export function choosePointMode(total: number, inView: number | null, limit: number): PointMode {
  if (total <= limit) return 'alle';
  if (inView !== null && inView <= limit) return 'beeld';
  return 'dichtheid';
}

/** The view box [west, south, east, north] widened by `fraction` of its size on each side. */
export function padBox(
  box: readonly [number, number, number, number],
  fraction = 0.25,
): [number, number, number, number] {
  const [w, s, e, n] = box;
  const dx = (e - w) * fraction;
  const dy = (n - s) * fraction;
  return [w - dx, s - dy, e + dx, n + dy];
}

/** The plain-Dutch line in the legend; null when every point is drawn. */
export function pointNotice(display: PointDisplay): string | null {
  if (display.mode === 'alle') return null;
  if (display.mode === 'beeld') {
    return `Alleen de punten in en rond het kaartbeeld worden getoond (${formatCount(display.drawn)} van ${formatCount(display.total)}); zoom uit voor het geheel.`;
  }
  return `Veel punten (${formatCount(display.total)}): getoond als dichtheid. Zoom in of filter voor losse punten.`;
}
