/**
 * One filter, one meaning: the shared filter (compileRecordFilter) selects the same records
 * on every source it runs on — the base tables, the Verkennen projection and the analysis
 * facts — and the Management evaluation reads it the same way (a melding's category is its
 * sub- or main category). Some incidents are made coarse (known to the day, month or year
 * only) so that the hour, weekday and month guards are exercised on every source. Two of
 * Donderdeel's wijken, and every tenth record without a place, are moved to a second
 * gemeente (GM9902), so that the region filter (gemeenten) is held to the same records too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector, Query, QueryParam } from '../../src/lib/data/connector';
import { ensureFacts } from '../../src/lib/data/analysis-facts';
import { buildExploreFacts } from '../../src/lib/data/explore-projection';
import {
  ANALYSIS_FACTS_TABLE,
  analysisFactsSource,
  type FactCodes,
} from '../../src/lib/data/queries/facts';
import {
  EXPLORE_FACTS_TABLE,
  exploreFactsSource,
} from '../../src/lib/data/queries/explore-facts-table';
import { buildEvaluationRecordsQuery } from '../../src/lib/data/queries/management';
import { RECORD_TABLES, type RecordTable } from '../../src/lib/data/schema';
import { compileRecordFilter, type RecordFilter } from '../../src/lib/data/sql/record-filter';
import { recordSource } from '../../src/lib/data/sql/record-time';
import { getGridContext } from '../../src/lib/state/shared/grid-context';
import { loadDemoInNode } from '../helpers/demo-node';

let conn: Connector;
let main: string;
let codes: FactCodes;

beforeAll(async () => {
  conn = await loadDemoInNode();
  for (const [precision, offset] of [
    ['day', 0],
    ['month', 40],
    ['year', 80],
  ] as const) {
    await conn.exec(`UPDATE incidents SET time_precision = '${precision}', occurred_to = occurred_from
      WHERE id IN (SELECT id FROM incidents ORDER BY id LIMIT 40 OFFSET ${offset})`);
  }
  // A region of two gemeenten: records of Zuid and Oost, and some without a wijk, in GM9902.
  for (const table of RECORD_TABLES) {
    await conn.exec(`UPDATE ${table} SET gemeente = 'GM9902'
      WHERE wijkcode IN ('WK990103', 'WK990104') OR (wijkcode IS NULL AND hash(id) % 10 = 0)`);
  }
  // A main category of meldingen that is no sub-category: only the main column matches it.
  [{ main }] = await conn.query<{ main: string }>({
    sql: `SELECT main_category AS main FROM meldingen WHERE main_category IS NOT NULL
        AND main_category NOT IN (SELECT sub_category FROM meldingen WHERE sub_category IS NOT NULL)
      GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  });
  const grid = await getGridContext(conn, 1);
  expect(await buildExploreFacts(conn, grid.rd, 150)).toBe('table');
  codes = await ensureFacts(conn, 1);
}, 120_000);
afterAll(() => conn.close());

const ALL = [...RECORD_TABLES];

const filters = (): [string, RecordTable[], RecordFilter][] => [
  ['no filter', ALL, {}],
  [
    'a period and themes',
    ALL,
    { from: '2025-03-01 00:00:00', to: '2026-01-01 00:00:00', themes: ['jeugd', 'afval'] },
  ],
  ['evening hours', ALL, { hours: [18, 19, 20, 21, 22, 23] }],
  ['weekend in summer', ['incidents', 'meldingen'], { weekdays: [6, 7], months: [6, 7, 8] }],
  ['January (year-level records are in no month)', ALL, { months: [1] }],
  ['a melding main category', ALL, { categories: [main] }],
  ['outcomes', ALL, { outcomes: ['waarschuwing', 'proces-verbaal'] }],
  ['a wijk and a rectangle', ALL, { wijkcodes: ['WK990100'], bbox: [6.18, 52.0, 6.3, 52.1] }],
  ['values the data lacks', ['visits'], { themes: ['geen thema'], buurtcodes: ["BU'0"] }],
  ['one gemeente of two', ALL, { gemeenten: ['GM9902'] }],
  [
    'a gemeente, a theme and evening hours',
    ALL,
    { gemeenten: ['GM9901'], themes: ['jeugd'], hours: [20, 21, 22] },
  ],
  ['a gemeente the data lacks', ['meldingen'], { gemeenten: ['GM0363'] }],
];

/** Per source table: how many records, the sum of their times and of their longitudes. */
async function signature(query: Query): Promise<unknown[]> {
  return conn.query({
    sql: `SELECT src::INTEGER AS src, count(*)::INTEGER AS n,
        sum(epoch(t))::DOUBLE AS t, round(sum(coalesce(lon, 0)), 6)::DOUBLE AS lon
      FROM (${query.sql}) GROUP BY 1 ORDER BY 1`,
    params: query.params,
  });
}

