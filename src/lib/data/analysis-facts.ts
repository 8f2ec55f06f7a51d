/**
 * Keeps the analysis facts (queries/facts.ts) in step with the data: built on first use
 * after a data change, then reused by every filter change until the data changes again.
 * A change is known by the app's data version and, as a safety net, by the row counts of
 * the source tables (a cheap query), so facts of other data are never read.
 */
import type { Connector } from './connector';
import {
  buildFactsFingerprintQuery,
  buildFactsNearMonthQuery,
  buildFactsStatements,
  buildFactsWijkMonthQuery,
} from './queries/facts';
import type { RecordFilter } from './queries/record-filter';
import type { LocationPoint } from './queries/trends';
import type { RecordTable } from './schema';

interface Built {
  conn: Connector;
  version: number;
  fingerprint: string;
  done: Promise<void>;
}

let built: Built | null = null;

async function fingerprint(conn: Connector): Promise<string> {
  const [row] = await conn.query<{ fingerprint: string }>(buildFactsFingerprintQuery());
  return row?.fingerprint ?? '';
}

async function build(conn: Connector): Promise<void> {
  for (const sql of buildFactsStatements()) await conn.exec(sql);
}

/** Makes sure the facts describe this connection's data of this version. */
export async function ensureFacts(conn: Connector, version: number): Promise<void> {
  const current = await fingerprint(conn);
  if (built && built.conn === conn && built.version === version && built.fingerprint === current) {
    try {
      return await built.done;
    } catch {
      // A failed build is tried again below.
    }
  }
  const done = build(conn);
  built = { conn, version, fingerprint: current, done };
  return done;
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

/**
 * Monthly counts of the filtered records per wijk × theme (`rows`) and within `radiusM` of
 * each location (`nearby`, the first listed when circles overlap): the counts of
 * buildWijkMonthlyCountsQuery and buildNearbyMonthlyCountsQuery (queries/trends.ts). The
 * facts must be current (ensureFacts).
 */
export async function queryFactsMonthlyCounts(
  conn: Connector,
  request: {
    tables: readonly RecordTable[];
    filter: RecordFilter;
    locations: readonly LocationPoint[];
    radiusM: number;
  },
): Promise<{ rows: MonthCountRow[]; nearby: MonthCountRow[] }> {
  const { tables, filter, locations, radiusM } = request;
  const rows = await conn.query<MonthCountRow>(buildFactsWijkMonthQuery(tables, filter));
  if (locations.length === 0) return { rows, nearby: [] };
  const around = await conn.query<
    Omit<MonthCountRow, 'wijkcode' | 'theme'> & { near: number | null }
  >(buildFactsNearMonthQuery(tables, filter, locations, radiusM));
  const nearby = around
    .filter((r) => r.near !== null)
    .map(({ near, year, month, n }) => ({
      wijkcode: locations[near!].id,
      theme: null,
      year,
      month,
      n,
    }));
  return { rows, nearby };
}
