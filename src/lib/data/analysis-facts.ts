/**
 * Keeps the analysis facts (queries/facts.ts) in step with the data: built on first use
 * after a data change, then reused by every filter change until the data changes again.
 * A change is known by the app's data version and, as a safety net, by the row counts of
 * the source tables (a cheap query), so facts of other data are never read.
 */
import type { Connector } from './connector';
import { buildWithRoom, Projection, type ProjectionBuild } from './projections';
import { isRemote } from './remote-connector';
import {
  buildFactsCodeValuesQuery,
  buildFactsGemeentenStatement,
  buildFactsFingerprintQuery,
  buildFactsStatement,
  buildFactsWijkMonthQuery,
  buildFactsYearOnlyCountQuery,
  ANALYSIS_FACTS_TABLE,
  type FactCodes,
} from './queries/facts';
import {
  buildFactsNearMonthInlineQuery,
  buildFactsNearMonthQuery,
  buildFactsNearStatement,
  FACTS_NEAR_TABLE,
} from './queries/facts-near';
import { buildFactsWindowsStatement, FACTS_WINDOWS_TABLE } from './queries/facts-windows';
import type { RecordFilter } from './sql/record-filter';
import type { LocationPoint } from './queries/trends';
import type { RecordTable } from './schema';

async function fingerprint(conn: Connector): Promise<string> {
  const [row] = await conn.query<{ fingerprint: string }>(buildFactsFingerprintQuery());
  return row?.fingerprint ?? '';
}

async function build(conn: Connector): Promise<FactCodes> {
  const values = await conn.query<{ field: 'theme' | 'wijkcode' | 'gemeente'; value: string }>(
    buildFactsCodeValuesQuery(),
  );
  const codes: FactCodes = {
    themes: values.filter((v) => v.field === 'theme').map((v) => v.value),
    wijkcodes: values.filter((v) => v.field === 'wijkcode').map((v) => v.value),
    gemeenten: values.filter((v) => v.field === 'gemeente').map((v) => v.value),
  };
  // A region server builds the same facts for the user's scope (server/src/scope-facts.ts).
  if (isRemote(conn)) return codes;
  await buildWithRoom(conn, 'analyse', async () => {
    const statements = [
      buildFactsGemeentenStatement(),
      buildFactsStatement(codes),
      buildFactsWindowsStatement(),
    ];
    for (const sql of statements) {
      await conn.exec(sql);
    }
  });
  return codes;
}

/** The facts, keyed by the source tables' row counts (fingerprint) besides the version. */
const facts = new Projection<FactCodes>('analyse', async (conn) => {
  if (nearBuilt?.facts.conn === conn) nearBuilt = null;
  for (const table of [FACTS_NEAR_TABLE, FACTS_WINDOWS_TABLE, ANALYSIS_FACTS_TABLE]) {
    await conn.exec(`DROP TABLE IF EXISTS temp.${table}`);
  }
});

/** Makes sure the facts describe this connection's data of this version. */
export async function ensureFacts(conn: Connector, version: number): Promise<FactCodes> {
  const current = await fingerprint(conn);
  return facts.ensure(conn, version, () => build(conn), current);
}

/**
 * Runs `work` (queries on the facts) on facts of this connection's data of this version.
 * When such facts were built, the fingerprint check is sent to the worker together with the
 * work instead of before it — one wait instead of two on every filter change. Only when the
 * check shows other data (or that build had failed) are the facts rebuilt and the work run
 * again; an error of the work itself on current facts is the caller's.
 */
