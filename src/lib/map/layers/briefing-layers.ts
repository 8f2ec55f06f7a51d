/**
 * Map layers for the projected briefing: numbered hexagons for the expected hotspots and
 * buurten with their (suppressed) counts for the last hours. Every coloured shape carries
 * its number or count as text too, so colour is never the only carrier of meaning.
 */
import { WebMercatorViewport } from '@deck.gl/core';
import { PolygonLayer, TextLayer } from '@deck.gl/layers';
import type { MultiPolygonCoords } from '$lib/analysis/area-index';
import { boundingBox } from '$lib/analysis/bounding-box';
import { placeLabels } from '../label-placement';

type Rgba = [number, number, number, number];

export interface RankedCell {
  rank: number;
  polygon: [number, number][];
  centre: [number, number];
}

const LABEL_STYLE = {
  getSize: 30,
  fontWeight: 700,
  fontFamily: 'system-ui, sans-serif',
  getColor: [255, 255, 255, 255] as Rgba,
  outlineWidth: 4,
  outlineColor: [0, 0, 0, 255] as Rgba,
  fontSettings: { sdf: true },
  characterSet: '0123456789<>',
};

export function buildRankedCellLayers(id: string, cells: readonly RankedCell[]) {
  return [
    new PolygonLayer<RankedCell>({
      id: `${id}-cellen`,
      data: cells,
      getPolygon: (cell) => cell.polygon,
      getFillColor: [153, 0, 13, 210],
      getLineColor: [0, 0, 0, 255],
      lineWidthMinPixels: 3,
    }),
    new TextLayer<RankedCell>({
      id: `${id}-nummers`,
      data: cells,
      getPosition: (cell) => cell.centre,
      getText: (cell) => String(cell.rank),
      ...LABEL_STYLE,
    }),
  ];
}

export interface CountedArea {
  code: string;
  /** The count behind the colour; null where it is hidden ("<5" or "x"). */
  n: number | null;
  count: string;
  polygons: MultiPolygonCoords;
  /** Where the label goes. */
  anchor: [number, number];
}

/**
 * Four classes, light to dark (ColorBrewer Oranges). A hidden count gets the lightest class
 * whatever it is: its colour must not tell "<5" apart any more than its label does.
 */
function fillFor(n: number | null, max: number): Rgba {
  const share = n === null ? 0 : n / Math.max(1, max);
  if (share > 0.75) return [166, 54, 3, 220];
  if (share > 0.5) return [230, 85, 13, 200];
  if (share > 0.25) return [253, 141, 60, 190];
  return [253, 190, 133, 180];
}

/**
 * Buurten coloured by count, with a count label where it fits: `project` (lon/lat → screen
 * px of the map as drawn) lets the labels skip those that would overlap one already placed,
 * largest shown count first and hidden counts last. Without it every area is labelled.
 */
export function buildCountedAreaLayers(
  id: string,
  areas: readonly CountedArea[],
  project?: (lonLat: [number, number]) => [number, number],
) {
  const max = Math.max(0, ...areas.map((a) => a.n ?? 0));
  const labelled = project
    ? placeLabels(
        [...areas]
          .sort((a, b) => (b.n ?? -1) - (a.n ?? -1) || a.code.localeCompare(b.code))
          .map((area) => ({ item: area, at: project(area.anchor), text: area.count })),
        LABEL_STYLE.getSize,
      ).map((p) => p.item)
    : areas;
  const rings = areas.flatMap((area) => area.polygons.map((polygon) => ({ area, polygon })));
  return [
    new PolygonLayer<(typeof rings)[number]>({
      id: `${id}-buurten`,
      data: rings,
      getPolygon: (d) => d.polygon as unknown as [number, number][][],
      getFillColor: (d) => fillFor(d.area.n, max),
      getLineColor: [0, 0, 0, 255],
      lineWidthMinPixels: 2,
    }),
    new TextLayer<CountedArea>({
      id: `${id}-aantallen`,
      data: labelled,
      getPosition: (area) => area.anchor,
      getText: (area) => area.count,
      ...LABEL_STYLE,
    }),
  ];
}

/** A label point inside the largest ring: the vertex mean, or the first vertex if outside. */
export function labelAnchor(polygons: MultiPolygonCoords): [number, number] {
  let best = polygons[0]?.[0] ?? [];
  for (const polygon of polygons) if ((polygon[0]?.length ?? 0) > best.length) best = polygon[0];
  if (best.length === 0) return [0, 0];
  let x = 0;
  let y = 0;
  for (const [lon, lat] of best) {
    x += lon;
    y += lat;
  }
  return [x / best.length, y / best.length];
}

export type Bounds = [[number, number], [number, number]];

/**
 * The box around the given points, grown to at least `minSpan` degrees each way and by a
 * margin, so a projected map zooms to what the slide talks about.
 */
export function boundsAround(
  points: readonly (readonly number[])[],
  fallback: Bounds,
  minSpan = 0.02,
): Bounds {
  if (points.length === 0) return fallback;
  const [minX, minY, maxX, maxY] = boundingBox(points);
  const grow = (lo: number, hi: number): [number, number] => {
    const span = Math.max(minSpan, (hi - lo) * 1.2);
    const mid = (lo + hi) / 2;
    return [mid - span / 2, mid + span / 2];
  };
  const [x0, x1] = grow(minX, maxX);
  const [y0, y1] = grow(minY, maxY);
  return [
    [x0, y0],
    [x1, y1],
  ];
}

/**
 * lon/lat → screen px of a `width` × `height` map fitted to `bounds` as map-action.ts fits
 * it (padding 24), for placing labels; undefined before the map has a size.
 */
export function fittedProjection(width: number, height: number, bounds: Bounds) {
  if (width <= 48 || height <= 48) return undefined;
  const view = new WebMercatorViewport({ width, height }).fitBounds(bounds, { padding: 24 });
  return (lonLat: [number, number]) => view.project(lonLat) as [number, number];
}
