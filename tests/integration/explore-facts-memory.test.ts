/**
 * When the engine's memory cannot hold the Verkennen projection beside the records, the
 * other views' projection (the analysis facts of Tijden and Wijken) makes room first; when
 * that is not enough, a view still answers (computed from the records per query) instead
 * of failing, and the table comes back once there is room. The shortage is real: a memory
 * limit just above what Donderdeel's records take.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { buildFactsThemeCountsQuery } from '../../src/lib/data/queries/explore-facts';
import { FACTS_FORM_QUERY } from '../../src/lib/data/queries/explore-facts-table';
import { buildThemeCountsQuery } from '../helpers/oracles/base-table-queries';
import { ensureFacts as ensureAnalysisFacts } from '../../src/lib/data/analysis-facts';
import { RECORD_TABLES } from '../../src/lib/data/schema';
import { buildFacts, FACTS_VIEW_NOTICE } from '../../src/lib/state/explore/explore-facts';
import { getGridContext } from '../../src/lib/state/shared/grid-context';
import { loadDemoInNode } from '../helpers/demo-node';

let conn: Connector;
let limit: string;
beforeAll(async () => {
  conn = await loadDemoInNode();
  [{ limit }] = await conn.query<{ limit: string }>({
    sql: "SELECT current_setting('memory_limit') AS limit",
  });
}, 60_000);
afterAll(() => conn.close());

const usedMb = async () => {
  const [{ mb }] = await conn.query<{ mb: number }>({
    sql: 'SELECT (sum(memory_usage_bytes) / 1e6)::DOUBLE AS mb FROM duckdb_memory()',
  });
  return mb;
};

it('falls back to the view when memory is full, with the same answers, and back to the table', async () => {
  const grid = await getGridContext(conn, 1);
  const tables = [...RECORD_TABLES];
  const filter = { hours: [18, 19, 20, 21, 22, 23] };
  const expected = await conn.query(buildThemeCountsQuery(tables, filter));
  expect(expected.length).toBeGreaterThan(3);

  await conn.exec(`SET memory_limit = '${Math.ceil((await usedMb()) + 9)}MB'`);
  try {
    expect(await buildFacts(conn, grid)).toBe('view');
    expect(await conn.query(FACTS_FORM_QUERY)).toEqual([{ form: 'view' }]);
    expect(await conn.query(buildFactsThemeCountsQuery(tables, filter))).toEqual(expected);
  } finally {
    // Set back explicitly: RESET leaves the engine's buffer pool at the low limit.
    await conn.exec(`SET memory_limit = '${limit}'`);
  }

  expect(await buildFacts(conn, grid)).toBe('table');
  expect(await conn.query(FACTS_FORM_QUERY)).toEqual([{ form: 'table' }]);
  expect(await conn.query(buildFactsThemeCountsQuery(tables, filter))).toEqual(expected);
  expect(FACTS_VIEW_NOTICE).toMatch(/geheugen .* trager/);
});

const temporaryTables = async () =>
  (
    await conn.query<{ name: string }>({
      sql: 'SELECT table_name AS name FROM duckdb_tables() WHERE temporary ORDER BY 1',
    })
  ).map((r) => r.name);

it('drops the analysis facts of Tijden and Wijken to make room, which are rebuilt on their next use', async () => {
  const grid = await getGridContext(conn, 1);
  await conn.exec('DROP TABLE IF EXISTS temp.explore_facts'); // from the test before
  await ensureAnalysisFacts(conn, 1);
  expect(await temporaryTables()).toContain('analysis_facts');
  await conn.exec(`SET memory_limit = '${Math.ceil((await usedMb()) + 9)}MB'`);
  try {
    expect(await buildFacts(conn, grid)).toBe('table');
    expect(await temporaryTables()).not.toContain('analysis_facts');
    expect(await temporaryTables()).toContain('explore_facts');
  } finally {
    await conn.exec(`SET memory_limit = '${limit}'`);
  }
  await ensureAnalysisFacts(conn, 1);
  expect(await temporaryTables()).toContain('analysis_facts');
});

it('drops the Verkennen projection to make room for the analysis facts', async () => {
  const grid = await getGridContext(conn, 1);
  expect(await buildFacts(conn, grid)).toBe('table');
  for (const table of ['analysis_near', 'analysis_windows', 'analysis_facts']) {
    await conn.exec(`DROP TABLE IF EXISTS temp.${table}`);
  }
  await conn.exec(`SET memory_limit = '${Math.ceil((await usedMb()) + 9)}MB'`);
  try {
    await ensureAnalysisFacts(conn, 2);
    expect(await temporaryTables()).toContain('analysis_facts');
    expect(await temporaryTables()).not.toContain('explore_facts');
  } finally {
    await conn.exec(`SET memory_limit = '${limit}'`);
  }
});
