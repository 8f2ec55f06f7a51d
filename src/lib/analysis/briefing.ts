/**
 * The briefing's pure logic (issue 7): the ranking of expected hotspots for one weekday and
 * dagdeel from the last weeks, and what is due a visit or a schouw. Dagdelen and time windows: briefing-time.ts (re-exported here). No database, no
 * Svelte: the state model feeds rows in and the slides show what comes out.
 */
import { wgs84ToRd } from './rd';
import { cellOf } from './hex-grid';
import { dateToLocalMs, type HistoryWindow } from './briefing-time';

export * from './briefing-time';

// Small-count suppression: analysis/suppression.ts (the one place) and
// analysis/briefing-suppression.ts (the slides' margins).
export { SUPPRESSION_THRESHOLD, formatCount as suppressCount } from './suppression';

const DAY = 86_400_000;

/** One record in the history window (incident or melding). */
export interface HistoryRecord {
  lon: number;
  lat: number;
  /** Local epoch ms of when it happened. */
  t: number;
  theme: string;
  buurtcode: string | null;
}

export interface ExpectedArea {
  /** Hex cell "q,r". */
  key: string;
  q: number;
  r: number;
  rank: number;
  total: number;
  /** Of the history weeks, how many had at least one record here. */
  weeksActive: number;
  /** Most common theme and its share of the records. */
  theme: string;
  themeCount: number;
  /** Buurt holding most of the cell's records (the place as shown: buurt level). */
  buurtcode: string | null;
  /** Start and (exclusive) end hour of the busiest `peakSpan`-hour stretch. */
  peak: { from: number; to: number; count: number };
}

export interface RankOptions {
  window: HistoryWindow;
  /** Hexagon circumradius in metres (hex-grid.ts). */
  size: number;
  top?: number;
  /** Length of the peak stretch in hours. */
  peakSpan?: number;
  /** The record's cell at `size`, when the caller has it already (the RD projection is slow). */
  cellOf?: (record: HistoryRecord) => { q: number; r: number };
}

function mostCommon(counts: Map<string, number>): [string, number] {
  let best: [string, number] = ['', 0];
  for (const [key, n] of counts) {
    if (n > best[1] || (n === best[1] && key < best[0])) best = [key, n];
  }
  return best;
}

/** The busiest stretch of `span` consecutive hours inside `hours` (ties: the earliest). */
export function peakStretch(
  hourCounts: readonly number[],
  hours: readonly number[],
  span: number,
): { from: number; to: number; count: number } {
  const width = Math.min(span, hours.length);
  let best = { from: hours[0], to: hours[0] + width, count: -1 };
  for (let i = 0; i + width <= hours.length; i++) {
    let count = 0;
    for (let k = i; k < i + width; k++) count += hourCounts[hours[k]] ?? 0;
    if (count > best.count) best = { from: hours[i], to: hours[i] + width, count };
  }
  return best;
}

/**
 * Expected hotspots: the hexagon cells with the most records on this weekday and dagdeel
 * over the last weeks. Ranked by total; ties by the number of weeks with a record (a place
 * that is busy every week beats one bad evening), then by cell key for a stable order.
 */
