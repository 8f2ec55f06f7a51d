/**
 * The views' projections of one scope, built as the browser builds them for the data it
 * holds, by the same builders: the analysis facts of Tijden and Wijken
 * (data/analysis-facts.ts: the codes from the scope's own values, then the gemeente lookup,
 * the facts and the windows) and Verkennen's `explore_facts` (data/explore-projection.ts:
 * cells on the grid fitted over the scope's areas, as the browser fits it from the same
 * bounds query). So the codes and cells the browser reads are the server's, and each view's
 * queries give what they give in the browser.
 *
 * They live on one connection per scope (TEMP tables; the projection's ENUM types in the
 * scope's own schema), each built on the first query that reads it and kept for the next
 * filter change. A build is held to the query time limit like any query: past it, it is
 * interrupted (QueryTimeoutError) and tried again on the next request. Queries on that
 * connection run one at a time.
 *
 * Why not stored by publish:region: a projection depends on the scope — the codes are
 * numbered over the scope's values, the grid is fitted over its areas, a riec user sees
 * other themes — and the browser shows what its own projection of the same data gives.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { fitRdPolynomial } from '../../src/lib/data/queries/hotspots';
import {
  EXPLORE_FACTS_CELL,
  buildFactsTableSql,
} from '../../src/lib/data/queries/explore-facts-table';
import {
  buildFactsCodeValuesQuery,
  buildFactsGemeentenStatement,
  buildFactsStatement,
  type FactCodes,
} from '../../src/lib/data/queries/facts';
import { buildFactsWindowsStatement } from '../../src/lib/data/queries/facts-windows';
import { buildAreaBoundsQuery } from '../../src/lib/data/queries/map';

/** Thrown when a query (or a projection's build) ran past its time and was interrupted. */
export class QueryTimeoutError extends Error {}

export type ProjectionName = 'analysis' | 'explore';

/** Which projections' tables a query reads. */
const READS: Record<ProjectionName, RegExp> = {
  analysis: /\b(analysis_facts|analysis_windows|analysis_gemeenten)\b/,
  explore: /\b(explore_facts|explore_fact_themes)\b/,
};

/** The projections `sql` reads (empty: it reads only the scope's views). */
export const projectionsRead = (sql: string): ProjectionName[] =>
  (Object.keys(READS) as ProjectionName[]).filter((name) => READS[name].test(sql));

/** Builds the analysis facts on `conn`, whose search path is the scope's views. */
async function buildAnalysisFacts(conn: DuckDBConnection): Promise<void> {
  const reader = await conn.runAndReadAll(buildFactsCodeValuesQuery().sql);
  const values = reader.getRowObjectsJS() as { field: string; value: string }[];
  const of = (field: string) => values.filter((v) => v.field === field).map((v) => v.value);
  const codes: FactCodes = {
    themes: of('theme'),
    wijkcodes: of('wijkcode'),
    gemeenten: of('gemeente'),
  };
  const statements = [
    buildFactsGemeentenStatement(),
    buildFactsStatement(codes),
    buildFactsWindowsStatement(),
  ];
  for (const sql of statements) await conn.run(sql);
}

/** Builds Verkennen's projection on `conn` with the cells of the browser's default size. */
async function buildExploreFacts(conn: DuckDBConnection): Promise<void> {
  const reader = await conn.runAndReadAll(buildAreaBoundsQuery().sql);
  const [box] = reader.getRowObjectsJS() as Record<string, number>[];
  // The grid the browser fits (state/shared/grid-context.ts) from the same query's answer.
  const rd = fitRdPolynomial({
    minLon: box.min_lon,
    minLat: box.min_lat,
    maxLon: box.max_lon,
    maxLat: box.max_lat,
  });
  for (const sql of buildFactsTableSql(rd, EXPLORE_FACTS_CELL)) await conn.run(sql);
}

const BUILDS: Record<ProjectionName, (conn: DuckDBConnection) => Promise<void>> = {
  analysis: buildAnalysisFacts,
  explore: buildExploreFacts,
};

/**
 * Runs `work` on `conn`; past `timeoutMs` the connection is interrupted and
 * QueryTimeoutError thrown (also when the engine finished between checks).
 */
export async function withTimeLimit<T>(
  conn: DuckDBConnection,
  timeoutMs: number,
  work: () => Promise<T>,
): Promise<T> {
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    conn.interrupt();
  }, timeoutMs);
  try {
    const result = await work();
    if (timedOut) throw new QueryTimeoutError('query past its time');
    return result;
  } catch (error) {
    if (timedOut) throw new QueryTimeoutError('query interrupted');
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** One scope's connection with its projections; its tasks run one after the other. */
export class ScopeProjections {
  #tail: Promise<unknown> = Promise.resolve();
  #built = new Map<ProjectionName, Promise<void>>();

  constructor(readonly conn: DuckDBConnection) {}

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  /** The projection `name`, built within `timeoutMs` on first use (again after a failure). */
  #ensure(name: ProjectionName, timeoutMs: number): Promise<void> {
    let built = this.#built.get(name);
    if (!built) {
      built = this.#serial(() =>
        withTimeLimit(this.conn, timeoutMs, () => BUILDS[name](this.conn)),
      );
      built.catch(() => this.#built.delete(name));
      this.#built.set(name, built);
    }
    return built;
  }

  /** Runs `task` on the connection once the projections it reads are built. */
  async run<T>(
    names: readonly ProjectionName[],
    timeoutMs: number,
    task: (conn: DuckDBConnection) => Promise<T>,
  ): Promise<T> {
    for (const name of names) await this.#ensure(name, timeoutMs);
    return this.#serial(() => task(this.conn));
  }
}
