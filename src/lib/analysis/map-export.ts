/**
 * Map results to take away (for QGIS or a spreadsheet): hotspot cells, emerging-hotspot
 * cells and the wijk/buurt choropleth as GeoJSON (RFC 7946: WGS84 lon/lat, foreign members
 * for what the file is) and as CSV through the one CSV writer (csv-export.ts).
 *
 * Privacy (PRODUCT.md): counts 1–4 are never written. The export assumes the sum of its
 * counts is known (the screen shows a total), so cells that would give a hidden count back
 * from that sum are kept back as well (complementary suppression, suppression.ts). A rate per
 * 1,000 inhabitants is left out whenever its count is, since rate × inhabitants / 1,000 is
 * the count. The Gi* z-score is not written: with the neighbours' counts it would be one
 * equation for a hidden count; the confidence class says what the analyst needs.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { AREA_STATUS_LABELS, type AreaRate } from './area-rates';
import { buildCsv, type CsvColumn } from './csv-export';
import { EMERGING_CATEGORIES, type EmergingCategory } from './emerging';
import { CONFIDENCE_LABELS, type ConfidenceClass } from './gistar';
import {
  COMPLEMENT_MARK,
  protectCells,
  smallMark,
  SUPPRESSION_NOTE,
  type CellState,
} from './suppression';

/** What the file holds, written into the GeoJSON and above nothing in the CSV (one table). */
export interface ExportMeta {
  /** e.g. 'Hotspots (Gi*)'. */
  title: string;
  /** The filter in words, as the page shows it. */
  filter: string;
  /** When the export was made (ISO 8601). */
  made: string;
}

export interface ExportCell {
  polygon: readonly (readonly [number, number])[];
  q: number;
  r: number;
  count: number;
}

export interface HotspotExportCell extends ExportCell {
  klass: ConfidenceClass;
}

export interface EmergingExportCell extends ExportCell {
  category: EmergingCategory;
}

/** A count as it may be written: the number, or null with the mark that replaces it. */
export interface ProtectedCount {
  value: number | null;
  text: string;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * Primary and complementary suppression of counts whose sum is taken as public. Returns,
 * per count, what may be written.
 */
export function protectCounts(counts: readonly number[]): ProtectedCount[] {
  const total = counts.reduce((sum, n) => sum + n, 0);
  const values = [...counts, total];
  const parts = counts.map((_, i) => i);
  const states: CellState[] = protectCells(values, [{ totals: [counts.length], parts }]);
  return counts.map((n, i) => {
    if (states[i] === 'small') return { value: null, text: smallMark() };
    if (states[i] === 'complement') return { value: null, text: COMPLEMENT_MARK };
    return { value: n, text: String(n) };
  });
}

function ring(polygon: readonly (readonly [number, number])[]): Position[] {
  const points = polygon.map(([lon, lat]) => [round6(lon), round6(lat)]);
  const [first, last] = [points[0], points[points.length - 1]];
  if (first && (first[0] !== last[0] || first[1] !== last[1])) points.push([...first]);
  return points;
}

function centre(polygon: readonly (readonly [number, number])[]): [number, number] {
  const n = polygon.length;
  const lon = polygon.reduce((s, p) => s + p[0], 0) / n;
  const lat = polygon.reduce((s, p) => s + p[1], 0) / n;
  return [round6(lon), round6(lat)];
}

function collection(meta: ExportMeta, features: Feature[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    // Foreign members (RFC 7946 §6.1): QGIS takes `name` as the layer name.
    name: meta.title,
    wijkradar: {
      titel: meta.title,
      filter: meta.filter,
      gemaakt: meta.made,
      onderdrukking: `${SUPPRESSION_NOTE} ‘${COMPLEMENT_MARK}’: weggelaten omdat het anders uit het totaal terug te rekenen is.`,
    },
    features,
  } as FeatureCollection;
}

interface CellRow<C extends ExportCell> {
  cell: C;
  count: ProtectedCount;
}

function cellRows<C extends ExportCell>(cells: readonly C[]): CellRow<C>[] {
  const counts = protectCounts(cells.map((c) => c.count));
  return cells.map((cell, i) => ({ cell, count: counts[i] }));
}

function cellFeatures<C extends ExportCell>(
  rows: readonly CellRow<C>[],
  properties: (cell: C) => Record<string, string | number | null>,
): Feature[] {
  return rows.map(({ cell, count }) => ({
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [ring(cell.polygon)] },
    properties: {
      cel: `${cell.q},${cell.r}`,
      ...properties(cell),
      aantal: count.value,
      aantal_tekst: count.text,
    },
  }));
}