export function rankExpectedAreas(
  records: readonly HistoryRecord[],
  options: RankOptions,
): ExpectedArea[] {
  const { window, size } = options;
  const fromMs = dateToLocalMs(window.from.slice(0, 10));
  interface Acc {
    q: number;
    r: number;
    total: number;
    weeks: Set<number>;
    hours: number[];
    themes: Map<string, number>;
    buurten: Map<string, number>;
  }
  const cells = new Map<string, Acc>();
  const locate =
    options.cellOf ??
    ((record: HistoryRecord) => cellOf(...wgs84ToRd(record.lon, record.lat), size));
  for (const record of records) {
    const { q, r } = locate(record);
    const key = `${q},${r}`;
    let acc = cells.get(key);
    if (!acc) {
      acc = { q, r, total: 0, weeks: new Set(), hours: [], themes: new Map(), buurten: new Map() };
      cells.set(key, acc);
    }
    acc.total++;
    acc.weeks.add(Math.floor((record.t - fromMs) / (7 * DAY)));
    const hour = new Date(record.t).getUTCHours();
    acc.hours[hour] = (acc.hours[hour] ?? 0) + 1;
    acc.themes.set(record.theme, (acc.themes.get(record.theme) ?? 0) + 1);
    if (record.buurtcode) {
      acc.buurten.set(record.buurtcode, (acc.buurten.get(record.buurtcode) ?? 0) + 1);
    }
  }
  const ranked = [...cells.entries()].sort(
    ([ka, a], [kb, b]) =>
      b.total - a.total || b.weeks.size - a.weeks.size || (ka < kb ? -1 : ka > kb ? 1 : 0),
  );
  return ranked.slice(0, options.top ?? 5).map(([key, acc], i) => {
    const [theme, themeCount] = mostCommon(acc.themes);
    const [buurtcode] = mostCommon(acc.buurten);
    return {
      key,
      q: acc.q,
      r: acc.r,
      rank: i + 1,
      total: acc.total,
      weeksActive: acc.weeks.size,
      theme,
      themeCount,
      buurtcode: buurtcode || null,
      peak: peakStretch(acc.hours, window.hours, options.peakSpan ?? 2),
    };
  });
}

/** Records per hour of the dagdeel over all places (the hours that matter). */
export function hourProfile(
  records: readonly HistoryRecord[],
  hours: readonly number[],
): { hour: number; count: number }[] {
  const counts = new Map(hours.map((h) => [h, 0]));
  for (const record of records) {
    const hour = new Date(record.t).getUTCHours();
    if (counts.has(hour)) counts.set(hour, counts.get(hour)! + 1);
  }
  return hours.map((hour) => ({ hour, count: counts.get(hour)! }));
}

/** Themes ordered by their number of records (ties alphabetical). */
export function rankThemes(records: readonly { theme: string }[]): { theme: string; n: number }[] {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.theme, (counts.get(r.theme) ?? 0) + 1);
  return [...counts.entries()]
    .map(([theme, n]) => ({ theme, n }))
    .sort((a, b) => b.n - a.n || a.theme.localeCompare(b.theme));
}

/** At most `max` items for one slide, and how many did not fit. */
export function fitSlide<T>(items: readonly T[], max = 7): { shown: T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}

export interface WatchVisitRow {
  id: string;
  name: string;
  reason: string | null;
  visits_per_week: number | null;
  visits: number;
  last_visit: number | null;
}

export interface WatchDue extends WatchVisitRow {
  target: number;
  shortfall: number;
  due: boolean;
}

/**
 * Aandachtslocaties against their target: due when the visits of the last 7 days fall
 * short of visits_per_week. The most behind first, then the longest unvisited.
 */
export function rankWatchDue(rows: readonly WatchVisitRow[]): WatchDue[] {
  return rows
    .map((row) => {
      const target = row.visits_per_week ?? 0;
      const shortfall = Math.max(0, Math.ceil(target) - row.visits);
      return { ...row, target, shortfall, due: shortfall > 0 };
    })
    .sort(
      (a, b) =>
        Number(b.due) - Number(a.due) ||
        b.shortfall - a.shortfall ||
        (a.last_visit ?? -Infinity) - (b.last_visit ?? -Infinity) ||
        a.id.localeCompare(b.id),
    );
}

export interface BuildingSchouwRow {
  id: string;
  kind: string | null;
  buurtcode: string | null;
  vacant_since: number | null;
  last_schouw: number | null;
  last_outcome: string | null;
}

/**
 * Vacant buildings due a schouw: none in the last `days` days before `atLocalMs`. Never
 * inspected first, then the longest ago.
 */
export function selectSchouwDue(
  rows: readonly BuildingSchouwRow[],
  atLocalMs: number,
  days: number,
): BuildingSchouwRow[] {
  const limit = atLocalMs - days * DAY;
  return rows
    .filter((row) => row.last_schouw === null || row.last_schouw < limit)
    .sort(
      (a, b) =>
        (a.last_schouw ?? -Infinity) - (b.last_schouw ?? -Infinity) || a.id.localeCompare(b.id),
    );
}
