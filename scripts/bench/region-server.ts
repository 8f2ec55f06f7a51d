/**
 * The region server's benchmarks (issue 25), on native DuckDB through `POST /query` on
 * 127.0.0.1, as a browser's remote connector asks:
 * - `region.filter_10m_p95_ms`: the Verkennen view's filter query set (the same as
 *   region-clickhouse.ts: point count, hexagons, time histogram, theme bars, wijk counts,
 *   one after the other; a theme switched on or off) over 10^7 records in 10 gemeenten,
 *   for a regional analyst of all ten. The first request builds the scope's projection
 *   (reported as `projection_build_ms`, held to the server's 30 s limit).
 * - `region.overhead_ms`: the server's round trip for an aggregate (the wijk × month
 *   counts of Donderdeel) minus the same builder's query on a direct native connection to
 *   the same file (medians of interleaved runs).
 *
 * The region is Donderdeel, published by publish:region, copied inside native DuckDB:
 * copy g belongs to gemeente GM(9999 − g mod 10), lies (g mod 10) × 0.35° further east and
 * has its own ids and area codes (the areas copied once per gemeente). Cached under
 * bench-data/region/ by size. BENCH_REGION_RECORDS sets the size.
 */
import { copyFile, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildPublication } from '../../src/lib/data/publish';
import { buildCall } from '../../src/lib/data/queries/registry';
import type { Query } from '../../src/lib/data/connector';
import { buildWijkMonthlyCountsQuery } from '../../src/lib/data/queries/trends';
import { RECORD_TABLES, RECORD_TIME_COLUMN, type RecordTable } from '../../src/lib/data/schema';
import { parseConfig } from '../../server/src/config';
import { DuckDBInstance } from '../../server/src/native';
import { bindParams } from '../../server/src/region-db';
import { startRegionServer, type RegionServer } from '../../server/src/server';
import { loadReference } from '../lib/parity-data';
import { writePublication } from '../lib/publish-files';
import { ROOT } from '../lib/preview-server';
import { publishRegion } from '../lib/region-publish';
import { filterQuerySet } from './region-queries';
import { quantile, summarise, type Figure } from './report';

const DIR = path.join(ROOT, 'bench-data', 'region');
const GEMEENTEN = 10;
const SHIFT = 0.35;
const CODES = Array.from({ length: GEMEENTEN }, (_, g) => `GM${9999 - g}`);
const THEMES = ['afval', 'jeugd', 'horeca', 'parkeren', 'honden', 'woonoverlast', 'overig'];
const TOTAL_SQL = `SELECT (${RECORD_TABLES.map((t) => `(SELECT count(*) FROM ${t})`).join(' + ')})::BIGINT AS n`;

const sqlText = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** Donderdeel's region database (publish:region of its publication), made once. */
async function baseRegion(): Promise<string> {
  const out = path.join(DIR, 'base');
  const database = path.join(out, 'region', 'region.duckdb');
  if (existsSync(database)) return database;
  await rm(out, { recursive: true, force: true });
  const conn = await loadReference();
  const publication = path.join(out, 'publication');
  await writePublication(
    await buildPublication(conn, { version: 'bench', now: new Date('2026-12-01T10:00:00Z') }),
    publication,
  );
  await conn.close();
  await publishRegion([{ path: publication }], path.join(out, 'region'));
  return database;
}

/** The columns of copy `g` (SQL over `g`) of a row of `table`. */
function copyColumns(columns: readonly string[]): string {
  const gemeente = `'GM' || (9999 - g % ${GEMEENTEN})::VARCHAR`;
  const suffix = (name: string) =>
    `CASE WHEN ${name} IS NULL THEN NULL ELSE ${name} || '-' || (g % ${GEMEENTEN})::VARCHAR END`;
  const value = (name: string) => {
    if (name === 'id') return `id || '-' || g::VARCHAR`;
    if (name === 'lon' || name === 'min_lon' || name === 'max_lon')
      return `${name} + (g % ${GEMEENTEN}) * ${SHIFT}`;
    if (['wijkcode', 'buurtcode', 'code', 'parent'].includes(name)) return suffix(name);
    if (name === 'gemeente') return gemeente;
    return name;
  };
  return columns.map((name) => `${value(name)} AS "${name}"`).join(', ');
}

