/**
 * The Verkennen projection (queries/explore-facts.ts), built once per connection and data
 * version before the view's first filter query and rebuilt after every data change. It is
 * a TEMP table: never persisted, never exported.
 */
import type { Connector } from '$lib/data/connector';
import { buildFactsTableSql } from '$lib/data/queries/explore-facts';
import { exclusive } from './db-queue';
import { DEFAULT_VIEW } from './explore-url';
import { getGridContext } from './grid-context';

/** The hexagon size every projected record carries its cell for (the default). */
export const FACTS_CELL = DEFAULT_VIEW.cell;

let cached: { version: number; conn: Connector; ready: Promise<void> } | null = null;

export function ensureFacts(conn: Connector, dataVersion: number): Promise<void> {
  if (!cached || cached.version !== dataVersion || cached.conn !== conn) {
    const ready = getGridContext(conn, dataVersion)
      .then((grid) =>
        // Not inside another statement sequence (an import's transaction).
        exclusive(async () => {
          for (const sql of buildFactsTableSql(grid.rd, FACTS_CELL)) await conn.exec(sql);
        }),
      )
      .catch((error: unknown) => {
        cached = null;
        throw error;
      });
    cached = { version: dataVersion, conn, ready };
  }
  return cached.ready;
}
