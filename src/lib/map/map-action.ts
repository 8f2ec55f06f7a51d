/**
 * The one owner of a MapLibre map and its deck.gl overlay (STYLE.md §6): creates both once,
 * feeds new layers through setProps, resizes with its element and cleans up on destroy.
 * deck.gl runs overlaid (not interleaved), the safer mode with MapLibre 6 (STACK.md).
 * It also reports the view (centre, zoom) after every move, follows a view set from the
 * outside (back/forward), switches base styles and lets the user draw a rectangle.
 */
import { Layer, type LayersList, type PickingInfo } from '@deck.gl/core';
import type { StyleSpecification } from 'maplibre-gl';
import { attachAreaNames } from './area-names-canvas';
import { drawBoxOn } from './draw-box';
import { MAPLIBRE_LOCALE_NL } from './locale-nl';

type MapRuntime = typeof import('./maplibre-runtime');
let runtime: Promise<MapRuntime> | null = null;

/** MapLibre's code, loaded once, by the first map (maplibre-runtime.ts). */
function loadRuntime(): Promise<MapRuntime> {
  runtime ??= import('./maplibre-runtime').catch((error: unknown) => {
    runtime = null;
    throw error;
  });
  return runtime;
}

/**
 * Starts loading MapLibre's code before the map is made, for a view that knows a map will
 * follow its figures: the parsing then overlaps the figures' queries.
 */
export function preloadMapRuntime(): void {
  loadRuntime().catch(() => undefined); // the map reports a failure when it is made
}

/** Shown when MapLibre or deck.gl reports an error (their text goes to the console). */
export const MAP_FAILED =
  'De kaart kon niet volledig worden getekend. Laad de pagina opnieuw; de cijfers en grafieken naast de kaart blijven kloppen.';

export interface MapCamera {
  lon: number;
  lat: number;
  zoom: number;
}

export interface MapViewParams {
  /** A style object (offline) or a style URL (PDOK), replaced when it changes. */
  style: StyleSpecification | string;
  bounds: [[number, number], [number, number]];
  /** null = fit `bounds`. Set from outside (URL): the map jumps there when it differs. */
  camera?: MapCamera | null;
  /**
   * Fit `bounds` again whenever they change (a briefing slide showing another dagdeel's
   * places) instead of only when the map is created: the map is kept, not made anew.
   */
  refitBounds?: boolean;
  layers: LayersList;
  /** Accessible name of the map region. */
  label: string;
  getTooltip?: (info: PickingInfo) => string | null;
  onclick?: (info: PickingInfo) => void;
  onhover?: (info: PickingInfo) => void;
  /** After every move: the view and the visible lon/lat box [west, south, east, north]. */
  oncamera?: (camera: MapCamera, bbox: [number, number, number, number]) => void;
  /** The visible lon/lat box once the map has loaded and after every move. */
  onbounds?: (bbox: [number, number, number, number]) => void;
  /** While true, a drag draws a rectangle instead of panning. */
  drawBox?: boolean;
  onbox?: (bbox: [number, number, number, number]) => void;
  /** Called after the map and the current deck.gl layers have been drawn. */
  onrendered?: () => void;
  onerror?: (message: string) => void;
  /** Any click on the map, as a WGS84 position (e.g. a route's start point). */
  onmapclick?: (lon: number, lat: number) => void;
  /** A base style URL could not be loaded (e.g. PDOK offline). */
  onstyleerror?: (message: string) => void;
}

const sameBounds = (a: MapViewParams['bounds'], b: MapViewParams['bounds']) =>
  a.every((corner, i) => corner.every((v, j) => Math.abs(v - b[i][j]) < 1e-9));

const near = (a: MapCamera, b: MapCamera) =>
  Math.abs(a.lon - b.lon) < 1e-5 &&
  Math.abs(a.lat - b.lat) < 1e-5 &&
  Math.abs(a.zoom - b.zoom) < 0.01;

/**
 * The map is created after the frame that shows the page around it, once MapLibre's code
 * has loaded: creating MapLibre and deck.gl costs a few hundred milliseconds on a machine
 * without a GPU, and the text beside the map (a briefing slide, the filter panel) should
 * not wait for it. Updates before then only change the parameters the map is created with.
 */
export function mapView(node: HTMLElement, initial: MapViewParams) {
  let params = initial;
  let created: ReturnType<typeof createMapView> | null = null;
  let destroyed = false;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  loadRuntime().then(
    (lib) => {
      if (destroyed) return;
      frame = requestAnimationFrame(() => {
        timer = setTimeout(() => (created = createMapView(lib, node, params)), 0);
      });
    },
    () => {
      if (!destroyed) params.onerror?.('De kaart kon niet worden geladen. Herlaad de pagina.');
    },
  );
  return {
    update(next: MapViewParams) {
      params = next;
      created?.update(next);
    },
    destroy() {
      destroyed = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      created?.destroy();
    },
  };
}

