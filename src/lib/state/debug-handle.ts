/**
 * A read-only handle on the tab's database for browser tests and benchmarks
 * (`window.__wijkradar.query(sql)`): the data already lives in this tab, so this exposes
 * nothing new, and it lets tests compare browser and Node results for the same SQL.
 */
import type { Connector, Query, Row } from '$lib/data/connector';

export interface DebugHandle {
  query(query: Query): Promise<Row[]>;
  marks(): Record<string, number>;
}

export function installDebugHandle(conn: Connector): void {
  const handle: DebugHandle = {
    query: (query) => conn.query(query),
    marks: () =>
      Object.fromEntries(
        performance.getEntriesByType('measure').map((entry) => [entry.name, entry.duration]),
      ),
  };
  (globalThis as unknown as { __wijkradar: DebugHandle }).__wijkradar = handle;
}
