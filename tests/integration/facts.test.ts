/**
 * The analysis facts (queries/facts.ts) must give the Tijden and Wijken views exactly what
 * the shared filter on the source tables gives (record-filter.ts, hot-times.ts,
 * trends.ts) — for every kind of filter, including values the data does not contain — and
 * must follow the data when it changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AoristicAccumulator, type AoristicSummary } from '../../src/lib/analysis/aoristic';
import { geometryCentre } from '../../src/lib/analysis/watch-locations';
import { ensureFacts, queryFactsMonthlyCounts, withFacts } from '../../src/lib/data/analysis-facts';
import type { Connector, Query } from '../../src/lib/data/connector';
import { queryFactsHotTimes } from '../../src/lib/data/facts-hot-times';
import {
  ANALYSIS_FACTS_TABLE as FACTS_TABLE,
  analysisFactsWhere as factsFilterSql,
} from '../../src/lib/data/queries/facts';
import { buildFactsNearMonthInlineQuery } from '../../src/lib/data/queries/facts-near';
import {
  buildHotTimeInputQuery,
  buildNearbyMonthlyCountsQuery,
} from '../helpers/oracles/base-table-queries';
import {
  buildFilteredRecordsQuery,
  type RecordFilter,
} from '../../src/lib/data/queries/record-filter';
import {
  buildWatchLocationsQuery,
  buildWijkMonthlyCountsQuery,
  type LocationPoint,
} from '../../src/lib/data/queries/trends';
import type { RecordTable } from '../../src/lib/data/schema';
import { loadDemoInNode } from '../helpers/demo-node';

const ALL: RecordTable[] = ['incidents', 'meldingen', 'visits'];

let conn: Connector;
let locations: LocationPoint[];
beforeAll(async () => {
  conn = await loadDemoInNode();
  const rows = await conn.query<{ id: string; geometry: string }>(buildWatchLocationsQuery());
  locations = rows.map((r) => {
    const [lon, lat] = geometryCentre(JSON.parse(r.geometry));
    return { id: r.id, lon, lat };
  });
});
afterAll(() => conn.close());

/** Filters of every kind the filter panel can produce, plus values the data lacks. */
const CASES: { name: string; tables: RecordTable[]; filter: RecordFilter }[] = [
  { name: 'no filter', tables: ALL, filter: {} },
  { name: 'one theme', tables: ALL, filter: { themes: ['jeugd'] } },
  {
    name: 'two sources, two themes',
    tables: ['incidents', 'meldingen'],
    filter: { themes: ['afval', 'horeca'] },
  },
  { name: 'unknown theme', tables: ALL, filter: { themes: ['bestaat-niet'] } },
  { name: 'known and unknown theme', tables: ALL, filter: { themes: ['afval', 'bestaat-niet'] } },
  {
    name: 'period',
    tables: ALL,
    filter: { from: '2025-03-30 00:00:00', to: '2025-10-27 00:00:00' },
  },
  {
    name: 'outcome leaves no meldingen',
    tables: ALL,
    filter: { outcomes: ['waarschuwing', 'proces-verbaal'] },
  },
  {
    name: 'evening, weekend, summer',
    tables: ALL,
    filter: { hours: [18, 19, 20, 21, 22, 23], weekdays: [5, 6], months: [6, 7, 8] },
  },
  { name: 'one wijk', tables: ALL, filter: { wijkcodes: ['WK990104'] } },
  { name: 'unknown buurt', tables: ALL, filter: { buurtcodes: ['BU00000000'] } },
  { name: 'drawn rectangle', tables: ALL, filter: { bbox: [6.18, 52.03, 6.24, 52.07] } },
  { name: 'visits only', tables: ['visits'], filter: {} },
  { name: 'no source', tables: [], filter: {} },
];

async function addCategoryCases(): Promise<void> {
  // A melding's main category must select it too (record-filter.ts).
  const [row] = await conn.query<{ main: string; sub: string; category: string }>({
    sql: `SELECT (SELECT main_category FROM meldingen WHERE main_category IS NOT NULL LIMIT 1) AS main,
        (SELECT sub_category FROM meldingen WHERE sub_category IS NOT NULL LIMIT 1) AS sub,
        (SELECT category FROM incidents WHERE category IS NOT NULL LIMIT 1) AS category`,
  });
  CASES.push({
    name: 'category',
    tables: ALL,
    filter: { categories: [row.main, row.sub, row.category] },
  });
  const [buurt] = await conn.query<{ code: string }>({
    sql: `SELECT buurtcode AS code FROM meldingen WHERE buurtcode IS NOT NULL LIMIT 1`,
  });
  CASES.push({
    name: 'buurt and theme',
    tables: ALL,
    filter: { buurtcodes: [buurt.code], themes: ['afval', 'jeugd'] },
  });
}

