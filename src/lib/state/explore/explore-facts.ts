/**
 * The Verkennen projection (queries/explore-facts.ts), built once per connection and data
 * version before the view's first filter query and rebuilt after every data change. It is
 * a TEMP table: never persisted, never exported.
 *
 * When the engine's memory cannot hold it beside the records (millions of them: 10M
 * incidents take about 2.1 of the engine's 3.1 GB), it becomes a view with the same
 * columns instead: every query then computes them from the records again, slower but the
 * same answers, and the page says why it is slow (FACTS_VIEW_NOTICE).
 */
import type { Connector } from '$lib/data/connector';
import { isOutOfMemory } from '$lib/data/engine-errors';
import { buildWithRoom, registerProjection } from '$lib/data/projections';
import {
  buildDropFactsSql,
  buildFactsTableSql,
  FACTS_FORM_QUERY,
  type FactsForm,
} from '$lib/data/queries/explore-facts';
import { exclusive } from '../shared/db-queue';
import { DEFAULT_VIEW } from './explore-url';
import { getGridContext, type GridContext } from '../shared/grid-context';

/** The hexagon size every projected record carries its cell for (the default). */
export const FACTS_CELL = DEFAULT_VIEW.cell;

export const FACTS_VIEW_NOTICE =
  'Het geheugen van de rekenmodule is te vol voor de snelle tussentabel van Verkennen. ' +
  'Kaart en grafieken worden nu bij elke wijziging uit alle records berekend en zijn daardoor trager. ' +
  'Werk met minder records (verwijder bij Gegevens oudere jaren of gegevenssets) voor de gewone snelheid.';

let cached: {
  version: number;
  conn: Connector;
  ready: Promise<void>;
  form: FactsForm | null;
} | null = null;

async function dropFacts(conn: Connector): Promise<void> {
  for (const { form } of await conn.query<{ form: FactsForm }>(FACTS_FORM_QUERY)) {
    await conn.exec(buildDropFactsSql(form));
  }
}

/** Builds the projection as a table, or as a view when the table does not fit. */
export async function buildFacts(conn: Connector, grid: GridContext): Promise<FactsForm> {
  await dropFacts(conn);
  try {
    await buildWithRoom(conn, 'verkennen', async () => {
      for (const sql of buildFactsTableSql(grid.rd, FACTS_CELL)) await conn.exec(sql);
    });
    return 'table';
  } catch (error) {
    if (!isOutOfMemory(error)) throw error;
  }
  // The failed statement left nothing behind; the types and theme keys may be rebuilt.
  await dropFacts(conn);
  for (const sql of buildFactsTableSql(grid.rd, FACTS_CELL, 'view')) await conn.exec(sql);
  return 'view';
}

// Another view's projection needs the memory: dropped here, rebuilt on the next use.
registerProjection('verkennen', async (conn) => {
  if (cached?.conn === conn) cached = null;
  await dropFacts(conn);
});

export function ensureFacts(conn: Connector, dataVersion: number): Promise<void> {
  if (!cached || cached.version !== dataVersion || cached.conn !== conn) {
    const entry: NonNullable<typeof cached> = {
      version: dataVersion,
      conn,
      form: null,
      ready: Promise.resolve(),
    };
    entry.ready = getGridContext(conn, dataVersion)
      .then((grid) =>
        // Not inside another statement sequence (an import's transaction).
        exclusive(async () => {
          entry.form = await buildFacts(conn, grid);
        }),
      )
      .catch((error: unknown) => {
        if (cached === entry) cached = null;
        throw error;
      });
    cached = entry;
  }
  return cached.ready;
}

/** True when the projection of the current data is a view (see FACTS_VIEW_NOTICE). */
export function factsComputedPerQuery(): boolean {
  return cached?.form === 'view';
}
