/**
 * The one owner of a MapLibre map and its deck.gl overlay (STYLE.md §6): creates both once,
 * feeds new layers through setProps, resizes with its element and cleans up on destroy.
 * deck.gl runs overlaid (not interleaved), the safer mode with MapLibre 6 (STACK.md).
 */
import type { LayersList, PickingInfo } from '@deck.gl/core';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

// Before the first map: without it the built app asks for the worker at a chunk path,
// gets 404 (or the SPA fallback page) and the map stays blank (STACK.md).
maplibregl.setWorkerUrl(workerUrl);

export interface MapViewParams {
  style: maplibregl.StyleSpecification;
  bounds: [[number, number], [number, number]];
  layers: LayersList;
  /** Accessible name of the map region. */
  label: string;
  getTooltip?: (info: PickingInfo) => string | null;
  /** Called after the map and the current deck.gl layers have been drawn. */
  onrendered?: () => void;
  onerror?: (message: string) => void;
  /** A click on the map (not on a picked object), in WGS84. */
  onclick?: (lon: number, lat: number) => void;
}

export function mapView(node: HTMLElement, initial: MapViewParams) {
  let params = initial;
  let loaded = false;
  let awaitingFrame = true;
  const map = new maplibregl.Map({
    container: node,
    style: params.style,
    bounds: params.bounds,
    fitBoundsOptions: { padding: 24 },
    attributionControl: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.getCanvas().setAttribute('aria-label', params.label);
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');

  const overlay = new MapLibreOverlay({
    interleaved: false,
    layers: [],
    getTooltip: (info) => params.getTooltip?.(info) ?? null,
    onAfterRender: () => {
      if (loaded && awaitingFrame) {
        awaitingFrame = false;
        params.onrendered?.();
      }
    },
    onError: (error) => params.onerror?.(error.message),
  });

  map.on('load', () => {
    map.addControl(overlay);
    loaded = true;
    overlay.setProps({ layers: params.layers });
  });
  map.on('click', (event) => params.onclick?.(event.lngLat.lng, event.lngLat.lat));
  map.on('error', (event) => params.onerror?.(event.error?.message ?? 'Kaartfout'));

  const resizer = new ResizeObserver(() => map.resize());
  resizer.observe(node);

  return {
    update(next: MapViewParams) {
      const layersChanged = next.layers !== params.layers;
      params = next;
      if (layersChanged && loaded) {
        awaitingFrame = true;
        overlay.setProps({ layers: next.layers });
      }
    },
    destroy() {
      resizer.disconnect();
      map.remove(); // also removes the overlay control, which finalizes deck.gl
    },
  };
}
