/**
 * Buitengebied map layers: buildings coloured by schouw status (Okabe-Ito, colour-blind
 * safe) and shaped by use — vacant buildings large filled discs with a dark rim, buildings
 * in use small hollow rings — each labelled with a status code and its id, so colour is
 * never the only carrier; and the day's route as a line with numbered stops.
 */
import { PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { RGB } from '../theme-colors';

export interface BuildingMarker {
  id: string;
  lon: number;
  lat: number;
  vacant: boolean;
  /** Latest schouw outcome, or null when never visited. */
  status: string | null;
  selected: boolean;
}

export const STATUS_STYLES: { status: string | null; code: string; label: string; color: RGB }[] = [
  { status: null, code: '?', label: 'Nog niet geschouwd', color: [90, 90, 90] },
  { status: 'niets aangetroffen', code: 'OK', label: 'Niets aangetroffen', color: [0, 158, 115] },
  { status: 'aandachtspunt', code: '!', label: 'Aandachtspunt', color: [230, 159, 0] },
  {
    status: 'gesprek met eigenaar',
    code: 'G',
    label: 'Gesprek met eigenaar',
    color: [0, 114, 178],
  },
  {
    status: 'doorgezet naar politie',
    code: 'P',
    label: 'Doorgezet naar politie',
    color: [213, 94, 0],
  },
  {
    status: 'doorgezet naar RIEC',
    code: 'R',
    label: 'Doorgezet naar RIEC',
    color: [204, 121, 167],
  },
];

export function statusStyle(status: string | null) {
  return STATUS_STYLES.find((s) => s.status === status) ?? STATUS_STYLES[0];
}

export function buildBuildingLayers(id: string, markers: readonly BuildingMarker[]) {
  return [
    new ScatterplotLayer<BuildingMarker>({
      id: `${id}-punten`,
      data: markers,
      getPosition: (m) => [m.lon, m.lat],
      getRadius: (m) => (m.vacant ? 9 : 5),
      radiusUnits: 'pixels',
      getFillColor: (m) => (m.vacant ? [...statusStyle(m.status).color, 230] : [255, 255, 255, 0]),
      getLineColor: (m) =>
        m.selected
          ? [0, 0, 0, 255]
          : m.vacant
            ? [30, 30, 30, 255]
            : [...statusStyle(m.status).color, 255],
      getLineWidth: (m) => (m.selected ? 4 : m.vacant ? 2 : 2.5),
      lineWidthUnits: 'pixels',
      stroked: true,
      filled: true,
      pickable: true,
      updateTriggers: { getLineColor: markers, getLineWidth: markers },
    }),
    new TextLayer<BuildingMarker>({
      id: `${id}-labels`,
      data: markers.filter((m) => m.vacant || m.selected),
      getPosition: (m) => [m.lon, m.lat],
      getText: (m) => `${statusStyle(m.status).code} ${m.id}`,
      getSize: 12,
      getColor: [20, 20, 20, 255],
      getPixelOffset: [0, -16],
      background: true,
      getBackgroundColor: [255, 255, 255, 220],
      backgroundPadding: [2, 1],
      fontFamily: 'DejaVu Sans, Arial, sans-serif',
    }),
  ];
}

export interface RouteLine {
  start: [number, number];
  stops: [number, number][];
  roundTrip: boolean;
}

export function buildRouteLayers(id: string, route: RouteLine) {
  const path = [route.start, ...route.stops, ...(route.roundTrip ? [route.start] : [])];
  const labels = route.stops.map((p, i) => ({ position: p, text: String(i + 1) }));
  return [
    new PathLayer<{ path: [number, number][] }>({
      id: `${id}-lijn`,
      data: [{ path }],
      getPath: (d) => d.path,
      getColor: [1, 104, 155, 220],
      getWidth: 3,
      widthUnits: 'pixels',
    }),
    new ScatterplotLayer<[number, number]>({
      id: `${id}-start`,
      data: [route.start],
      getPosition: (p) => p,
      getRadius: 8,
      radiusUnits: 'pixels',
      getFillColor: [255, 255, 255, 255],
      getLineColor: [1, 104, 155, 255],
      getLineWidth: 3,
      lineWidthUnits: 'pixels',
      stroked: true,
    }),
    new TextLayer<{ position: [number, number]; text: string }>({
      id: `${id}-volgorde`,
      data: [{ position: route.start, text: 'Start' }, ...labels],
      getPosition: (d) => d.position,
      getText: (d) => d.text,
      getSize: 13,
      getColor: [255, 255, 255, 255],
      getPixelOffset: [0, 16],
      background: true,
      getBackgroundColor: [1, 104, 155, 255],
      backgroundPadding: [3, 1],
      fontFamily: 'DejaVu Sans, Arial, sans-serif',
    }),
  ];
}

export interface SignalMarker {
  lon: number;
  lat: number;
}

/** Signals around one building (the Informatiecheck's surroundings map). */
export function buildSignalLayer(id: string, signals: readonly SignalMarker[]) {
  return new ScatterplotLayer<SignalMarker>({
    id,
    data: signals,
    getPosition: (s) => [s.lon, s.lat],
    getRadius: 5,
    radiusUnits: 'pixels',
    getFillColor: [213, 94, 0, 200],
    getLineColor: [255, 255, 255, 255],
    getLineWidth: 1,
    lineWidthUnits: 'pixels',
    stroked: true,
  });
}
