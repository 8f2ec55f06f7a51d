/**
 * The shape of a planted pattern: what truth.json says about it (place, time filter,
 * categories) and the planted components that put its records into the data. A planted
 * record always satisfies its pattern's filters, so "records matching the pattern" is at
 * least planted_count by construction.
 */
import type { Theme } from '../../src/lib/data/themes';
import type { Calendar } from './calendar';
import type { Pt, Ring } from './geometry';
import type { Spot } from './places';

export type RecordTable = 'incidents' | 'meldingen';
export type Table = RecordTable | 'visits';

export interface TimeFilter {
  /** Local dates, inclusive. */
  from: string;
  to: string;
  months: readonly number[];
  /** ISO 1 = maandag … 7 = zondag. */
  weekdays: readonly number[];
  hours: readonly number[];
  /** Local date ranges (inclusive) left out, e.g. school holidays. */
  excluded: readonly { from: string; to: string }[];
}

export const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export const ALL_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const ALL_HOURS = Array.from({ length: 24 }, (_, h) => h);

export function dateFilter(from: string, to: string): TimeFilter {
  return { from, to, months: ALL_MONTHS, weekdays: ALL_WEEKDAYS, hours: ALL_HOURS, excluded: [] };
}

function dateMatches(date: string, f: TimeFilter): boolean {
  if (date < f.from || date > f.to) return false;
  return !f.excluded.some((r) => date >= r.from && date <= r.to);
}

export function slotMatches(cal: Calendar, slot: number, f: TimeFilter): boolean {
  return (
    f.months.includes(cal.month[slot]) &&
    f.weekdays.includes(cal.weekday[slot]) &&
    f.hours.includes(cal.hour[slot]) &&
    dateMatches(cal.dayKey[cal.day[slot]], f)
  );
}

/** Same test on a local wall-clock reading (local epoch ms), as written in the CSV. */
export function localMatches(localMs: number, f: TimeFilter): boolean {
  const d = new Date(localMs);
  const date = d.toISOString().slice(0, 10);
  return (
    f.months.includes(d.getUTCMonth() + 1) &&
    f.weekdays.includes(((d.getUTCDay() + 6) % 7) + 1) &&
    f.hours.includes(d.getUTCHours()) &&
    dateMatches(date, f)
  );
}

/** Hours of exposure: slots of the period inside (and outside) the filter. */
export function exposureHours(cal: Calendar, f: TimeFilter): { inside: number; outside: number } {
  let inside = 0;
  for (let s = 0; s < cal.slotCount; s++) if (slotMatches(cal, s, f)) inside++;
  return { inside, outside: cal.slotCount - inside };
}

export type PlaceSpec =
  | { kind: 'disc'; at: Pt; rMax: number; rMin?: number }
  | { kind: 'ring'; ring: Ring }
  | { kind: 'wijken'; wijken: readonly string[] };

export interface CategoryPick {
  /** Incident category, or melding sub_category (its main category is looked up). */
  slug: string;
  weight: number;
  /** Meldingen only: who reported it (default Signalen). */
  source?: string;
}

export interface PlantSpec {
  label: string;
  table: RecordTable;
  /** Records at the demo's size; scaled with the table's row count. */
  count: number;
  /** Null: the theme's catalogue, as for background records. */
  categories: readonly CategoryPick[] | null;
  place: PlaceSpec;
  /** Restricts the pattern's filter further (e.g. one month, or the period after start). */
  filter?: TimeFilter;
  /** Relative weight of a slot inside the filter. */
  shape: (cal: Calendar, slot: number) => number;
  minuteSpan?: number;
  /** Planted records are exact unless the pattern is about windows. */
  window?: 'exact' | 'overnight' | 'catalog';
  /** When set, the count is this factor times the expected background of the pattern's
   * theme in the plant's wijken and filter (a rise relative to what is there anyway). */
  riseFactor?: number;
}

export type StrengthBasis =
  'time' | 'area' | 'period' | 'intervention' | 'presence' | 'outcomes' | 'watch-visits';

export interface PatternDef {
  id: string;
  kind: string;
  description: string;
  tables: readonly Table[];
  theme: Theme | null;
  /** Records match when their category (incidents) or sub_category (meldingen) is listed;
   * an empty list means every category of the theme. */
  categories: readonly string[];
  center: Pt;
  radiusM: number | null;
  spots?: readonly Spot[];
  /** Outer radius of the comparison ring for strength_basis 'area'. */
  ringRadiusM?: number;
  wijkcode?: string;
  filter: TimeFilter;
  strengthBasis: StrengthBasis;
  plants: readonly PlantSpec[];
  /** Static, kind-specific truth fields. */
  extra?: Record<string, unknown>;
  /** The wijk's background of the theme is drawn in equal twelve-month parts, so the
   * control wijk is stable by construction and a rising wijk rises by its planted records. */
  steady?: boolean;
}

/** Weight 1 in every slot: the shape for planted records spread evenly over the filter. */
export const FLAT = (): number => 1;
