/**
 * `region.filter_10m_p95_ms_clickhouse` (issue 25): the Verkennen view's filter query set
 * on ClickHouse (chDB, in-process) over a region of 10^7 records in 10 gemeenten, beside
 * the regional server's native DuckDB figure. The region is Donderdeel (loaded by the
 * app's loader, moved as Parquet) copied inside ClickHouse: copy g belongs to gemeente
 * GM(9999 − g mod 10), lies (g mod 10) × 0.35° further east and has its own ids. The
 * projections are built by the same builders in ClickHouse's dialect; each sample is one
 * filter change (a theme on or off): point count, hexagons, time histogram, theme bars and
 * wijk counts, run one after the other. BENCH_REGION_RECORDS sets the size.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ChdbConnector } from '../../src/lib/data/clickhouse/chdb-connector';
import { RECORD_TABLES, TABLE_NAMES, TABLES, type RecordTable } from '../../src/lib/data/schema';
import { withDialect } from '../../src/lib/data/sql/dialect';
import { clickhouse } from '../../src/lib/data/sql/dialect-clickhouse';
import type { RecordFilter } from '../../src/lib/data/sql/record-filter';
import { bind, buildProjections } from '../lib/engines-parity';
import { exportTables, loadReference } from '../lib/parity-data';
import { filterQuerySet } from './region-queries';
import { summarise, type Figure } from './report';

const GEMEENTEN = 10;
const SHIFT = 0.35;
const THEMES = ['afval', 'jeugd', 'horeca', 'parkeren', 'honden', 'woonoverlast', 'overig'];

/** Copies of the loaded Donderdeel rows of `table` as numbers 1 … copies − 1 (SQL). */
function copySql(table: RecordTable, copies: number, rows: number): string {
  const g = 'number';
  const columns = TABLES[table].map(({ name }) => {
    if (name === 'id') return `concat(id, '-', toString(${g}))`;
    if (name === 'lon') return `lon + (${g} % ${GEMEENTEN}) * ${SHIFT}`;
    if (name === 'wijkcode' || name === 'buurtcode') {
      return `if(${name} IS NULL, NULL, concat(${name}, '-', toString(${g} % ${GEMEENTEN})))`;
    }
    if ((name as string) === 'gemeente')
      return `concat('GM', toString(9999 - ${g} % ${GEMEENTEN}))`;
    return name;
  });
  return `INSERT INTO ${table} SELECT ${columns.join(', ')}, _rowid + ${g} * ${rows}
    FROM ${table}_base, numbers(1, ${copies - 1}) AS copies`;
}

/** chDB with the region of about `records` records and its projections. */
async function regionInChdb(records: number, dir: string): Promise<ChdbConnector> {
  const wasm = await loadReference(0);
  await exportTables(wasm, dir);
  await wasm.close();
  const ch = await ChdbConnector.open();
  for (const table of TABLE_NAMES) {
    await ch.loadFile(path.join(dir, `${table}.parquet`), 'Parquet', table, true);
  }
  for (const table of RECORD_TABLES) {
    const [{ n }] = await ch.query<{ n: number }>({ sql: `SELECT count() AS n FROM ${table}` });
    const copies = Math.max(1, Math.round(records / 65_000));
    await ch.exec(`CREATE TABLE ${table}_base ENGINE = Memory AS SELECT * FROM ${table}`);
    if (copies > 1) await ch.exec(copySql(table, copies, n));
    await ch.exec(`DROP TABLE ${table}_base`);
  }
  await buildProjections({ ...bind(ch), dialect: clickhouse });
  return ch;
}

/** The Verkennen view's queries for one filter, in ClickHouse's dialect. */
const clickHouseQuerySet = (filter: RecordFilter) =>
  withDialect(clickhouse, () => filterQuerySet(filter));

export async function benchRegionClickHouse(
  runs: number,
  records = Number(process.env.BENCH_REGION_RECORDS ?? 10_000_000),
): Promise<Figure[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'wijkradar-region-ch-'));
  const ch = await regionInChdb(records, dir);
  try {
    const [{ n }] = await ch.query<{ n: number }>({
      sql: `SELECT (SELECT count() FROM incidents) + (SELECT count() FROM meldingen)
        + (SELECT count() FROM visits) AS n`,
    });
    const samples: number[] = [];
    // Each theme switched on, then off again: 2 filter changes per theme and run.
    for (let run = 0; run < Math.max(1, runs); run++) {
      for (const theme of THEMES) {
        for (const filter of [{ themes: [theme] }, {}]) {
          const started = performance.now();
          for (const query of clickHouseQuerySet(filter)) await ch.query(query);
          samples.push(performance.now() - started);
        }
      }
    }
    const figure = summarise('region.filter_10m_p95_ms_clickhouse', samples, 'ms', {
      records: n,
      gemeenten: GEMEENTEN,
      engine: 'clickhouse 26.7 (chdb, in-process)',
    });
    return [{ ...figure, value: figure.p95 as number }];
  } finally {
    await ch.close();
    await rm(dir, { recursive: true, force: true });
  }
}
