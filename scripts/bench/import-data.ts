/**
 * Benchmark inputs for the import suite: the scaled demo incidents (1M rows, ~100 MB CSV)
 * and the same rows as Parquet, generated once into bench-data/ (never committed) and
 * copied next to the build so the page can fetch them from its own origin.
 */
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Table as WasmTable, writeParquet } from 'parquet-wasm/node';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { writeScaledIncidents } from '../demo/scaled';
import { ROOT } from '../lib/preview-server';

export interface ImportBenchFiles {
  rows: number;
  csv: string;
  parquet: string;
  /** URLs on the preview server. */
  csvUrl: string;
  parquetUrl: string;
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

async function writeParquetCopy(csv: string, parquet: string): Promise<void> {
  const conn = await createNodeConnector();
  try {
    const bytes = new Uint8Array(await (await import('node:fs/promises')).readFile(csv));
    await conn.registerFile('bench.csv', bytes);
    // Typed columns, as a registration system's Parquet export would have them.
    const ipc = await conn.queryIpc(`SELECT * FROM read_csv('bench.csv', header = true,
      timestampformat = '%Y-%m-%d %H:%M:%S')`);
    const { tableFromIPC, tableToIPC } = await import('apache-arrow');
    const stream = tableToIPC(tableFromIPC(ipc), 'stream');
    await writeFile(parquet, writeParquet(WasmTable.fromIPCStream(stream)));
  } finally {
    await conn.close();
  }
}

export async function prepareImportBenchFiles(rows = 1_000_000): Promise<ImportBenchFiles> {
  const dir = path.join(ROOT, 'bench-data', String(rows));
  const csv = path.join(dir, 'incidents.csv');
  const parquet = path.join(dir, 'incidents.parquet');
  if (!(await exists(csv))) await writeScaledIncidents(rows, undefined, dir);
  if (!(await exists(parquet))) await writeParquetCopy(csv, parquet);
  const served = path.join(ROOT, 'build', 'bench');
  await mkdir(served, { recursive: true });
  await copyFile(csv, path.join(served, `incidents-${rows}.csv`));
  await copyFile(parquet, path.join(served, `incidents-${rows}.parquet`));
  return {
    rows,
    csv,
    parquet,
    csvUrl: `/bench/incidents-${rows}.csv`,
    parquetUrl: `/bench/incidents-${rows}.parquet`,
  };
}
