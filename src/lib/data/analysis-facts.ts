/**
 * Keeps the analysis facts (queries/facts.ts) in step with the data: built on first use
 * after a data change, then reused by every filter change until the data changes again.
 * A change is known by the app's data version and, as a safety net, by the row counts of
 * the source tables (a cheap query), so facts of other data are never read.
 */
import type { Connector, QueryParam } from './connector';
import {
  FACT_DIMENSIONS,
  buildFactsDictionaryQuery,
  buildFactsFingerprintQuery,
  buildFactsNearMonthQuery,
  buildFactsStatements,
  buildFactsWijkMonthQuery,
  type FactDimension,
  type FactsDictionary,
} from './queries/facts';
import type { RecordFilter } from './queries/record-filter';
import { locationsBox, nearestLocationSql, type LocationPoint } from './queries/trends';
import type { RecordTable } from './schema';

export interface FactsHandle {
  dictionary: FactsDictionary;
  /** Code → value per dimension (index = code). */
  values: Record<FactDimension, (string | undefined)[]>;
}

interface Built {
  conn: Connector;
  version: number;
  fingerprint: string;
  handle: Promise<FactsHandle>;
}

let built: Built | null = null;

async function fingerprint(conn: Connector): Promise<string> {
  const [row] = await conn.query<{ fingerprint: string }>(buildFactsFingerprintQuery());
  return row?.fingerprint ?? '';
}

async function build(conn: Connector): Promise<FactsHandle> {
  for (const sql of buildFactsStatements()) await conn.exec(sql);
  const rows = await conn.query<{ dim: FactDimension; value: string; code: number }>(
    buildFactsDictionaryQuery(),
  );
  const dictionary = Object.fromEntries(
    FACT_DIMENSIONS.map((d) => [d, new Map<string, number>()]),
  ) as FactsDictionary;
  const values = Object.fromEntries(FACT_DIMENSIONS.map((d) => [d, []])) as unknown as Record<
    FactDimension,
    (string | undefined)[]
  >;
  for (const { dim, value, code } of rows) {
    dictionary[dim].set(value, code);
    values[dim][code] = value;
  }
  return { dictionary, values };
}

/** The facts for this connection and data version, built if needed. */
export async function ensureFacts(conn: Connector, version: number): Promise<FactsHandle> {
  const current = await fingerprint(conn);
  if (built && built.conn === conn && built.version === version && built.fingerprint === current) {
    try {
      return await built.handle;
    } catch {
      // A failed build is retried below.
    }
  }
  const handle = build(conn);
  built = { conn, version, fingerprint: current, handle };
  return handle;
}

/** A month's count for a wijk and theme, or (theme null) for an aandachtslocatie. */
export interface MonthCountRow {
  /** The wijk's code, or the aandachtslocatie's id. */
  wijkcode: string;
  theme: string | null;
  year: number;
  month: number;
  n: number;
}

interface MonthKeyRow {
  month_key: number;
  n: number;
}

const yearMonth = (key: number) => ({ year: Math.floor(key / 12), month: (key % 12) + 1 });

/**
 * Monthly counts of the filtered records per wijk × theme (`rows`) and within `radiusM` of
 * each location (`nearby`, the first listed when circles overlap): the counts of
 * buildWijkMonthlyCountsQuery and buildNearbyMonthlyCountsQuery (queries/trends.ts).
 */
export async function queryFactsMonthlyCounts(
  conn: Connector,
  facts: FactsHandle,
  request: {
    tables: readonly RecordTable[];
    filter: RecordFilter;
    locations: readonly LocationPoint[];
    radiusM: number;
  },
): Promise<{ rows: MonthCountRow[]; nearby: MonthCountRow[] }> {
  const { tables, filter, locations, radiusM } = request;
  const coded = await conn.query<MonthKeyRow & { wijkcode_c: number; theme_c: number | null }>(
    buildFactsWijkMonthQuery(tables, filter, facts.dictionary),
  );
  const rows = coded.map((r) => ({
    wijkcode: facts.values.wijkcode[r.wijkcode_c]!,
    theme: r.theme_c === null ? null : facts.values.theme[r.theme_c]!,
    ...yearMonth(r.month_key),
    n: r.n,
  }));
  if (locations.length === 0) return { rows, nearby: [] };
  const params: QueryParam[] = [];
  const near = { sql: nearestLocationSql(locations, radiusM, params), params };
  const around = await conn.query<MonthKeyRow & { near: string }>(
    buildFactsNearMonthQuery(
      tables,
      filter,
      facts.dictionary,
      near,
      locationsBox(locations, radiusM),
    ),
  );
  const nearby = around.map((r) => ({
    wijkcode: r.near,
    theme: null,
    ...yearMonth(r.month_key),
    n: r.n,
  }));
  return { rows, nearby };
}