/** A region database of about `records` records in 10 gemeenten (cached). */
export async function regionDatabase(records: number): Promise<string> {
  const base = await baseRegion();
  const database = path.join(DIR, String(records), 'region.duckdb');
  if (existsSync(database)) return database;
  await mkdir(path.dirname(database), { recursive: true });
  await copyFile(base, `${database}.tmp`);
  const instance = await DuckDBInstance.create(`${database}.tmp`);
  const conn = await instance.connect();
  try {
    const counts = await conn.runAndReadAll(TOTAL_SQL);
    const copies = Math.max(GEMEENTEN, Math.round(records / Number(counts.getRows()[0][0])));
    for (const table of [...RECORD_TABLES, 'areas'] as const) {
      const n = table === 'areas' ? GEMEENTEN : copies;
      const order =
        table === 'areas' ? 'gemeente' : `gemeente, ${RECORD_TIME_COLUMN[table as RecordTable]}`;
      const names = await conn.runAndReadAll(
        `SELECT column_name FROM duckdb_columns() WHERE table_name = '${table}' AND NOT internal ORDER BY column_index`,
      );
      const columns = names.getRows().map((row) => String(row[0]));
      await conn.run(`CREATE TEMP TABLE copy_base AS SELECT * FROM ${table}`);
      await conn.run(`DELETE FROM ${table}`);
      await conn.run(
        `INSERT INTO ${table} SELECT * FROM (SELECT ${copyColumns(columns)}
         FROM copy_base, (SELECT range AS g FROM range(${n}))) ORDER BY ${order}`,
      );
      await conn.run('DROP TABLE copy_base');
    }
    await conn.run('CHECKPOINT');
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  await rename(`${database}.tmp`, database);
  return database;
}

/** The records of the three record tables in `database`. */
async function countRecords(database: string): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await conn.run(`ATTACH ${sqlText(database)} AS region (READ_ONLY)`);
    await conn.run('USE region');
    return Number((await conn.runAndReadAll(TOTAL_SQL)).getRows()[0][0]);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** The region server on `database` for one user who sees all ten gemeenten. */
async function serverOn(database: string, audit: string): Promise<RegionServer> {
  return startRegionServer(
    parseConfig({
      port: 0,
      database,
      auditLog: audit,
      users: { bench: { role: 'regio', gemeenten: CODES } },
    }),
  );
}

async function post(server: RegionServer, query: Query): Promise<void> {
  const response = await fetch(`${server.url}/query`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Wijkradar-User': 'bench' },
    body: JSON.stringify(query.call),
  });
  const bytes = await response.arrayBuffer();
  if (!response.ok) {
    throw new Error(
      `${query.call?.builder}: ${response.status} ${new TextDecoder().decode(bytes)}`,
    );
  }
}

const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);

export async function benchRegionFilter(
  runs: number,
  records = Number(process.env.BENCH_REGION_RECORDS ?? 10_000_000),
): Promise<Figure[]> {
  const database = await regionDatabase(records);
  const work = await mkdtemp(path.join(tmpdir(), 'wijkradar-region-bench-'));
  const total = await countRecords(database);
  const rssBefore = rssMb();
  const server = await serverOn(database, path.join(work, 'audit.jsonl'));
  try {
    const started = performance.now();
    for (const query of filterQuerySet({})) await post(server, query);
    const build = performance.now() - started;
    const rssBuilt = rssMb();
    const samples: number[] = [];
    for (let run = 0; run < Math.max(1, runs); run++) {
      for (const theme of THEMES) {
        for (const filter of [{ themes: [theme] }, {}]) {
          const t0 = performance.now();
          for (const query of filterQuerySet(filter)) await post(server, query);
          samples.push(performance.now() - t0);
        }
      }
    }
    const figure = summarise('region.filter_10m_p95_ms', samples, 'ms', {
      records: total,
      gemeenten: GEMEENTEN,
      engine: 'duckdb 1.4.3 (native, @duckdb/node-api), POST /query on 127.0.0.1',
      projection_build_ms: Math.round(build),
      rss_mb_before: rssBefore,
      rss_mb_with_projection: rssBuilt,
    });
    return [{ ...figure, value: figure.p95 as number }];
  } finally {
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
}

export async function benchRegionOverhead(runs = 60): Promise<Figure[]> {
  const database = await baseRegion();
  const work = await mkdtemp(path.join(tmpdir(), 'wijkradar-region-overhead-'));
  const server = await startRegionServer(
    parseConfig({
      port: 0,
      database,
      auditLog: path.join(work, 'audit.jsonl'),
      users: { bench: { role: 'regio', gemeenten: ['GM9901'] } },
    }),
  );
  const instance = await DuckDBInstance.create(':memory:');
  const direct = await instance.connect();
  try {
    await direct.run(`ATTACH ${sqlText(database)} AS region (READ_ONLY)`);
    await direct.run(`SET search_path = 'region.main'`);
    const query = buildWijkMonthlyCountsQuery([...RECORD_TABLES], { themes: ['afval', 'jeugd'] });
    const sql = buildCall(query.call!);
    const viaServer: number[] = [];
    const viaDirect: number[] = [];
    for (let i = 0; i < runs + 5; i++) {
      let t0 = performance.now();
      await post(server, query);
      const s = performance.now() - t0;
      t0 = performance.now();
      const statement = await direct.prepare(sql.sql);
      bindParams(statement, (sql.params ?? []) as never[]);
      (await statement.runAndReadAll()).getRowObjectsJS();
      const d = performance.now() - t0;
      // The first runs warm both up.
      if (i >= 5) {
        viaServer.push(s);
        viaDirect.push(d);
      }
    }
    const overhead = quantile(viaServer, 0.5) - quantile(viaDirect, 0.5);
    return [
      {
        metric: 'region.overhead_ms',
        value: Math.round(overhead * 10) / 10,
        unit: 'ms',
        runs,
        server_median_ms: Math.round(quantile(viaServer, 0.5) * 10) / 10,
        direct_median_ms: Math.round(quantile(viaDirect, 0.5) * 10) / 10,
        server_p95_ms: Math.round(quantile(viaServer, 0.95) * 10) / 10,
        builder: query.call!.builder,
        engine: 'duckdb 1.4.3 (native): POST /query on 127.0.0.1 vs a direct connection',
      },
    ];
  } finally {
    direct.closeSync();
    instance.closeSync();
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
}
