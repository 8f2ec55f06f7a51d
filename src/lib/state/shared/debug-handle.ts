/**
 * A handle on the tab's database for browser tests and benchmarks
 * (`window.__wijkradar`): read-only queries, performance measures, and an import of a file
 * served by the app itself (benchmarks put their generated files next to the build). The
 * data already lives in this tab, so this exposes nothing new, and it lets tests compare
 * browser and Node results for the same SQL.
 */
import type { Connector, Query, Row } from '$lib/data/connector';
import type { RecordKind } from '$lib/data/import/column-mapping';
import { browserParquetReader, warmParquetReader } from '$lib/data/import/parquet-browser';
import { prepareImport, runImport } from '$lib/data/import/pipeline';
import type { ImportReport } from '$lib/data/import/report';

export interface DebugImportResult {
  fetchMs: number;
  importMs: number;
  report: ImportReport;
}

export interface DebugHandle {
  query(query: Query): Promise<Row[]>;
  marks(): Record<string, number>;
  /** Imports a same-origin file through the real pipeline and commits it. */
  importUrl(url: string, kind: RecordKind): Promise<DebugImportResult>;
  /** Saves the database in this browser, as after an import in the UI. */
  persist(): Promise<void>;
}

export function installDebugHandle(conn: Connector, persist: () => Promise<void>): void {
  const handle: DebugHandle = {
    query: (query) => conn.query(query),
    marks: () =>
      Object.fromEntries(
        performance.getEntriesByType('measure').map((entry) => [entry.name, entry.duration]),
      ),
    async importUrl(url, kind) {
      if (new URL(url, location.href).origin !== location.origin) {
        throw new Error('Alleen bestanden van de eigen herkomst.');
      }
      const started = performance.now();
      const name = url.split('/').pop() ?? 'bestand';
      warmParquetReader(name); // as the Gegevens page does while it reads a chosen file
      // A Blob, as the Gegevens page passes the chosen File.
      const bytes = await (await fetch(url)).blob();
      const fetched = performance.now();
      const prepared = await prepareImport(conn, kind, name, bytes, {
        parquet: browserParquetReader,
        duplicates: 'replace',
      });
      const report = await runImport(conn, prepared, { dataset: `bench-${name}` });
      return { fetchMs: fetched - started, importMs: performance.now() - fetched, report };
    },
    persist,
  };
  (globalThis as unknown as { __wijkradar: DebugHandle }).__wijkradar = handle;
}
