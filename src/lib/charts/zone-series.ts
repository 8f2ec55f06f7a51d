/**
 * Chart config for an intervention evaluation: counts in the target area, the buffer and
 * the control area over time. The control area is usually far larger, so it gets its own
 * axis on the right; without that the two small lines would lie flat on the bottom. The
 * start of the intervention (or of the period after) is a dashed marker line
 * (marker-lines.ts). Per month on the Management view; per block of months in the report,
 * where a point may be null (not drawn: a small count on a shared output).
 */
import type { ChartConfiguration } from 'chart.js';
import { ZONE_LABELS, ZONES, type Zone, type ZoneMonth } from '$lib/analysis/intervention-zones';
import type { ZoneBin } from '$lib/analysis/report-series';
import { ZONE_DASH, zoneHex } from '$lib/display/zone-colors';
import { formatDay, formatMonthKey } from '$lib/format/nl';
import { blockIndexOf, monthIndexOf } from './marker-lines';
import { buildTwoAxisLinesConfig } from './two-axis-lines';

export interface ZoneChartStart {
  /** 'YYYY-MM-DD' */
  date: string;
  /** E.g. "start interventie". */
  label: string;
}

type ZonePoint = Record<Zone, number | null>;

function buildZoneLines(
  labels: string[],
  points: readonly ZonePoint[],
  start: ZoneChartStart | null,
  index: number | null,
  /** "per maand" beside the axis titles; null: said in the caption instead. */
  per: string | null,
): ChartConfiguration<'line'> {
  const config = buildTwoAxisLinesConfig(
    labels,
    ZONES.map((zone) => ({
      label: zone === 'control' ? `${ZONE_LABELS[zone]} (rechteras)` : ZONE_LABELS[zone],
      data: points.map((p) => p[zone]),
      color: zoneHex(zone),
      dash: ZONE_DASH[zone],
      axis: zone === 'control' ? ('y2' as const) : ('y' as const),
    })),
    per
      ? { left: `Doelgebied en buffer (${per})`, right: `Controlegebied (${per})` }
      : { left: 'Doelgebied en buffer', right: 'Controlegebied' },
  );
  if (start && index !== null) {
    config.options!.plugins!.wijkradarMarkers = {
      lines: [{ index, date: start.date, label: start.label }],
    };
  }
  return config;
}

/** Per month (the Management view), with the marker at its day within the month. */
export function buildZoneChartConfig(
  months: readonly ZoneMonth[],
  start: ZoneChartStart | null = null,
): ChartConfiguration<'line'> {
  const keys = months.map((m) => m.month);
  const index = start ? monthIndexOf(keys, start.date) : null;
  return buildZoneLines(keys.map(formatMonthKey), months, start, index, 'per maand');
}

const monthEnd = (day: string) => {
  const [y, m] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** "nov 2024 – jan 2025" for whole months, else the days. */
export function blockLabel(block: { from: string; to: string }): string {
  const whole = block.from.endsWith('-01') && block.to === monthEnd(block.to);
  if (!whole) return `${formatDay(block.from)} – ${formatDay(block.to)}`;
  const [first, last] = [
    formatMonthKey(block.from.slice(0, 7)),
    formatMonthKey(block.to.slice(0, 7)),
  ];
  return first === last ? first : `${first} – ${last}`;
}

/** "per drie maanden", "per half jaar", "per jaar": the report chart's block in words. */
export function perBlockText(monthsPerPoint: number): string {
  if (monthsPerPoint === 12) return 'per jaar';
  if (monthsPerPoint === 6) return 'per half jaar';
  return monthsPerPoint === 3 ? 'per drie maanden' : `per ${monthsPerPoint} maanden`;
}

/** Per block of months (the report), the marker where the period after begins. */
export function buildZoneBinsConfig(
  bins: readonly ZoneBin[],
  start: ZoneChartStart,
): ChartConfiguration<'line'> {
  const index = blockIndexOf(bins, start.date);
  return buildZoneLines(bins.map(blockLabel), bins, start, index, null);
}
