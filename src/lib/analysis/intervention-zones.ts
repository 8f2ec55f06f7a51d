/**
 * The three areas of an intervention evaluation (Bowers & Johnson 2003; Guerette 2009,
 * POP Center Tool Guide No. 10): the target area (doelgebied, the intervention's polygon),
 * the buffer (outside it, within `bufferM` metres of its edge) and the control area
 * (everything else, or only the chosen wijken). Geometry in RD New metres, so the buffer
 * width is a true distance; records are sorted into zones and counted per period and month.
 */
import { pointInMultiPolygon, type MultiPolygonCoords } from './area-index';
import { wgs84ToRd } from './rd';
import type { BeforeAfter, DisplacementInput } from './displacement';

export type Zone = 'target' | 'buffer' | 'control';
export const ZONES: readonly Zone[] = ['target', 'buffer', 'control'];

export const ZONE_LABELS: Record<Zone, string> = {
  target: 'Doelgebied',
  buffer: 'Buffer',
  control: 'Controlegebied',
};

/** GeoJSON Polygon or MultiPolygon geometry in WGS84. */
export interface AreaGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown;
}

export interface ZoneRecord {
  lon: number;
  lat: number;
  wijkcode: string | null;
  /** Local date 'YYYY-MM-DD'. */
  day: string;
}

export interface ZoneSetup {
  target: AreaGeometry;
  /** Buffer width in metres (0: no buffer, everything outside the target is control). */
  bufferM: number;
  /** Wijkcodes of the control area; empty: the rest of the municipality. */
  controlWijken?: readonly string[];
}

export interface Period {
  from: string;
  to: string;
}

/** Converts a WGS84 Polygon/MultiPolygon to RD New rings. */
export function toRdMultiPolygon(geometry: AreaGeometry): number[][][][] {
  const multi = (
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  ) as number[][][][];
  return multi.map((polygon) =>
    polygon.map((ring) => ring.map(([lon, lat]) => wgs84ToRd(lon, lat))),
  );
}

/** Shortest planar distance from (x, y) to the edges of the rings. */
export function distanceToEdges(x: number, y: number, multi: MultiPolygonCoords): number {
  let best = Infinity;
  for (const polygon of multi) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [ax, ay] = ring[j];
        const dx = ring[i][0] - ax;
        const dy = ring[i][1] - ay;
        const length2 = dx * dx + dy * dy;
        const t =
          length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length2));
        const d = Math.hypot(x - ax - t * dx, y - ay - t * dy);
        if (d < best) best = d;
      }
    }
  }
  return best;
}

/** A function that gives each record its zone, or null when it lies in none of them. */
export function buildZoneClassifier(setup: ZoneSetup): (record: ZoneRecord) => Zone | null {
  if (!(setup.bufferM >= 0 && Number.isFinite(setup.bufferM))) {
    throw new RangeError(`buffer width must be ≥ 0 metres, got ${setup.bufferM}`);
  }
  const target = toRdMultiPolygon(setup.target);
  const control = new Set(setup.controlWijken ?? []);
  return (record) => {
    const [x, y] = wgs84ToRd(record.lon, record.lat);
    if (pointInMultiPolygon(x, y, target)) return 'target';
    if (setup.bufferM > 0 && distanceToEdges(x, y, target) <= setup.bufferM) return 'buffer';
    if (control.size === 0) return 'control';
    return record.wijkcode !== null && control.has(record.wijkcode) ? 'control' : null;
  };
}

export interface ZoneMonth {
  /** 'YYYY-MM' */
  month: string;
  target: number;
  buffer: number;
  control: number;
}

export interface ZoneCounts {
  /** Before/after counts per zone: the input of computeDisplacement. */
  counts: DisplacementInput;
  /** Every month from the first to the last record month, zero-filled. */
  months: ZoneMonth[];
  /** Records in none of the zones (outside the chosen control wijken). */
  outside: number;
}

function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [year, month] = first.split('-').map(Number);
  const [lastYear, periodLabel] = last.split('-').map(Number);
  while (year < lastYear || (year === lastYear && month <= periodLabel)) {
    out.push(`${year}-${String(month).padStart(2, '0')}`);
    month++;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return out;
}

/** Counts per zone before and after, and per month (for the chart of the three areas). */
export function countZones(
  records: readonly ZoneRecord[],
  setup: ZoneSetup,
  periods: { before: Period; after: Period },
): ZoneCounts {
  const classify = buildZoneClassifier(setup);
  const empty = (): BeforeAfter => ({ before: 0, after: 0 });
  const counts: DisplacementInput = { target: empty(), buffer: empty(), control: empty() };
  const perMonth = new Map<string, ZoneMonth>();
  let outside = 0;
  let first = '9999-12';
  let last = '0000-01';
  for (const record of records) {
    const zone = classify(record);
    if (zone === null) {
      outside++;
      continue;
    }
    const { day } = record;
    if (day >= periods.before.from && day <= periods.before.to) counts[zone].before++;
    else if (day >= periods.after.from && day <= periods.after.to) counts[zone].after++;
    const month = day.slice(0, 7);
    if (month < first) first = month;
    if (month > last) last = month;
    let entry = perMonth.get(month);
    if (!entry) perMonth.set(month, (entry = { month, target: 0, buffer: 0, control: 0 }));
    entry[zone]++;
  }
  const months =
    perMonth.size === 0
      ? []
      : monthsBetween(first, last).map(
          (month) => perMonth.get(month) ?? { month, target: 0, buffer: 0, control: 0 },
        );
  return { counts, months, outside };
}

/** The period of equal length just before `after` (the WDQ wants periods of equal length). */
export function previousPeriod(after: Period): Period {
  const day = 86_400_000;
  const from = Date.parse(after.from + 'T00:00:00Z');
  const to = Date.parse(after.to + 'T00:00:00Z');
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  // Same calendar length when the period is whole months or years; else the same days.
  const start = new Date(from);
  const end = new Date(to + day);
  const months =
    (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
  if (start.getUTCDate() === 1 && end.getUTCDate() === 1 && months > 0) {
    const beforeStart = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - months, 1));
    return { from: iso(beforeStart.getTime()), to: iso(from - day) };
  }
  const length = to - from + day;
  return { from: iso(from - length), to: iso(from - day) };
}
