/**
 * The Verkennen view's own state in the URL, next to the shared filter's parameters
 * (filter-url.ts): visible layers, their settings and the map view
 * (`?lagen=punten,hotspots&cel=200&buren=r2&kaart=6.21,52.07,13.5`). A reload, the back
 * and forward buttons and a link sent to a colleague open the same view. Unknown or
 * tampered values fall back to the defaults. Keys and their meaning: url-keys.ts.
 */
import { EXPLORE_FACTS_CELL } from '$lib/data/queries/explore-facts-table';
import {
  oneOf,
  readKey,
  unlessDefault,
  writeKey,
  type PageUrlCodec,
  type UrlKeyName,
} from '../shared/url-keys';

export const EXPLORE_LAYERS = [
  'punten',
  'zeshoeken',
  'dichtheid',
  'gebieden',
  'hotspots',
  'opkomend',
  'aandacht',
  'interventies',
  'panden',
] as const;
export type ExploreLayer = (typeof EXPLORE_LAYERS)[number];

export const LAYER_LABELS: Record<ExploreLayer, string> = {
  punten: 'Registraties als punten',
  zeshoeken: 'Aantallen per zeshoek',
  dichtheid: 'Dichtheid (heatmap)',
  gebieden: 'Wijken of buurten (choropleth)',
  hotspots: 'Hotspots (Getis-Ord Gi*)',
  opkomend: 'Opkomende hotspots (trend)',
  aandacht: 'Aandachtslocaties',
  interventies: 'Interventies',
  panden: 'Gebouwen',
};

export type Neighbourhood = { rings: number } | { distance: number };

export interface MapViewState {
  lon: number;
  lat: number;
  zoom: number;
}

export interface ExploreView {
  layers: ExploreLayer[];
  /** Hexagon circumradius in metres (density, hotspots, emerging). */
  cell: number;
  /** Gi* neighbourhood: rings of cells or a distance band in metres. */
  neighbourhood: Neighbourhood;
  /** KDE bandwidth in metres. */
  bandwidth: number;
  areaLevel: 'wijk' | 'buurt';
  measure: 'aantal' | 'per1000';
  /** Emerging hot spots: months per time step. */
  step: number;
  basemap: 'offline' | 'pdok';
  /** null = fit the municipality. */
  map: MapViewState | null;
}

export const DEFAULT_VIEW: ExploreView = {
  layers: ['punten'],
  cell: EXPLORE_FACTS_CELL,
  neighbourhood: { rings: 1 },
  bandwidth: 300,
  areaLevel: 'wijk',
  measure: 'aantal',
  step: 3,
  basemap: 'offline',
  map: null,
};

export const CELL_SIZES = [50, 100, 150, 200, 250, 300, 400, 500] as const;
export const BANDWIDTHS = [100, 150, 200, 300, 400, 500, 750, 1000] as const;
export const STEPS = [1, 2, 3, 6] as const;

/** URL parameters this module owns (the filter's are left alone). */
export const EXPLORE_PARAMS = [
  'laag',
  'lagen',
  'cel',
  'buren',
  'bandbreedte',
  'gebied_niveau',
  'maat',
  'stap',
  'achtergrond',
  'kaart',
] as const satisfies readonly UrlKeyName[];

function parseNeighbourhood(raw: string | null): Neighbourhood {
  const rings = /^r([1-5])$/.exec(raw ?? '');
  if (rings) return { rings: Number(rings[1]) };
  const band = /^(\d{2,4})m$/.exec(raw ?? '');
  if (band && Number(band[1]) >= 50 && Number(band[1]) <= 5000)
    return { distance: Number(band[1]) };
  return DEFAULT_VIEW.neighbourhood;
}

function parseMap(raw: string | null): MapViewState | null {
  const parts = (raw ?? '').split(',').map(Number);
  if (parts.length !== 3 || !parts.every(Number.isFinite)) return null;
  const [lon, lat, zoom] = parts;
  if (Math.abs(lon) > 180 || Math.abs(lat) > 85 || zoom < 0 || zoom > 22) return null;
  return { lon, lat, zoom };
}

export function parseExploreView(params: URLSearchParams): ExploreView {
  let layers = (readKey(params, 'lagen') ?? []).filter((l): l is ExploreLayer =>
    (EXPLORE_LAYERS as readonly string[]).includes(l),
  );
  // Links from before multiple layers: ?laag=hotspots.
  if (!params.has('lagen'))
    layers = readKey(params, 'laag') === 'hotspots' ? ['hotspots'] : ['punten'];
  return {
    layers: EXPLORE_LAYERS.filter((l) => layers.includes(l)),
    cell: oneOf(readKey(params, 'cel'), CELL_SIZES, 150),
    neighbourhood: parseNeighbourhood(readKey(params, 'buren')),
    bandwidth: oneOf(readKey(params, 'bandbreedte'), BANDWIDTHS, 300),
    areaLevel: readKey(params, 'gebied_niveau') ?? 'wijk',
    measure: readKey(params, 'maat') ?? 'aantal',
    step: oneOf(readKey(params, 'stap'), STEPS, 3),
    basemap: readKey(params, 'achtergrond') ?? 'offline',
    map: parseMap(readKey(params, 'kaart')),
  };
}

export function formatMapView(map: MapViewState): string {
  return `${map.lon.toFixed(5)},${map.lat.toFixed(5)},${map.zoom.toFixed(2)}`;
}

/**
 * Writes the view into a copy of `params`, replacing this module's parameters and keeping
 * the others (the filter's). Defaults are left out so plain links stay plain.
 */
export function writeExploreView(params: URLSearchParams, view: ExploreView): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of EXPLORE_PARAMS) next.delete(key);
  const layers = EXPLORE_LAYERS.filter((l) => view.layers.includes(l));
  if (layers.join(',') !== DEFAULT_VIEW.layers.join(',')) next.set('lagen', layers.join(','));
  writeKey(next, 'cel', unlessDefault(view.cell, DEFAULT_VIEW.cell));
  const n = view.neighbourhood;
  if (!('rings' in n && n.rings === 1)) {
    writeKey(next, 'buren', 'rings' in n ? `r${n.rings}` : `${n.distance}m`);
  }
  writeKey(next, 'bandbreedte', unlessDefault(view.bandwidth, DEFAULT_VIEW.bandwidth));
  writeKey(next, 'gebied_niveau', unlessDefault(view.areaLevel, DEFAULT_VIEW.areaLevel));
  writeKey(next, 'maat', unlessDefault(view.measure, DEFAULT_VIEW.measure));
  writeKey(next, 'stap', unlessDefault(view.step, DEFAULT_VIEW.step));
  writeKey(next, 'achtergrond', unlessDefault(view.basemap, DEFAULT_VIEW.basemap));
  if (view.map) writeKey(next, 'kaart', formatMapView(view.map));
  return next;
}

export const exploreUrlCodec: PageUrlCodec<ExploreView> = {
  keys: EXPLORE_PARAMS,
  parse: parseExploreView,
  write: writeExploreView,
};

/** Same view within rounding (the map reports its view with more digits than the URL). */
export function sameMapView(a: MapViewState | null, b: MapViewState | null): boolean {
  if (!a || !b) return a === b;
  return formatMapView(a) === formatMapView(b);
}