function createMapView(
  { maplibregl, MapLibreOverlay }: MapRuntime,
  node: HTMLElement,
  initial: MapViewParams,
) {
  let params = initial;
  let loaded = false;
  let awaitingFrame = true;
  const camera = params.camera;
  const map = new maplibregl.Map({
    container: node,
    style: params.style,
    ...(camera
      ? { center: [camera.lon, camera.lat] as [number, number], zoom: camera.zoom }
      : { bounds: params.bounds, fitBoundsOptions: { padding: 24 } }),
    attributionControl: false,
    locale: MAPLIBRE_LOCALE_NL,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.getCanvas().setAttribute('aria-label', params.label);
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');

  const overlay = new MapLibreOverlay({
    interleaved: false,
    // Kept after each frame, like MapLibre's, so the map can be saved as PNG (map-snapshot.ts).
    deviceProps: { webgl: { preserveDrawingBuffer: true } },
    layers: [],
    // Points are 1.5–6 px: a few pixels of slack make them hoverable and clickable.
    pickingRadius: 4,
    getTooltip: (info) => params.getTooltip?.(info) ?? null,
    onClick: (info) => params.onclick?.(info),
    onHover: (info) => params.onhover?.(info),
    onAfterRender: () => {
      if (loaded && awaitingFrame) {
        awaitingFrame = false;
        params.onrendered?.();
      }
    },
    onError: (error) => params.onerror?.(error.message),
  });

  const current = (): MapCamera => {
    const c = map.getCenter();
    return { lon: c.lng, lat: c.lat, zoom: map.getZoom() };
  };

  const box4 = (): [number, number, number, number] => {
    const b = map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  };

  // While the map moves nothing is hovered: deck.gl would otherwise pick (draw every
  // pickable layer again and read the pixels back) on every frame of a pan, which on a
  // machine without a GPU costs as much as drawing the frame.
  let moving = false;
  const shown = (layers: LayersList): LayersList =>
    moving
      ? layers.map((layer) =>
          layer instanceof Layer && layer.props.pickable ? layer.clone({ pickable: false }) : layer,
        )
      : layers;
  map.on('movestart', () => {
    moving = true;
    if (loaded) overlay.setProps({ layers: shown(params.layers) });
  });
  map.on('moveend', () => {
    moving = false;
    if (loaded) overlay.setProps({ layers: params.layers });
  });

  map.on('load', () => {
    map.addControl(overlay);
    loaded = true;
    overlay.setProps({ layers: shown(params.layers) });
    params.onbounds?.(box4());
  });
  map.on('click', (event) => params.onmapclick?.(event.lngLat.lng, event.lngLat.lat));
  map.on('moveend', () => {
    const bbox = box4();
    params.oncamera?.(current(), bbox);
    params.onbounds?.(bbox);
  });
  map.on('error', (event) => {
    const message = event.error?.message ?? 'Kaartfout';
    if (typeof params.style === 'string') params.onstyleerror?.(message);
    else params.onerror?.(message);
  });

  const names = attachAreaNames(map, () => params.style);
  const box = drawBoxOn(map, (bbox) => params.onbox?.(bbox));
  box.enable(Boolean(params.drawBox));

  const resizer = new ResizeObserver(() => map.resize());
  resizer.observe(node);

  return {
    update(next: MapViewParams) {
      const layersChanged = next.layers !== params.layers;
      const styleChanged = next.style !== params.style;
      const hadCamera = Boolean(params.camera);
      const boundsChanged = !sameBounds(next.bounds, params.bounds);
      params = next;
      if (styleChanged) {
        map.setStyle(next.style);
        names.restyle();
      }
      if (next.camera && !near(next.camera, current())) {
        map.jumpTo({ center: [next.camera.lon, next.camera.lat], zoom: next.camera.zoom });
      } else if (!next.camera && (hadCamera || (next.refitBounds && boundsChanged))) {
        // the camera left the URL (back to a plain link), or the area to show changed: fit
        map.fitBounds(next.bounds, { padding: 24, animate: false });
      }
      box.enable(Boolean(next.drawBox));
      if (layersChanged && loaded) {
        awaitingFrame = true;
        overlay.setProps({ layers: shown(next.layers) });
      }
    },
    destroy() {
      resizer.disconnect();
      names.destroy();
      box.destroy();
      map.remove(); // also removes the overlay control, which finalizes deck.gl
    },
  };
}