const CONFIDENCE: Record<ConfidenceClass, number | null> = {
  3: 99,
  2: 95,
  1: 90,
  0: null,
  [-1]: 90,
  [-2]: 95,
  [-3]: 99,
};

const hotspotProps = (cell: HotspotExportCell) => ({
  klasse: CONFIDENCE_LABELS[cell.klass].label,
  soort: cell.klass > 0 ? 'hotspot' : cell.klass < 0 ? 'coldspot' : 'niet significant',
  betrouwbaarheid: CONFIDENCE[cell.klass],
});

const emergingProps = (cell: EmergingExportCell) => ({
  patroon: EMERGING_CATEGORIES[cell.category].label,
});

function cellColumns<C extends ExportCell>(
  extra: CsvColumn<CellRow<C>>[],
): CsvColumn<CellRow<C>>[] {
  return [
    { label: 'Cel', kind: 'text', value: (r) => `${r.cell.q},${r.cell.r}` },
    {
      label: 'Lengtegraad (midden)',
      kind: 'number',
      decimals: 6,
      value: (r) => centre(r.cell.polygon)[0],
    },
    {
      label: 'Breedtegraad (midden)',
      kind: 'number',
      decimals: 6,
      value: (r) => centre(r.cell.polygon)[1],
    },
    ...extra,
    // Already protected: written as text so the CSV writer does not judge it again.
    { label: 'Aantal', kind: 'text', value: (r) => r.count.text },
  ];
}

export function hotspotGeoJson(cells: readonly HotspotExportCell[], meta: ExportMeta) {
  return collection(meta, cellFeatures(cellRows(cells), hotspotProps));
}

export function hotspotCsv(cells: readonly HotspotExportCell[]): string {
  return buildCsv(
    cellColumns<HotspotExportCell>([
      { label: 'Klasse', kind: 'text', value: (r) => CONFIDENCE_LABELS[r.cell.klass].label },
    ]),
    cellRows(cells),
  );
}

export function emergingGeoJson(cells: readonly EmergingExportCell[], meta: ExportMeta) {
  return collection(meta, cellFeatures(cellRows(cells), emergingProps));
}

export function emergingCsv(cells: readonly EmergingExportCell[]): string {
  return buildCsv(
    cellColumns<EmergingExportCell>([
      {
        label: 'Patroon',
        kind: 'text',
        value: (r) => EMERGING_CATEGORIES[r.cell.category].label,
      },
    ]),
    cellRows(cells),
  );
}

interface AreaRow {
  area: AreaRate;
  count: ProtectedCount;
  /** The rate, or null when it is not written (no rate, or its count is kept back). */
  rate: number | null;
  note: string;
}

function areaRows(rates: readonly AreaRate[]): AreaRow[] {
  const counts = protectCounts(rates.map((a) => a.count));
  return rates.map((area, i) => {
    const count = counts[i];
    const hidden = count.value === null;
    const rate = hidden || area.rate === null ? null : Math.round(area.rate * 10) / 10;
    const note =
      area.status !== 'ok'
        ? AREA_STATUS_LABELS[area.status]
        : hidden
          ? 'per 1.000 inwoners weggelaten (klein aantal)'
          : '';
    return { area, count, rate, note };
  });
}

/** Wijken or buurten with their counts and rates; `features` carry a `code` property. */
export function areaGeoJson(
  features: FeatureCollection,
  rates: ReadonlyMap<string, AreaRate>,
  meta: ExportMeta,
) {
  const shapes = features.features.filter((f) => rates.has(String(f.properties?.code)));
  const rows = areaRows(shapes.map((f) => rates.get(String(f.properties?.code))!));
  return collection(
    meta,
    shapes.map((f, i) => {
      const { area, count, rate, note } = rows[i];
      return {
        type: 'Feature',
        geometry: f.geometry as Geometry,
        properties: {
          code: area.code,
          naam: area.name,
          aantal: count.value,
          aantal_tekst: count.text,
          inwoners: area.inhabitants,
          per_1000_inwoners: rate,
          toelichting: note,
        },
      };
    }),
  );
}

export function areaCsv(rates: readonly AreaRate[]): string {
  return buildCsv<AreaRow>(
    [
      { label: 'Code', kind: 'text', value: (r) => r.area.code },
      { label: 'Naam', kind: 'text', value: (r) => r.area.name },
      { label: 'Aantal', kind: 'text', value: (r) => r.count.text },
      { label: 'Inwoners', kind: 'number', decimals: 0, value: (r) => r.area.inhabitants },
      { label: 'Per 1.000 inwoners', kind: 'number', decimals: 1, value: (r) => r.rate },
      { label: 'Toelichting', kind: 'text', value: (r) => r.note },
    ],
    areaRows(rates),
  );
}
