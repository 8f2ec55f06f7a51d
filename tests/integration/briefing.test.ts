/**
 * The briefing on Donderdeel with the real engine (duckdb-wasm, Node build): an evening
 * briefing on a summer Friday names the planted youth hotspot at the Donderpark
 * (data/truth.json, `jeugd-zomeravond-donderpark`) among its expected hotspots; the
 * under-visited aandachtslocatie Isseldreef (`isseldreef-onderbezocht`) is due a visit; the
 * vacant stal BG-014 is due a schouw; and the recent-events list suppresses small counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_DAGDELEN,
  historyWindow,
  rankExpectedAreas,
  rankWatchDue,
  recentWindow,
  selectSchouwDue,
  suppressCount,
  type BriefingMoment,
  type BuildingSchouwRow,
  type HistoryRecord,
  type WatchVisitRow,
} from '../../src/lib/analysis/briefing';
import { cellCentre } from '../../src/lib/analysis/hex-grid';
import { wgs84ToRd } from '../../src/lib/analysis/rd';
import type { Connector } from '../../src/lib/data/connector';
import {
  buildHistoryRecordsQuery,
  buildLastRecordQuery,
  buildRecentGroupsQuery,
  buildSchouwStatusQuery,
  buildWatchVisitsQuery,
} from '../../src/lib/data/queries/briefing';
import { loadDemoInNode, readTruth, type Truth } from '../helpers/demo-node';

let conn: Connector;
let truth: Truth;
const avond = DEFAULT_DAGDELEN.find((d) => d.id === 'avond')!;
// A Friday in July 2026, inside the demo period (2023-11-01 … 2026-10-31).
const friday: BriefingMoment = { date: '2026-07-17', dagdeel: avond };
const SIZE = 250;

beforeAll(async () => {
  conn = await loadDemoInNode();
  truth = await readTruth();
}, 120_000);
afterAll(async () => {
  await conn?.close();
});

const pattern = (id: string): unknown => truth.patterns.find((p) => p.id === id)!;

describe('verwachte hotspots', () => {
  it('finds the planted summer-evening youth hotspot on a Friday evening', async () => {
    const youth = pattern('jeugd-zomeravond-donderpark') as {
      center: { lon: number; lat: number };
      radius_m: number;
      theme: string;
      buurtcode: string;
    };
    const window = historyWindow(friday, 6);
    expect(window.weekday).toBe(5);
    expect(window.hours).toEqual([18, 19, 20, 21, 22, 23]);
    const records = await conn.query<HistoryRecord>(buildHistoryRecordsQuery(window));
    // Every record is a Friday evening inside the window (oracle in TypeScript).
    for (const r of records) {
      const d = new Date(r.t);
      expect(d.getUTCDay()).toBe(5);
      expect(d.getUTCHours()).toBeGreaterThanOrEqual(18);
    }
    const top = rankExpectedAreas(records, { window, size: SIZE, top: 5 });
    const [cx, cy] = wgs84ToRd(youth.center.lon, youth.center.lat);
    const hit = top.find((area) => {
      const [x, y] = cellCentre(area.q, area.r, SIZE);
      return Math.hypot(x - cx, y - cy) <= youth.radius_m + SIZE;
    });
    expect(hit, JSON.stringify(top)).toBeDefined();
    expect(hit!.theme).toBe(youth.theme);
    expect(hit!.buurtcode).toBe(youth.buurtcode);
    // The planted hours are 19–24: the busiest two hours lie inside them.
    expect(hit!.peak.from).toBeGreaterThanOrEqual(19);
    expect(hit!.rank).toBeLessThanOrEqual(3);
  });

  it('does not find it on a winter Friday evening (the pattern is June–August only)', async () => {
    const youth = pattern('jeugd-zomeravond-donderpark') as {
      center: { lon: number; lat: number };
    };
    const window = historyWindow({ date: '2026-01-16', dagdeel: avond }, 6);
    const records = await conn.query<HistoryRecord>(buildHistoryRecordsQuery(window));
    const top = rankExpectedAreas(records, { window, size: SIZE, top: 5 });
    const [cx, cy] = wgs84ToRd(youth.center.lon, youth.center.lat);
    const near = top.filter((area) => {
      const [x, y] = cellCentre(area.q, area.r, SIZE);
      return Math.hypot(x - cx, y - cy) <= 300 && area.theme === 'jeugd';
    });
    expect(near).toEqual([]);
  });
});

describe('sinds de vorige briefing', () => {
  it('groups the last 24 hours per theme and buurt, and shows small counts as "<5"', async () => {
    const window = recentWindow(friday, 24);
    expect(window).toEqual({ from: '2026-07-16 18:00:00', to: '2026-07-17 18:00:00' });
    const groups = await conn.query<{ theme: string; buurtcode: string; n: number; last: number }>(
      buildRecentGroupsQuery(window),
    );
    const total = groups.reduce((s, g) => s + g.n, 0);
    // Oracle: the same count straight from the tables.
    const [check] = await conn.query<{ n: number }>({
      sql: `SELECT (SELECT count(*) FROM incidents WHERE lon IS NOT NULL
          AND occurred_from >= '2026-07-16 18:00:00' AND occurred_from < '2026-07-17 18:00:00')
        + (SELECT count(*) FROM meldingen WHERE lon IS NOT NULL
          AND coalesce(happened_from, reported_at) >= '2026-07-16 18:00:00'
          AND coalesce(happened_from, reported_at) < '2026-07-17 18:00:00') AS n`,
    });
    expect(total).toBe(check.n);
    expect(groups.length).toBeGreaterThan(3);
    // A day per buurt and theme gives small numbers: they must not show as such.
    const small = groups.filter((g) => g.n < 5);
    expect(small.length).toBeGreaterThan(0);
    for (const g of small) expect(suppressCount(g.n)).toBe('<5');
    for (const g of groups.filter((x) => x.n >= 5)) expect(suppressCount(g.n)).toBe(String(g.n));
  });
});

describe('aandachtslocaties en buitengebied', () => {
  it('marks Isseldreef as due in the period it is under-visited', async () => {
    const visits = await conn.query<WatchVisitRow>(
      buildWatchVisitsQuery({ from: '2026-09-10 18:00:00', to: '2026-09-17 18:00:00' }),
    );
    expect(visits.map((v) => v.id).sort()).toEqual([
      'AL-EIKENSTRAAT',
      'AL-ISSELDREEF',
      'AL-PERENPAD',
    ]);
    const ranked = rankWatchDue(visits);
    const isseldreef = ranked.find((w) => w.id === 'AL-ISSELDREEF')!;
    expect(isseldreef.due).toBe(true);
    expect(isseldreef.visits).toBeLessThan(2);
    expect(ranked[0].due).toBe(true);
  });

  it('lists vacant buildings without a recent schouw, the risky stal BG-014 among them', async () => {
    const rows = await conn.query<BuildingSchouwRow>(buildSchouwStatusQuery('2026-07-17 18:00:00'));
    expect(rows.length).toBe(truth.counts.buildings_vacant);
    // Oracle for one building: its last schouw straight from visits.
    const [last] = await conn.query<{ t: number | null }>({
      sql: `SELECT max(started_at) AS t FROM visits WHERE kind = 'schouw' AND target = 'BG-014'
        AND started_at < '2026-07-17 18:00:00'`,
    });
    expect(rows.find((r) => r.id === 'BG-014')!.last_schouw).toBe(last.t);
    const at = Date.UTC(2026, 6, 17, 18);
    const due = selectSchouwDue(rows, at, 90);
    for (const row of due)
      expect(row.last_schouw === null || row.last_schouw < at - 90 * 864e5).toBe(true);
    const notDue = rows.filter((r) => !due.includes(r));
    for (const row of notDue) expect(row.last_schouw).not.toBeNull();
  });

  it('knows where the data ends', async () => {
    const [row] = await conn.query<{ last: number }>(buildLastRecordQuery());
    expect(new Date(row.last).toISOString().slice(0, 10)).toBe(truth.period.to);
  });
});
