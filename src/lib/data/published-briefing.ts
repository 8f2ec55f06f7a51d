/**
 * The briefing's questions answered straight from a published dataset's files, without the
 * database engine: the coordinator's PC shows the briefing while DuckDB-WASM is still
 * starting (about 2 s on a municipal desktop, longer than the whole briefing may take).
 *
 * Each method gives exactly the rows of its SQL twin in queries/briefing.ts and
 * queries/map.ts on the same files (tests/integration/published-briefing.test.ts compares
 * them on Donderdeel and on hand-made edge cases). The record files are DuckDB's own Arrow
 * output, read column by column; the reference layers are the GeoJSON that
 * data/published.ts would insert, typed as the table's CAST would type them.
 */
import type { BuildingSchouwRow, HistoryRecord, WatchVisitRow } from '../analysis/briefing';
import { checkDatasetFileName } from './dataset-files';
import type { DatasetFile } from './publish';
import {
  geoJsonRows,
  hourOf,
  isoWeekday,
  parseLocalTimestamp,
  recordColumns,
  visitColumns,
  type RecordColumns,
  type Row,
  type VisitColumns,
} from './published-columns';
import type { AreaGeometryRow } from './queries/map';

export { parseLocalTimestamp };

/** DuckDB's ORDER BY on text: byte order (code points), NULLs last. */
function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

const textOr = (value: unknown): string | null => (value === null ? null : String(value));

export interface RecentGroup {
  theme: string;
  buurtcode: string | null;
  n: number;
  first: number;
  last: number;
}

/** A published dataset's files, decoded once, answering the briefing's questions. */
export class PublishedBriefingTables {
  readonly #records: RecordColumns[] = [];
  readonly #visits: VisitColumns[] = [];
  readonly #areas: Row[] = [];
  readonly #buildings: Row[] = [];
  readonly #watch: Row[] = [];

  /**
   * The files that were loaded (verified) with their bytes; other tables are ignored. A
   * file whose name is not a plain file name of the dataset folder throws (dataset-files.ts).
   */
  constructor(files: readonly DatasetFile[], contents: ReadonlyMap<string, Uint8Array>) {
    for (const file of files) {
      const bytes = contents.get(checkDatasetFileName(file.path));
      if (!bytes || file.rows === 0) continue;
      if (file.table === 'incidents' || file.table === 'meldingen') {
        this.#records.push(recordColumns(file.table, bytes));
      } else if (file.table === 'visits') {
        this.#visits.push(visitColumns(bytes));
      } else if (file.table === 'areas') {
        this.#areas.push(...geoJsonRows('areas', bytes));
      } else if (file.table === 'buildings') {
        this.#buildings.push(...geoJsonRows('buildings', bytes));
      } else if (file.table === 'watch_locations') {
        this.#watch.push(...geoJsonRows('watch_locations', bytes));
      }
    }
  }

