import { readFile } from 'node:fs/promises';
import { loadDemoInNode } from './tests/helpers/demo-node';
import { nodeParquetReader } from './src/lib/data/import/parquet-node';
import { prepareImport, runImport } from './src/lib/data/import/pipeline';
const conn: any = await loadDemoInNode();
for (const m of ['exec', 'query', 'queryArrow', 'insertArrow', 'insertIpc']) {
  const orig = conn[m].bind(conn);
  conn[m] = async (...a: any[]) => {
    const t = performance.now();
    try { return await orig(...a); } finally {
      const d = performance.now() - t;
      const label = typeof a[0] === 'string' ? a[0] : a[0]?.sql ?? a[1];
      if (d > 40) console.log(`${m.padEnd(11)} ${d.toFixed(0).padStart(6)}  ${String(label).replace(/\s+/g, ' ').slice(0, 90)}`);
    }
  };
}
const bytes = new Uint8Array(await readFile('bench-data/1000000/incidents.parquet'));
for (let run = 0; run < Number(process.env.RUNS ?? 2); run++) {
  const t0 = performance.now();
  const prepared = await prepareImport(conn, 'incidents', 'x.parquet', bytes, { parquet: nodeParquetReader, duplicates: 'replace' });
  const t1 = performance.now();
  const report = await runImport(conn, prepared, { dataset: 'bench' });
  const t2 = performance.now();
  console.log(`RUN ${run}: prepare ${(t1 - t0).toFixed(0)} run ${(t2 - t1).toFixed(0)} total ${(t2 - t0).toFixed(0)} accepted ${report.rows.accepted}`);
  console.log(performance.getEntriesByType('measure').filter(e=>e.name.startsWith('import.')).map(e => `${e.name}=${e.duration.toFixed(0)}`).join(' '));
  performance.clearMeasures();
}
await conn.close();
