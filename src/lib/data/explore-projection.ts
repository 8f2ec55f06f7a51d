/**
 * The Verkennen projection's lifecycle (queries/explore-facts-table.ts; the shared
 * lifecycle in projections.ts): built once per connection and data version before the
 * view's first filter query and rebuilt after every data change. It is a TEMP table: never
 * persisted, never exported.
 *
 * When the engine's memory cannot hold it beside the records (millions of them: 10M
 * incidents take about 2.1 of the engine's 3.1 GB), it becomes a view with the same
 * columns instead: every query then computes them from the records again, slower but the
 * same answers (the page says why it is slow).
 */
import type { RdPolynomial } from '../analysis/rd-polynomial';
import type { Connector } from './connector';
import { isOutOfMemory } from './engine-errors';
import { buildWithRoom, Projection } from './projections';
import { isRemote } from './remote-connector';
import {
  buildDropFactsSql,
  buildFactsTableSql,
  FACTS_FORM_QUERY,
  type FactsForm,
} from './queries/explore-facts-table';

async function dropExploreFacts(conn: Connector): Promise<void> {
  for (const { form } of await conn.query<{ form: FactsForm }>(FACTS_FORM_QUERY)) {
    await conn.exec(buildDropFactsSql(form));
  }
}

const exploreFacts = new Projection<FactsForm>('verkennen', dropExploreFacts);

/**
 * Builds the projection with cells of `cellSize` on the grid of `rd` as a table, or as a
 * view when the table does not fit.
 */
export async function buildExploreFacts(
  conn: Connector,
  rd: RdPolynomial,
  cellSize: number,
): Promise<FactsForm> {
  // A region server builds the same table for the user's scope (server/src/scope-facts.ts).
  if (isRemote(conn)) return 'table';
  await dropExploreFacts(conn);
  try {
    await buildWithRoom(conn, 'verkennen', async () => {
      for (const sql of buildFactsTableSql(rd, cellSize)) await conn.exec(sql);
    });
    return 'table';
  } catch (error) {
    if (!isOutOfMemory(error)) throw error;
  }
  // The failed statement left nothing behind; the types and theme keys may be rebuilt.
  await dropExploreFacts(conn);
  for (const sql of buildFactsTableSql(rd, cellSize, 'view')) await conn.exec(sql);
  return 'view';
}

/** Makes sure the projection describes this connection's data of this version (`build`
 * builds it, buildExploreFacts). */
export function ensureExploreFacts(
  conn: Connector,
  version: number,
  build: () => Promise<FactsForm>,
): Promise<FactsForm> {
  return exploreFacts.ensure(conn, version, build);
}

/** True when the projection of the current data is a view (computed per query). */
export function exploreFactsComputedPerQuery(): boolean {
  return exploreFacts.current?.value === 'view';
}
