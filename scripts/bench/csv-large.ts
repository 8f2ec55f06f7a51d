/**
 * `import.csv_1gb_peak_heap_mb`: staging a ~1 GB CSV (8M demo-shaped incidents, written
 * once into bench-data/, never committed) through the app's own staging path, stageSource,
 * in Node with the same DuckDB-WASM engine. The file is handed over as a Blob read from
 * disk, as the Gegevens page hands over the chosen File (issue 27, item 9). Measured in a
 * child process of its own, so that generating the file does not count. The figure is the
 * peak of the JS heap plus ArrayBuffers (heapUsed + arrayBuffers: the file's bytes held in
 * JavaScript); peak `external` (which holds the engine's WASM memory) and RSS travel with
 * it. Sampled every 20 ms.
 */
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, openAsBlob } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { stageSource } from '../../src/lib/data/import/stage';
import { writeScaledIncidents } from '../demo/scaled';
import { ROOT } from '../lib/preview-server';
import type { Figure } from './report';

const ROWS = 8_000_000;
const SOURCE_ROWS = 1_000_000;
const MB = 1024 * 1024;
const CHILD = '--measure';

interface LargeCsvSample {
  rows: number;
  fileMb: number;
  stageMs: number;
  /** JS heap plus ArrayBuffers: what the app's own code holds. */
  peakHeapMb: number;
  /** Memory outside the JS heap, the engine's WASM memory included. */
  peakExternalMb: number;
  peakRssMb: number;
}

/**
 * The file: the 1M benchmark incidents (generated once by import-data.ts's generator)
 * eight times over, each copy's ids prefixed with its number so they stay unique. Writing
 * 8M rows through the generator takes ~15 minutes here; copying takes seconds.
 */
async function prepareFile(): Promise<string> {
  const file = path.join(ROOT, 'bench-data', `csv-${ROWS}`, 'incidents.csv');
  if (await exists(file)) return file;
  const dir = path.join(ROOT, 'bench-data', String(SOURCE_ROWS));
  const source = path.join(dir, 'incidents.csv');
  if (!(await exists(source))) await writeScaledIncidents(SOURCE_ROWS, undefined, dir);
  console.error(`bench: writing ${ROWS} incidents to ${file} (once)`);
  await mkdir(path.dirname(file), { recursive: true });
  const out = createWriteStream(file);
  for (let copy = 1; copy <= ROWS / SOURCE_ROWS; copy++) {
    const lines = createInterface({ input: createReadStream(source), crlfDelay: Infinity });
    let header = true;
    let batch = '';
    for await (const line of lines) {
      if (header) {
        if (copy === 1) batch += line + '\n';
        header = false;
      } else batch += `I${copy}-${line.slice(1)}\n`;
      if (batch.length > 1 << 20) {
        if (!out.write(batch)) await once(out, 'drain');
        batch = '';
      }
    }
    out.write(batch);
  }
  out.end();
  await finished(out);
  return file;
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

/** In the child: stages `file` and reports what it took. */
async function measure(file: string): Promise<LargeCsvSample> {
  let peakHeap = 0;
  let peakExternal = 0;
  let peakRss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers);
    peakExternal = Math.max(peakExternal, m.external);
    peakRss = Math.max(peakRss, m.rss);
  };
  const timer = setInterval(sample, 20);
  const conn = await createNodeConnector();
  try {
    const blob = await openAsBlob(file);
    const started = performance.now();
    const staged = await stageSource(conn, path.basename(file), blob);
    const stageMs = performance.now() - started;
    sample();
    return {
      rows: staged.rowCount,
      fileMb: Math.round(blob.size / MB),
      stageMs: Math.round(stageMs),
      peakHeapMb: Math.round(peakHeap / MB),
      peakExternalMb: Math.round(peakExternal / MB),
      peakRssMb: Math.round(peakRss / MB),
    };
  } finally {
    clearInterval(timer);
    await conn.close();
  }
}

export async function benchLargeCsv(runs: number): Promise<Figure[]> {
  const file = await prepareFile();
  const tsx = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
  const samples: LargeCsvSample[] = [];
  for (let i = 0; i < runs; i++) {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [tsx, import.meta.filename, CHILD, file],
      { cwd: ROOT, maxBuffer: MB },
    );
    samples.push(JSON.parse(stdout.trim().split('\n').at(-1)!) as LargeCsvSample);
  }
  console.error(`bench: csv 1 GB samples ${JSON.stringify(samples)}`);
  const worst = samples.reduce((a, b) => (b.peakHeapMb > a.peakHeapMb ? b : a));
  return [
    {
      metric: 'import.csv_1gb_peak_heap_mb',
      value: worst.peakHeapMb,
      unit: 'MB',
      runs,
      peak_external_mb: Math.max(...samples.map((s) => s.peakExternalMb)),
      peak_rss_mb: Math.max(...samples.map((s) => s.peakRssMb)),
      stage_ms: samples.map((s) => s.stageMs),
      rows: worst.rows,
      completed: samples.every((s) => s.rows === ROWS),
      file_mb: worst.fileMb,
      includes: 'stageSource in Node (DuckDB-WASM), the file as a Blob from disk',
    },
  ];
}

if (process.argv[2] === CHILD) {
  console.log(JSON.stringify(await measure(process.argv[3])));
}