export async function withFacts<T>(
  conn: Connector,
  version: number,
  work: (codes: FactCodes) => Promise<T>,
): Promise<T> {
  const previous = facts.current;
  if (previous && previous.conn === conn && previous.version === version) {
    type Outcome = { ran: true; value?: T; error?: unknown; failed: boolean } | { ran: false };
    const settled = previous.ready.then(
      (codes): Promise<Outcome> =>
        work(codes).then(
          (value) => ({ ran: true, value, failed: false }),
          (error: unknown) => ({ ran: true, error, failed: true }),
        ),
      (): Outcome => ({ ran: false }),
    );
    const [current, outcome] = await Promise.all([fingerprint(conn), settled]);
    if (outcome.ran && current === previous.key && facts.current === previous) {
      if (outcome.failed) throw outcome.error;
      return outcome.value as T;
    }
  }
  return work(await ensureFacts(conn, version));
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

type CodedRow = { wijk_c: number; theme_c: number | null; year: number; month: number; n: number };

/**
 * Monthly counts of the filtered records per wijk × theme (`rows`) and within `radiusM` of
 * each location (`nearby`, the first listed when circles overlap): the counts of
 * buildWijkMonthlyCountsQuery (queries/trends.ts) and of the base-table oracle in
 * tests/helpers/oracles, and
 * `yearOnly`: the records with a wijk left out of the months because only their year is
 * known. The facts must be current, with these codes (ensureFacts, withFacts).
 */
export async function queryFactsMonthlyCounts(
  conn: Connector,
  request: {
    tables: readonly RecordTable[];
    filter: RecordFilter;
    locations: readonly LocationPoint[];
    radiusM: number;
  },
  codes: FactCodes,
): Promise<{ rows: MonthCountRow[]; nearby: MonthCountRow[]; yearOnly: number }> {
  const { tables, filter, locations, radiusM } = request;
  const wijkRows = async () =>
    (await conn.query<CodedRow>(buildFactsWijkMonthQuery(tables, filter))).map((r) => ({
      wijkcode: codes.wijkcodes[r.wijk_c],
      theme: r.theme_c === null ? null : codes.themes[r.theme_c],
      year: r.year,
      month: r.month,
      n: r.n,
    }));
  const yearOnly = conn
    .query<{ n: number }>(buildFactsYearOnlyCountQuery(tables, filter))
    .then(([row]) => row?.n ?? 0);
  if (locations.length === 0) {
    const [rows, n] = await Promise.all([wijkRows(), yearOnly]);
    return { rows, nearby: [], yearOnly: n };
  }
  type NearRow = Omit<MonthCountRow, 'wijkcode' | 'theme'> & { near: number };
  // A region server builds no table per request: there the near test runs in the query.
  const aroundRows = isRemote(conn)
    ? conn.query<NearRow>(
        buildFactsNearMonthInlineQuery(
          locations.map(({ id, lon, lat }) => ({ id, lon, lat })),
          radiusM,
          tables,
          filter,
        ),
      )
    : ensureNear(conn, locations, radiusM).then(() =>
        conn.query<NearRow>(buildFactsNearMonthQuery(tables, filter)),
      );
  const [rows, around, n] = await Promise.all([wijkRows(), aroundRows, yearOnly]);
  const nearby = around.map(({ near, year, month, n }) => ({
    wijkcode: locations[near].id,
    theme: null,
    year,
    month,
    n,
  }));
  return { rows, nearby, yearOnly: n };
}

/** The near table (queries/facts-near.ts) and the facts and locations it was built from. */
let nearBuilt: { facts: ProjectionBuild<FactCodes>; key: string; done: Promise<void> } | null =
  null;

function ensureNear(
  conn: Connector,
  locations: readonly LocationPoint[],
  radiusM: number,
): Promise<void> {
  const key = JSON.stringify([locations, radiusM]);
  const built = facts.current;
  if (!built) throw new Error('analysis facts not built');
  if (nearBuilt?.facts !== built || nearBuilt.key !== key) {
    const done = conn.exec(buildFactsNearStatement(locations, radiusM));
    nearBuilt = { facts: built, key, done };
    done.catch(() => {
      if (nearBuilt?.done === done) nearBuilt = null;
    });
  }
  return nearBuilt.done;
}
