/**
 * MapLibre and deck.gl's MapLibre overlay, loaded when the first map is made (map-action.ts)
 * rather than with the page: about 1 MB of script that a page's text, figures and slides do
 * not need, so they are on screen before it has been parsed.
 */
import { MapLibreOverlay } from '@deck.gl/maplibre';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

// Before the first map: without it the built app asks for the worker at a chunk path,
// gets 404 (or the SPA fallback page) and the map stays blank (STACK.md).
maplibregl.setWorkerUrl(workerUrl);

export { maplibregl, MapLibreOverlay };