  /** Records with a place in [from, to) passing `keep`, in buildHistoryRecordsQuery's shape. */
  #records_(
    from: string,
    to: string,
    keep: (t: number, exact: boolean) => boolean,
  ): HistoryRecord[] {
    const start = parseLocalTimestamp(from);
    const end = parseLocalTimestamp(to);
    const out: HistoryRecord[] = [];
    for (const r of this.#records) {
      for (let i = 0; i < r.length; i++) {
        const t = r.t[i];
        if (!(t >= start && t < end) || Number.isNaN(r.lon[i]) || Number.isNaN(r.lat[i])) continue;
        if (!keep(t, r.exact[i] === 1)) continue;
        out.push({
          lon: r.lon[i],
          lat: r.lat[i],
          t,
          theme: r.theme(i) as string,
          buurtcode: r.buurtcode(i),
        });
      }
    }
    return out;
  }

  /** buildHistoryRecordsQuery: one weekday and a set of hours between from and to, by time. */
  history(window: {
    from: string;
    to: string;
    weekday: number;
    hours: readonly number[];
  }): HistoryRecord[] {
    const hours = new Set(window.hours);
    return this.#records_(
      window.from,
      window.to,
      (t, exact) => exact && isoWeekday(t) === window.weekday && hours.has(hourOf(t)),
    ).sort((a, b) => a.t - b.t);
  }

  /** buildRecentGroupsQuery: per theme and buurt, busiest first. */
  recentGroups(window: { from: string; to: string }): RecentGroup[] {
    const groups = new Map<string, RecentGroup>();
    for (const r of this.#records_(window.from, window.to, () => true)) {
      const key = `${r.theme}\u0000${r.buurtcode ?? '\u0001'}`;
      const group = groups.get(key);
      if (!group) {
        groups.set(key, { theme: r.theme, buurtcode: r.buurtcode, n: 1, first: r.t, last: r.t });
      } else {
        group.n++;
        if (r.t < group.first) group.first = r.t;
        if (r.t > group.last) group.last = r.t;
      }
    }
    return [...groups.values()].sort(
      (a, b) =>
        b.n - a.n ||
        b.last - a.last ||
        compareText(a.theme, b.theme) ||
        compareText(a.buurtcode, b.buurtcode),
    );
  }

  /** buildWatchVisitsQuery: each aandachtslocatie's visits in [from, to) and last visit. */
  watchVisits(window: { from: string; to: string }): WatchVisitRow[] {
    const from = parseLocalTimestamp(window.from);
    const to = parseLocalTimestamp(window.to);
    const perTarget = new Map<string, { visits: number; last: number }>();
    for (const v of this.#visits) {
      for (let i = 0; i < v.length; i++) {
        const t = v.started[i];
        if (!(t < to)) continue;
        const target = v.target(i);
        if (target === null) continue;
        const agg = perTarget.get(target) ?? { visits: 0, last: -Infinity };
        if (t >= from) agg.visits++;
        if (t > agg.last) agg.last = t;
        perTarget.set(target, agg);
      }
    }
    return this.#watch
      .map((w) => {
        const agg = perTarget.get(w.id as string);
        return {
          id: w.id as string,
          name: w.name as string,
          reason: textOr(w.reason),
          visits_per_week: (w.visits_per_week as number | null) ?? null,
          visits: agg?.visits ?? 0,
          last_visit: agg ? agg.last : null,
        };
      })
      .sort((a, b) => compareText(a.id, b.id));
  }

  /**
   * buildSchouwStatusQuery: vacant buildings with their last schouw before `at` and that
   * schouw's outcome (arg_max: the latest visit with an outcome).
   */
  schouwStatus(at: string): BuildingSchouwRow[] {
    const end = parseLocalTimestamp(at);
    const last = new Map<string, { t: number; outcomeT: number; outcome: string | null }>();
    for (const v of this.#visits) {
      for (let i = 0; i < v.length; i++) {
        const t = v.started[i];
        if (!(t < end) || v.kind(i) !== 'schouw') continue;
        const target = v.target(i);
        if (target === null) continue;
        const agg = last.get(target) ?? { t: -Infinity, outcomeT: -Infinity, outcome: null };
        if (t > agg.t) agg.t = t;
        const outcome = v.outcome(i);
        if (outcome !== null && t > agg.outcomeT) {
          agg.outcomeT = t;
          agg.outcome = outcome;
        }
        last.set(target, agg);
      }
    }
    return this.#buildings
      .filter((b) => {
        const since = b.vacant_since as number | null;
        if (since !== null) return since <= end;
        return typeof b.status === 'string' && b.status.toLowerCase() === 'leegstaand';
      })
      .map((b) => {
        const s = last.get(b.id as string);
        return {
          id: b.id as string,
          kind: textOr(b.kind),
          buurtcode: textOr(b.buurtcode),
          vacant_since: (b.vacant_since as number | null) ?? null,
          last_schouw: s ? s.t : null,
          last_outcome: s ? s.outcome : null,
        };
      })
      .sort((a, b) => compareText(a.id, b.id));
  }

  /** buildAreaGeometriesQuery: the areas of one level, by code. */
  areaGeometries(level: string): AreaGeometryRow[] {
    return this.#areas
      .filter((a) => a.level === level)
      .map((a) => ({
        code: a.code as string,
        name: textOr(a.name),
        parent: textOr(a.parent),
        inhabitants: (a.inhabitants as number | null) ?? null,
        water: (a.water as boolean | null) ?? null,
        geometry: a.geometry as string,
      }))
      .sort((a, b) => compareText(a.code, b.code));
  }

  /** buildAreaBoundsQuery: the bounding box of all areas. */
  areaBounds(): { min_lon: number; min_lat: number; max_lon: number; max_lat: number } {
    const pick = (name: string, f: (a: number, b: number) => number) => {
      const values = this.#areas.map((a) => a[name]).filter((v): v is number => v !== null);
      return values.length === 0 ? (null as unknown as number) : values.reduce((a, b) => f(a, b));
    };
    return {
      min_lon: pick('min_lon', Math.min),
      min_lat: pick('min_lat', Math.min),
      max_lon: pick('max_lon', Math.max),
      max_lat: pick('max_lat', Math.max),
    };
  }

  /** buildBuurtNamesQuery. */
  buurtNames(): { code: string; name: string | null }[] {
    return this.areaGeometries('buurt').map((a) => ({ code: a.code, name: a.name }));
  }

  /** buildLastRecordQuery: the latest time of any incident or melding; null without. */
  lastRecord(): number | null {
    let last = -Infinity;
    for (const r of this.#records)
      for (let i = 0; i < r.length; i++) if (r.t[i] > last) last = r.t[i];
    return last === -Infinity ? null : last;
  }
}
