/**
 * Buitengebied map layers: buildings coloured by risk class (or, when the user switches,
 * by last schouw status, Okabe-Ito) and shaped by use — vacant buildings large filled
 * discs, buildings in use small discs, both with a dark rim — the best-ranked ones numbered
 * with their rank (rank 1 larger still), each vacant one labelled with its schouw code and
 * id, so colour is never the only carrier; and the day's route as a line with numbered stops.
 */
import { PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { RiskClass } from '$lib/analysis/risk-class';
import type { RGB } from '$lib/display/theme-colors';

export type BuildingColouring = 'risico' | 'schouw';

export interface BuildingMarker {
  id: string;
  lon: number;
  lat: number;
  vacant: boolean;
  /** Latest schouw outcome, or null when never visited. */
  status: string | null;
  selected: boolean;
  riskClass: RiskClass;
  /** Rank over all buildings (1 = highest score). */
  rank: number;
  /** Whether the rank is drawn on the marker. */
  numbered: boolean;
}

/** How many of the shown buildings carry their rank number on the map. */
export const NUMBERED_BUILDINGS = 10;

/**
 * A sequential red scale (ColorBrewer RdYlBu's warm half, colour-blind safe as a lightness
 * ramp): darker is riskier. The light classes rely on the marker's dark rim for contrast.
 */
export const RISK_COLORS: Record<RiskClass, RGB> = {
  hoog: [165, 0, 38],
  middel: [244, 109, 67],
  laag: [254, 224, 144],
  geen: [255, 255, 255],
};

/** Text colour on a marker of the class (readable on its fill). */
export const RISK_TEXT_COLORS: Record<RiskClass, RGB> = {
  hoog: [255, 255, 255],
  middel: [20, 20, 20],
  laag: [20, 20, 20],
  geen: [20, 20, 20],
};

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

/** The fill colour a marker is drawn with. */
export function markerColor(m: BuildingMarker, colouring: BuildingColouring): RGB {
  return colouring === 'risico' ? RISK_COLORS[m.riskClass] : statusStyle(m.status).color;
}

/** Disc radius in pixels: rank 1 largest, numbered buildings large enough for the number. */
export function markerRadius(m: BuildingMarker): number {
  if (m.numbered && m.rank === 1) return 16;
  if (m.numbered) return 11;
  return m.vacant ? 9 : 5;
}

export function buildBuildingLayers(
  id: string,
  markers: readonly BuildingMarker[],
  colouring: BuildingColouring = 'risico',
) {
  const numbered = markers.filter((m) => m.numbered);
  // Rank 1 is drawn last, on top of anything near it.
  const ordered = [...markers].sort(
    (a, b) => Number(a.numbered) - Number(b.numbered) || b.rank - a.rank,
  );
  return [
    new ScatterplotLayer<BuildingMarker>({
      id: `${id}-punten`,
      data: ordered,
      getPosition: (m) => [m.lon, m.lat],
      getRadius: markerRadius,
      radiusUnits: 'pixels',
      getFillColor: (m) => [...markerColor(m, colouring), 255],
      getLineColor: (m) => (m.selected ? [0, 0, 0, 255] : [30, 30, 30, 255]),
      getLineWidth: (m) => (m.selected ? 4 : m.vacant || m.numbered ? 2 : 1.5),
      lineWidthUnits: 'pixels',
      stroked: true,
      filled: true,
      pickable: true,
      updateTriggers: {
        getFillColor: [markers, colouring],
        getLineColor: markers,
        getLineWidth: markers,
      },
    }),
    new TextLayer<BuildingMarker>({
      id: `${id}-rangen`,
      data: numbered,
      getPosition: (m) => [m.lon, m.lat],
      getText: (m) => String(m.rank),
      getSize: (m) => (m.rank === 1 ? 16 : 12),
      getColor: (m) =>
        colouring === 'risico' ? [...RISK_TEXT_COLORS[m.riskClass], 255] : [20, 20, 20, 255],
      fontWeight: 'bold',
      fontFamily: 'DejaVu Sans, Arial, sans-serif',
      updateTriggers: { getColor: [markers, colouring] },
    }),
    new TextLayer<BuildingMarker>({
      id: `${id}-labels`,
      data: markers.filter((m) => m.vacant || m.selected || m.numbered),
      getPosition: (m) => [m.lon, m.lat],
      getText: (m) => `${statusStyle(m.status).code} ${m.id}`,
      getSize: 12,
      getColor: [20, 20, 20, 255],
      getPixelOffset: (m) => [0, -(markerRadius(m) + 9)],
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
