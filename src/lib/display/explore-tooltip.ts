/**
 * Tooltip texts of the Verkennen map in Dutch, per layer: what the object is and its
 * numbers. Records (points) show their fields with Dutch labels.
 */
import type { PickingInfo } from '@deck.gl/core';
import { AREA_STATUS_LABELS, type AreaRate } from '$lib/analysis/area-rates';
import { EMERGING_CATEGORIES } from '$lib/analysis/emerging';
import { CONFIDENCE_LABELS } from '$lib/analysis/gistar';
import type { PointRecordRow } from '$lib/data/queries/drilldown';
import type { BuildingRow } from '$lib/data/queries/reference';
import type { RecordTable } from '$lib/data/schema';
import { categoryLabel } from '$lib/data/category-labels';
import { THEME_LABELS } from '$lib/data/themes';
import { formatCount } from '$lib/format/nl';
import type { EmergingMapCell, HexDensityCell, HotspotCell, ReferenceObject } from './map-cells';

const decimal = (v: number, digits = 1) => v.toFixed(digits).replace('.', ',');
const theme = (t: string | null) => (t ? (THEME_LABELS[t as keyof typeof THEME_LABELS] ?? t) : '—');

/**
 * A hot spot is a cell together with its neighbours (Gi*), so a hot cell may hold no record
 * itself: the tooltip says what the colour is based on before the cell's own count.
 */
const HOTSPOT_BASIS: Record<-1 | 0 | 1, string> = {
  1: 'Deze cel met zijn buren samen heeft opvallend veel registraties',
  0: 'Deze cel met zijn buren samen wijkt niet opvallend af',
  [-1]: 'Deze cel met zijn buren samen heeft opvallend weinig registraties',
};

const cellCount = (n: number) =>
  n === 0 ? 'geen registraties' : `${formatCount(n)} ${n === 1 ? 'registratie' : 'registraties'}`;

/** 'YYYY-MM-DD HH:MM' of a local wall-clock epoch ms. */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

export const SOURCE_SINGULAR: Record<RecordTable, string> = {
  incidents: 'Incident',
  meldingen: 'Melding',
  visits: 'Bezoek',
};

export function recordTooltip(source: RecordTable, row: PointRecordRow): string {
  return [
    `${SOURCE_SINGULAR[source]} ${row.id}`,
    `Tijdstip: ${formatTimestamp(row.t)}${row.t_end ? ` tot ${formatTimestamp(row.t_end)}` : ''}`,
    `Thema: ${theme(row.theme)}`,
    `Categorie: ${categoryLabel(row.category)}`,
    ...(source === 'meldingen' ? [] : [`Afdoening: ${row.outcome ?? '—'}`]),
    `Wijk: ${row.wijk ?? '—'}`,
    `Buurt: ${row.buurt ?? '—'}`,
  ].join('\n');
}

/** Text for any non-point object, or null. */
export function objectTooltip(info: PickingInfo, measure: 'aantal' | 'per1000'): string | null {
  const object = info.object as unknown;
  if (!object || !info.layer) return null;
  switch (info.layer.id) {
    case 'zeshoeken': {
      const cell = object as HexDensityCell;
      return `${formatCount(cell.count)} registraties in deze zeshoek\nKlik voor de registraties`;
    }
    case 'hotspots': {
      const cell = object as HotspotCell;
      return [
        CONFIDENCE_LABELS[cell.klass].label,
        HOTSPOT_BASIS[Math.sign(cell.klass) as -1 | 0 | 1],
        `In de cel zelf: ${cellCount(cell.count)}`,
        `Gi* z = ${decimal(cell.z, 2)}`,
      ].join('\n');
    }
    case 'opkomend': {
      const cell = object as EmergingMapCell;
      return `${EMERGING_CATEGORIES[cell.category].label}\nIn de cel zelf: ${cellCount(cell.count)}`;
    }
    case 'gebieden': {
      const props = (object as { properties: { area?: AreaRate; name?: string } }).properties;
      const area = props.area;
      if (!area) return props.name ?? null;
      const rate =
        area.rate === null
          ? `per 1.000 inwoners: geen (${AREA_STATUS_LABELS[area.status as keyof typeof AREA_STATUS_LABELS]})`
          : `${decimal(area.rate)} per 1.000 inwoners`;
      const lines = [area.name, `${formatCount(area.count)} registraties`, rate];
      if (measure === 'per1000' && area.inhabitants !== null) {
        lines.push(`${formatCount(area.inhabitants)} inwoners`);
      }
      return lines.join('\n');
    }
    case 'aandacht':
    case 'interventies': {
      const ref = (object as { properties: ReferenceObject }).properties;
      if (ref.kind === 'aandacht') {
        const r = ref.row;
        return `Aandachtslocatie ${r.name}\nReden: ${r.reason ?? '—'}\nNorm: ${r.visits_per_week ?? '—'} bezoeken per week`;
      }
      const r = ref.row;
      return `Interventie: ${r.name}\nThema: ${theme(r.theme)}\nVan ${r.start_date} tot ${r.end_date ?? 'heden'}`;
    }
    case 'panden': {
      const b = object as BuildingRow;
      return `Gebouw ${b.id} (${b.kind ?? 'onbekend'})\nStatus: ${b.status ?? '—'}${b.vacant_since ? `\nLeeg sinds ${b.vacant_since}` : ''}`;
    }
  }
  return null;
}
