/**
 * The expected hotspots each briefing showed, kept in this browser so that a later score
 * (analysis/forecast-score.ts) uses what was actually forecast, not a recomputation on data
 * that changed since. One record per briefing (date and dagdeel; a briefing shown again
 * replaces it): the cells, their size, the data it was made from. No personal data: cells
 * of a few hundred metres and dates.
 *
 * A small IndexedDB database of its own, like the briefing notes (briefing-notes-store.ts),
 * not a table of the workspace: the workspace is saved whole (snapshot-store.ts, every
 * table on every save: seconds for a million records, too heavy for each briefing shown),
 * it is replaced when new data is loaded or another tab saves, and saving it would turn a
 * published dataset or the demo into an own workspace that hides the next publication.
 * Forecasts must outlive all of that: they are scored against the data of later weeks.
 */
import type { Forecast } from '../analysis/forecast-score';
import { idbRequest, withIdbStore } from './indexed-db';

export interface StoredForecast extends Forecast {
  /** Which data the forecast was made from, in words (dataset-label.ts). */
  data: string;
  /** Weeks of history the briefing used. */
  weeks: number;
  /** ISO time it was stored. */
  storedAt: string;
}

export interface ForecastStore {
  save(forecast: StoredForecast): Promise<void>;
  /** Forecasts for dates in [from, to] ('YYYY-MM-DD', inclusive), by date and dagdeel. */
  list(from: string, to: string): Promise<StoredForecast[]>;
}

/** Every date a forecast can have ('YYYY-MM-DD'), for `list`. */
export const ALL_FORECAST_DATES = ['0000-01-01', '9999-12-31'] as const;

const forecastKey = (date: string, dagdeel: string) => `${date}|${dagdeel}`;

const isInteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** A stored value as a forecast, or null when it is not one (older or foreign shapes). */
export function readStoredForecast(raw: unknown): StoredForecast | null {
  if (!raw || typeof raw !== 'object') return null;
  const value = raw as Record<string, unknown>;
  const { date, dagdeel, size, cells } = value;
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  if (typeof dagdeel !== 'string' || typeof size !== 'number' || !(size > 0)) return null;
  if (!Array.isArray(cells)) return null;
  const valid = cells.every(
    (c: unknown) =>
      !!c &&
      typeof c === 'object' &&
      isInteger((c as { q: unknown }).q) &&
      isInteger((c as { r: unknown }).r),
  );
  if (!valid) return null;
  return {
    date,
    dagdeel,
    size,
    cells: (cells as { q: number; r: number }[]).map(({ q, r }) => ({ q, r })),
    data: typeof value.data === 'string' ? value.data : '',
    weeks: isInteger(value.weeks) ? value.weeks : 0,
    storedAt: typeof value.storedAt === 'string' ? value.storedAt : '',
  };
}

/**
 * Adds `forecasts` (from a restored workspace) to `store`, each only where the store has
 * none for its date and dagdeel: what this browser's briefing showed stays as it was.
 * Returns how many were added.
 */
export async function mergeForecasts(
  store: ForecastStore,
  forecasts: readonly StoredForecast[],
): Promise<number> {
  if (forecasts.length === 0) return 0;
  const have = new Set(
    (await store.list(...ALL_FORECAST_DATES)).map((f) => forecastKey(f.date, f.dagdeel)),
  );
  let added = 0;
  for (const forecast of forecasts) {
    const key = forecastKey(forecast.date, forecast.dagdeel);
    if (have.has(key)) continue;
    have.add(key);
    await store.save(forecast);
    added++;
  }
  return added;
}

const byKey = (a: StoredForecast, b: StoredForecast) =>
  forecastKey(a.date, a.dagdeel) < forecastKey(b.date, b.dagdeel) ? -1 : 1;

export function createMemoryForecastStore(): ForecastStore {
  const stored = new Map<string, StoredForecast>();
  return {
    save: async (forecast) =>
      void stored.set(forecastKey(forecast.date, forecast.dagdeel), structuredClone(forecast)),
    list: async (from, to) =>
      [...stored.values()]
        .filter((f) => f.date >= from && f.date <= to)
        .map((f) => structuredClone(f))
        .sort(byKey),
  };
}

const DB_NAME = 'wijkradar-forecasts';
const STORE = 'forecasts';

const withDatabase = <T>(work: (db: IDBDatabase) => Promise<T>) =>
  withIdbStore(DB_NAME, STORE, work);

export function createIndexedDbForecastStore(): ForecastStore {
  return {
    save: (forecast) =>
      withDatabase(async (db) => {
        const tx = db.transaction(STORE, 'readwrite');
        await idbRequest(
          tx.objectStore(STORE).put(forecast, forecastKey(forecast.date, forecast.dagdeel)),
        );
      }),
    list: (from, to) =>
      withDatabase(async (db) => {
        const tx = db.transaction(STORE, 'readonly');
        // Keys start with the date: one key range holds the period.
        const range = IDBKeyRange.bound(`${from}|`, `${to}|\uffff`);
        const values = await idbRequest(tx.objectStore(STORE).getAll(range));
        return values.flatMap((v) => readStoredForecast(v) ?? []).sort(byKey);
      }),
  };
}