function onBase(tables: RecordTable[], filter: RecordFilter, located: boolean): Query {
  const params: QueryParam[] = [];
  const parts = tables.map((table) => {
    const where = compileRecordFilter(filter, recordSource(table, { located }));
    params.push(...where.params);
    return `SELECT ${RECORD_TABLES.indexOf(table)} AS src, rid, t, lon FROM (
        SELECT *, rowid AS rid, ${recordSource(table).time} AS t FROM ${table}) WHERE ${where.sql}`;
  });
  return { sql: parts.join(' UNION ALL '), params };
}

describe('the shared filter on every source', () => {
  it.each(filters())('%s: the same records everywhere', async (_name, tables, filter) => {
    for (const located of [false, true]) {
      const base = onBase(tables, filter, located);
      const explore = compileRecordFilter(filter, exploreFactsSource(tables, { located }));
      const analysis = compileRecordFilter(filter, analysisFactsSource(tables, { located }));
      const ids = async (q: Query) =>
        (
          await conn.query<{ key: string }>({
            sql: `SELECT src || ':' || rid AS key FROM (${q.sql}) ORDER BY src, rid`,
            params: q.params,
          })
        ).map((r) => r.key);
      const want = await ids(base);
      const exploreQuery = {
        sql: `SELECT * FROM ${EXPLORE_FACTS_TABLE} WHERE ${explore.sql}`,
        params: explore.params,
      };
      expect(await ids(exploreQuery), `Verkennen, located ${located}`).toEqual(want);
      const analysisQuery = {
        sql: `SELECT * FROM ${ANALYSIS_FACTS_TABLE} WHERE ${analysis.sql}`,
        params: analysis.params,
      };
      expect(await signature(analysisQuery), `analysis, located ${located}`).toEqual(
        await signature(base),
      );
    }
  });

  it('gives each gemeente of a region exactly its own records on every source', async () => {
    const direct = async (gemeente: string | null) => {
      const where = gemeente === null ? 'TRUE' : 'gemeente = ?';
      const [{ n }] = await conn.query<{ n: number }>({
        sql: `SELECT (${ALL.map((t) => `(SELECT count(*) FROM ${t} WHERE ${where})`).join(' + ')})::INTEGER AS n`,
        params: gemeente === null ? [] : ALL.map(() => gemeente),
      });
      return n;
    };
    const count = async (sql: string, params: readonly QueryParam[] = []) =>
      (
        await conn.query<{ n: number }>({
          sql: `SELECT count(*)::INTEGER AS n FROM (${sql})`,
          params: [...params],
        })
      )[0].n;
    const counts: number[] = [];
    for (const gemeente of ['GM9901', 'GM9902']) {
      const filter = { gemeenten: [gemeente] };
      const want = await direct(gemeente);
      expect(want, gemeente).toBeGreaterThan(1000);
      const base = onBase(ALL, filter, false);
      const explore = compileRecordFilter(filter, exploreFactsSource(ALL, { located: false }));
      const analysis = compileRecordFilter(filter, analysisFactsSource(ALL, { located: false }));
      expect(await count(base.sql, base.params), `base ${gemeente}`).toBe(want);
      expect(
        await count(`SELECT * FROM ${EXPLORE_FACTS_TABLE} WHERE ${explore.sql}`, explore.params),
        `Verkennen ${gemeente}`,
      ).toBe(want);
      expect(
        await count(`SELECT * FROM ${ANALYSIS_FACTS_TABLE} WHERE ${analysis.sql}`, analysis.params),
        `analysis ${gemeente}`,
      ).toBe(want);
      counts.push(want);
    }
    // The two gemeenten together are the whole region, and no record is in both.
    expect(counts[0] + counts[1]).toBe(await direct(null));
  });

  it('selects records by a melding main category, which only the main column holds', async () => {
    const rows = await conn.query({ ...onBase(['meldingen'], { categories: [main] }, false) });
    expect(rows.length).toBeGreaterThan(0);
  });

  it('means the same in the Management evaluation: sub- or main category', async () => {
    const period = { from: '2024-01-01', to: '2026-12-31' };
    const evaluation = await conn.query(
      buildEvaluationRecordsQuery({ theme: null, categories: [main], period }),
    );
    const shared = await conn.query(
      onBase(
        ['incidents', 'meldingen'],
        { from: '2024-01-01 00:00:00', to: '2027-01-01 00:00:00', categories: [main] },
        true,
      ),
    );
    expect(evaluation.length).toBeGreaterThan(0);
    expect(evaluation.length).toBe(shared.length);
  });

  it('gives a theme the same code in both projections', async () => {
    const coded = async (table: string) =>
      conn.query<{ theme: string | null; code: number | null }>({
        sql: `SELECT DISTINCT theme::VARCHAR AS theme, theme_c AS code FROM ${table} ORDER BY 1`,
      });
    const explore = await coded(EXPLORE_FACTS_TABLE);
    expect(explore.length).toBeGreaterThan(3);
    for (const { theme, code } of explore) {
      expect(code === null ? null : codes.themes[code], `${theme}`).toBe(theme);
    }
  });
});