async function count(query: Query): Promise<number> {
  const [row] = await conn.query<{ n: number }>({
    sql: `SELECT count(*)::INTEGER AS n FROM (${query.sql})`,
    params: query.params,
  });
  return row.n;
}

async function summary(query: Query): Promise<AoristicSummary> {
  const acc = new AoristicAccumulator({ maxWindowHours: 24 });
  const rows = await conn.query<{ t_from: number | null; t_to: number | null; n: number }>(query);
  for (const r of rows) {
    if (r.t_to === null) acc.addExact(r.t_from, r.n);
    else for (let k = 0; k < r.n; k++) acc.add(r.t_from, r.t_to);
  }
  return acc.summarize();
}

const byKey = (
  rows: { wijkcode: string; theme: string | null; year: number; month: number; n: number }[],
) => {
  const map = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.wijkcode}|${r.theme}|${r.year}-${r.month}`;
    map.set(key, (map.get(key) ?? 0) + r.n);
  }
  return Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)));
};

describe('analysis facts on Donderdeel', () => {
  beforeAll(addCategoryCases);

  it('select exactly the records the shared filter selects', async () => {
    await ensureFacts(conn, 1);
    let nonEmpty = 0;
    for (const { name, tables, filter } of CASES) {
      for (const located of [false, true]) {
        const where = factsFilterSql(tables, filter, { located });
        const got = await count({
          sql: `SELECT 1 FROM ${FACTS_TABLE} WHERE ${where.sql}`,
          params: where.params,
        });
        const want = tables.length
          ? await count(buildFilteredRecordsQuery(tables, filter, { located }))
          : 0;
        expect(got, `${name}, located ${located}`).toBe(want);
        if (want > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(CASES.length); // the cases are not vacuous
  });

  it('give the hot-times input of the source tables (same aoristic summary)', async () => {
    await ensureFacts(conn, 1);
    for (const { name, tables, filter } of CASES.filter((c) => c.tables.length)) {
      const a = await summary(buildHotTimeInputQuery(tables, filter));
      const b = await queryFactsHotTimes(conn, { tables, filter, maxWindowHours: 24 });
      expect(b.exactCount, name).toBe(a.exactCount);
      expect(b.spreadCount, name).toBe(a.spreadCount);
      expect(b.unknown, name).toEqual(a.unknown);
      for (let i = 0; i < 168; i++) expect(b.weekdayHour[i], name).toBeCloseTo(a.weekdayHour[i], 9);
      expect(b.monthYear.firstYear, name).toBe(a.monthYear.firstYear);
      b.monthYear.values.forEach((v, i) => expect(v, name).toBeCloseTo(a.monthYear.values[i], 9));
    }
  });

  it('give the monthly counts per wijk × theme and per aandachtslocatie', async () => {
    const codes = await ensureFacts(conn, 1);
    expect(locations.length).toBeGreaterThan(0);
    for (const { name, tables, filter } of CASES.filter((c) => c.tables.length)) {
      const got = await queryFactsMonthlyCounts(
        conn,
        { tables, filter, locations, radiusM: 250 },
        codes,
      );
      const wijk = await conn.query<Parameters<typeof byKey>[0][number]>(
        buildWijkMonthlyCountsQuery(tables, filter),
      );
      const near = await conn.query<Parameters<typeof byKey>[0][number]>(
        buildNearbyMonthlyCountsQuery(tables, filter, locations, 250),
      );
      expect(byKey(got.rows), name).toEqual(byKey(wijk));
      expect(byKey(got.nearby), name).toEqual(byKey(near));
      if (name === 'no filter') expect(near.reduce((sum, r) => sum + r.n, 0)).toBeGreaterThan(100);
    }
    // Other locations or another radius: the table of records near them is built again.
    for (const [some, radius] of [
      [locations.slice(1), 250],
      [locations, 600],
    ] as const) {
      const got = await queryFactsMonthlyCounts(
        conn,
        { tables: ALL, filter: {}, locations: some, radiusM: radius },
        codes,
      );
      const near = await conn.query<Parameters<typeof byKey>[0][number]>(
        buildNearbyMonthlyCountsQuery(ALL, {}, some, radius),
      );
      expect(byKey(got.nearby), `${some.length} locations, ${radius} m`).toEqual(byKey(near));
    }
  });

  it('give the same near counts with the near test inline (a region server) as from the near table', async () => {
    await ensureFacts(conn, 1);
    for (const { name, tables, filter } of CASES.filter((c) => c.tables.length)) {
      for (const radius of [250, 600]) {
        const inline = await conn.query<{ near: number; year: number; month: number; n: number }>(
          buildFactsNearMonthInlineQuery(locations, radius, tables, filter),
        );
        const near = await conn.query<Parameters<typeof byKey>[0][number]>(
          buildNearbyMonthlyCountsQuery(tables, filter, locations, radius),
        );
        const got = inline.map(({ near, year, month, n }) => ({
          wijkcode: locations[near].id,
          theme: null,
          year,
          month,
          n,
        }));
        expect(byKey(got), `${name}, ${radius} m`).toEqual(byKey(near));
      }
    }
  });

  it('pass on an error of the work on current facts, without rebuilding or running it twice', async () => {
    await ensureFacts(conn, 1);
    let runs = 0;
    const failing = () => {
      runs++;
      return conn.query({ sql: 'SELECT no_such_column FROM analysis_facts' });
    };
    await expect(withFacts(conn, 1, failing)).rejects.toThrow(/no_such_column/);
    expect(runs).toBe(1);
  });

  it('follow the data: rebuilt after a change, also when the version was not bumped', async () => {
    // As the views read the facts: the row-count check goes along with the query.
    const jeugd = (version: number) => {
      const where = factsFilterSql(ALL, { themes: ['jeugd'] }, { located: false });
      return withFacts(conn, version, () =>
        count({ sql: `SELECT 1 FROM ${FACTS_TABLE} WHERE ${where.sql}`, params: where.params }),
      );
    };
    await ensureFacts(conn, 1);
    const before = await jeugd(1);
    expect(before).toBeGreaterThan(10);
    await conn.exec(
      `CREATE TEMP TABLE saved_jeugd AS SELECT * FROM meldingen WHERE theme = 'jeugd'`,
    );
    try {
      const removed = await count({
        sql: `SELECT 1 FROM meldingen WHERE theme = 'jeugd'`,
        params: [],
      });
      await conn.exec(`DELETE FROM meldingen WHERE theme = 'jeugd'`);
      expect(await jeugd(1)).toBe(before - removed); // same version: caught by the row counts
      await conn.exec(`INSERT INTO meldingen SELECT * FROM saved_jeugd`);
      expect(await jeugd(2)).toBe(before);
      // A theme new to the data gets a code on the rebuild.
      await conn.exec(`CREATE TEMP TABLE saved_themes AS SELECT id, theme FROM incidents LIMIT 3`);
      await conn.exec(
        `UPDATE incidents SET theme = 'nieuw ''thema''' WHERE id IN (SELECT id FROM saved_themes)`,
      );
      const withNewTheme = await ensureFacts(conn, 3);
      // Its code (a quote in the text) labels its counts as the source tables do.
      const counted = await queryFactsMonthlyCounts(
        conn,
        { tables: ALL, filter: {}, locations, radiusM: 250 },
        withNewTheme,
      );
      expect(counted.rows.some((r) => r.theme === "nieuw 'thema'")).toBe(true);
      expect(byKey(counted.rows)).toEqual(
        byKey(await conn.query(buildWijkMonthlyCountsQuery(ALL, {}))),
      );
      const newTheme = factsFilterSql(ALL, { themes: ["nieuw 'thema'"] }, { located: false });
      expect(
        await count({
          sql: `SELECT 1 FROM ${FACTS_TABLE} WHERE ${newTheme.sql}`,
          params: newTheme.params,
        }),
      ).toBe(3);
      // Records without a theme: counted under theme null, matched by no theme filter.
      await conn.exec(
        `UPDATE incidents SET theme = s.theme FROM saved_themes s WHERE incidents.id = s.id`,
      );
      await conn.exec(`CREATE TEMP TABLE saved_visits AS SELECT id, theme FROM visits
        WHERE theme IS NOT NULL AND wijkcode IS NOT NULL AND started_at IS NOT NULL LIMIT 3`);
      await conn.exec(`UPDATE visits SET theme = NULL WHERE id IN (SELECT id FROM saved_visits)`);
      const codes = await ensureFacts(conn, 4);
      const got = await queryFactsMonthlyCounts(
        conn,
        { tables: ALL, filter: {}, locations, radiusM: 250 },
        codes,
      );
      expect(got.rows.some((r) => r.theme === null)).toBe(true);
      expect(byKey(got.rows)).toEqual(
        byKey(await conn.query(buildWijkMonthlyCountsQuery(ALL, {}))),
      );
      expect(await jeugd(4)).toBe(before);
      await conn.exec(
        `UPDATE visits SET theme = s.theme FROM saved_visits s WHERE visits.id = s.id`,
      );
    } finally {
      await conn.exec('DROP TABLE IF EXISTS saved_jeugd');
      await conn.exec('DROP TABLE IF EXISTS saved_themes');
      await conn.exec('DROP TABLE IF EXISTS saved_visits');
    }
  });
});
