/**
 * The briefing read from a published dataset's files without the engine
 * (data/published-briefing.ts) against the same questions asked of DuckDB after the same
 * files were loaded (data/published.ts, queries/briefing.ts, queries/map.ts). DuckDB is the
 * reference: every row must be the same, on Donderdeel (recent years only, as the briefing
 * loads them, and all years) and on a small hand-made dataset with the edge cases (no
 * place, a melding without incident time, ties, a schouw whose latest visit has no outcome,
 * visits exactly on a window's edges, a time in the spring DST gap).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_DAGDELEN,
  historyWindow,
  recentWindow,
  type BriefingMoment,
  type HistoryRecord,
} from '../../src/lib/analysis/briefing';
import type { Connector } from '../../src/lib/data/connector';
import { initDatabase } from '../../src/lib/data/database';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { buildPublication, type DatasetFile, type Publication } from '../../src/lib/data/publish';
import { recentFromYear, replaceWithPublication, selectFiles } from '../../src/lib/data/published';
import {
  parseLocalTimestamp,
  PublishedBriefingTables,
} from '../../src/lib/data/published-briefing';
import {
  buildBuurtNamesQuery,
  buildHistoryRecordsQuery,
  buildLastRecordQuery,
  buildRecentGroupsQuery,
  buildSchouwStatusQuery,
  buildWatchVisitsQuery,
} from '../../src/lib/data/queries/briefing';
import { buildAreaBoundsQuery, buildAreaGeometriesQuery } from '../../src/lib/data/queries/map';
import { loadDemoInNode } from '../helpers/demo-node';

const dagdeel = (id: string) => DEFAULT_DAGDELEN.find((d) => d.id === id)!;
const NOW = new Date('2026-11-02T08:00:00Z');

interface Loaded {
  engine: Connector;
  tables: PublishedBriefingTables;
}

/** The files loaded both ways: into a fresh engine, and into the engine-free reader. */
async function load(publication: Publication, files: DatasetFile[]): Promise<Loaded> {
  const engine = await createNodeConnector();
  await replaceWithPublication(engine, files, publication.files);
  return { engine, tables: new PublishedBriefingTables(files, publication.files) };
}

const byTime = (a: HistoryRecord, b: HistoryRecord) =>
  a.t - b.t ||
  a.theme.localeCompare(b.theme) ||
  String(a.buurtcode).localeCompare(String(b.buurtcode)) ||
  a.lon - b.lon ||
  a.lat - b.lat;

/** Every briefing question for one moment, asked of both; returns the history size. */
async function expectSame(
  { engine, tables }: Loaded,
  moment: BriefingMoment,
  weeks: number,
  recentHours: number,
): Promise<{ history: number; groups: number }> {
  const window = historyWindow(moment, weeks);
  const history = await engine.query<HistoryRecord>(buildHistoryRecordsQuery(window));
  const fromFiles = tables.history(window);
  // SQL orders by time only; rows with equal times may come in any order.
  expect(fromFiles.map((r) => r.t)).toEqual(history.map((r) => r.t));
  expect([...fromFiles].sort(byTime)).toEqual([...history].sort(byTime));

  const recent = recentWindow(moment, recentHours);
  const groups = await engine.query(buildRecentGroupsQuery(recent));
  expect(tables.recentGroups(recent)).toEqual(groups);

  const week = recentWindow(moment, 7 * 24);
  expect(tables.watchVisits(week)).toEqual(await engine.query(buildWatchVisitsQuery(week)));
  const at = recentWindow(moment, 0).to;
  expect(tables.schouwStatus(at)).toEqual(await engine.query(buildSchouwStatusQuery(at)));
  return { history: history.length, groups: groups.length };
}

async function expectSameReference({ engine, tables }: Loaded): Promise<void> {
  expect(tables.buurtNames()).toEqual(await engine.query(buildBuurtNamesQuery()));
  const [{ last }] = await engine.query<{ last: number | null }>(buildLastRecordQuery());
  expect(tables.lastRecord()).toBe(last);
  for (const level of ['gemeente', 'wijk', 'buurt'] as const) {
    expect(tables.areaGeometries(level)).toEqual(
      await engine.query(buildAreaGeometriesQuery(level)),
    );
  }
  const [bounds] = await engine.query(buildAreaBoundsQuery());
  expect(tables.areaBounds()).toEqual(bounds);
}

describe('Donderdeel, published', () => {
  let publication: Publication;
  let recent: Loaded;
  let all: Loaded;

  beforeAll(async () => {
    const demo = await loadDemoInNode();
    try {
      publication = await buildPublication(demo, { version: 'test', now: NOW });
    } finally {
      await demo.close();
    }
    const manifest = publication.manifest;
    recent = await load(publication, selectFiles(manifest, recentFromYear(manifest)));
    all = await load(publication, selectFiles(manifest));
  }, 180_000);
  afterAll(async () => {
    await recent?.engine.close();
    await all?.engine.close();
  });

  const moments: [string, BriefingMoment, number, number][] = [
    ['a summer Friday evening', { date: '2026-07-17', dagdeel: dagdeel('avond') }, 6, 24],
    ['a night after the year change', { date: '2026-01-02', dagdeel: dagdeel('nacht') }, 12, 72],
    ['the spring DST change', { date: '2026-03-29', dagdeel: dagdeel('nacht') }, 4, 72],
    ['the autumn DST change', { date: '2025-10-26', dagdeel: dagdeel('nacht') }, 8, 24],
    ['the last day of the data', { date: '2026-10-31', dagdeel: dagdeel('middag') }, 6, 72],
    ['after the data ends', { date: '2026-11-20', dagdeel: dagdeel('ochtend') }, 4, 24],
  ];

  it.each(moments)('gives the rows of the engine for %s (recent years)', async (_, m, w, h) => {
    await expectSame(recent, m, w, h);
  });

  it.each(moments)('gives the rows of the engine for %s (all years)', async (_, m, w, h) => {
    await expectSame(all, m, w, h);
  });

  it('compares real briefings, not empty ones', async () => {
    const friday = await expectSame(all, moments[0][1], 6, 24);
    expect(friday.history).toBeGreaterThan(100);
    expect(friday.groups).toBeGreaterThan(3);
    expect(all.tables.watchVisits(recentWindow(moments[0][1], 168)).length).toBeGreaterThan(0);
    expect(all.tables.schouwStatus('2026-07-17 18:00:00').length).toBeGreaterThan(0);
  });

  it('gives the same areas, names, bounds and last record', async () => {
    await expectSameReference(recent);
    await expectSameReference(all);
  });

  it('reads only the loaded years: the recent start does not see older records', () => {
    const old = { date: '2024-02-02', dagdeel: dagdeel('avond') };
    expect(all.tables.history(historyWindow(old, 6)).length).toBeGreaterThan(0);
    expect(recent.tables.history(historyWindow(old, 6))).toEqual([]);
  });
});

describe('edge cases, published', () => {
  let loaded: Loaded;

  beforeAll(async () => {
    const source = await createNodeConnector();
    try {
      await initDatabase(source);
      await source.exec(`
        INSERT INTO areas (code, name, level, parent, inhabitants, water, geometry, min_lon, min_lat, max_lon, max_lat, dataset) VALUES
          ('GM0999', 'Proefstad', 'gemeente', NULL, 1200, false, '{"type":"Polygon","coordinates":[[[5,52],[5.2,52],[5.2,52.2],[5,52]]]}', 5, 52, 5.2, 52.2, 't'),
          ('WK099901', 'Centrum', 'wijk', 'GM0999', NULL, NULL, '{"type":"Polygon","coordinates":[[[5,52],[5.1,52],[5.1,52.1],[5,52]]]}', 5, 52, 5.1, 52.1, 't'),
          ('BU09990102', NULL, 'buurt', 'WK099901', 10, true, '{"type":"MultiPolygon","coordinates":[[[[5,52],[5.05,52],[5.05,52.05],[5,52]]]]}', 5, 52, 5.05, 52.05, 't'),
          ('BU09990101', 'Markt', 'buurt', 'WK099901', 500, false, '{"type":"Polygon","coordinates":[[[5.05,52],[5.1,52],[5.1,52.1],[5.05,52]]]}', 5.05, 52, 5.1, 52.1, 't');
        INSERT INTO incidents (id, occurred_from, occurred_to, theme, lon, lat, buurtcode, wijkcode, dataset) VALUES
          ('i1', '2026-03-27 19:00:00', '2026-03-27 19:00:00', 'Overlast – jeugd', 5.06, 52.01, 'BU09990101', 'WK099901', 't'),
          ('i2', '2026-03-27 19:00:00', '2026-03-27 19:00:00', 'Afval', 5.07, 52.02, NULL, NULL, 't'),
          ('i3', '2026-03-27 21:30:00', '2026-03-27 21:30:00', 'Afval', NULL, NULL, NULL, NULL, 't'),
          ('i4', '2026-03-29 02:30:00', '2026-03-29 02:30:00', 'Afval', 5.01, 52.01, 'BU09990102', 'WK099901', 't'),
          ('i5', '2026-03-27 18:00:00', '2026-03-27 18:00:00', 'Overlast – jeugd', 5.06, 52.01, 'BU09990101', 'WK099901', 't'),
          ('i6', '2026-03-20 18:59:59.500', '2026-03-20 18:59:59.500', 'Afval', 5.06, 52.01, 'BU09990101', 'WK099901', 't'),
          ('i7', '2026-03-31 23:59:59', '2026-03-31 23:59:59', 'Afval', 5.06, 52.01, 'BU09990101', 'WK099901', 't');
        INSERT INTO meldingen (id, reported_at, happened_from, theme, lon, lat, buurtcode, wijkcode, dataset) VALUES
          ('m1', '2026-03-28 09:00:00', '2026-03-27 20:15:00', 'Afval', 5.06, 52.01, 'BU09990101', 'WK099901', 't'),
          ('m2', '2026-03-27 22:00:00', NULL, 'Afval', 5.07, 52.02, NULL, NULL, 't'),
          ('m3', '2026-04-02 10:00:00', NULL, 'Afval', 5.07, 52.02, NULL, NULL, 't');
        INSERT INTO buildings (id, kind, vacant_since, source, status, lon, lat, buurtcode, dataset) VALUES
          ('B3', 'stal', NULL, NULL, 'Leegstaand', 5.01, 52.01, 'BU09990102', 't'),
          ('B1', 'schuur', '2026-03-28', NULL, NULL, 5.01, 52.01, 'BU09990102', 't'),
          ('B2', 'stal', '2026-04-01', NULL, 'leegstaand', 5.01, 52.01, NULL, 't'),
          ('B4', NULL, NULL, NULL, 'in gebruik', 5.01, 52.01, NULL, 't');
        INSERT INTO watch_locations (id, name, reason, visits_per_week, geometry, dataset) VALUES
          ('W2', 'Plein', NULL, 2.5, '{"type":"Point","coordinates":[5.06,52.01]}', 't'),
          ('W1', 'Station', 'overlast', NULL, '{"type":"Point","coordinates":[5.07,52.02]}', 't'),
          ('W3', 'Haven', 'drugs', 1, '{"type":"Point","coordinates":[5.08,52.03]}', 't');
        INSERT INTO visits (id, started_at, kind, target, outcome, dataset) VALUES
          ('v1', '2026-03-01 10:00:00', 'schouw', 'B1', 'geen bijzonderheden', 't'),
          ('v2', '2026-03-20 10:00:00', 'schouw', 'B1', NULL, 't'),
          ('v3', '2026-03-29 00:00:00', 'schouw', 'B3', 'verbaal', 't'),
          ('v4', '2026-03-22 00:00:00', 'surveillance', 'W1', NULL, 't'),
          ('v5', '2026-03-28 23:59:59', 'surveillance', 'W1', NULL, 't'),
          ('v6', '2026-03-29 00:00:00', 'surveillance', 'W2', NULL, 't'),
          ('v7', '2026-03-25 12:00:00', 'surveillance', NULL, NULL, 't'),
          ('v8', '2026-03-10 12:00:00', 'surveillance', 'W2', NULL, 't');`);
      const publication = await buildPublication(source, { version: 'randen', now: NOW });
      loaded = await load(publication, publication.manifest.files);
    } finally {
      await source.close();
    }
  }, 120_000);
  afterAll(async () => {
    await loaded?.engine.close();
  });

  it('gives the rows of the engine on the edges', async () => {
    const sunday = { date: '2026-03-29', dagdeel: dagdeel('nacht') };
    await expectSame(loaded, sunday, 1, 72);
    await expectSame(loaded, { date: '2026-03-29', dagdeel: dagdeel('ochtend') }, 2, 24);
    await expectSame(loaded, { date: '2026-04-03', dagdeel: dagdeel('avond') }, 1, 24);
    await expectSame(loaded, { date: '2026-03-28', dagdeel: dagdeel('avond') }, 1, 24);
    await expectSameReference(loaded);
  });

  it('answers as planted: place, melding time, ties, last schouw, window edges', () => {
    const friday = { date: '2026-04-03', dagdeel: dagdeel('avond') };
    // The Friday evening before: i1, i2 and i5 (i3 has no place); m1 by its incident time, m2 by its
    // report time. i6 on the Friday before is outside the one-week window.
    const history = loaded.tables.history(historyWindow(friday, 1));
    expect(history.map((r) => r.t)).toEqual(
      [
        '2026-03-27 18:00:00',
        '2026-03-27 19:00:00',
        '2026-03-27 19:00:00',
        '2026-03-27 20:15:00',
        '2026-03-27 22:00:00',
      ].map(parseLocalTimestamp),
    );
    // The 72 hours before Sunday night: Afval without buurt i2 and m2, jeugd in Markt i1 and
    // i5 (2 each; the later last record first), Afval in Markt m1.
    const groups = loaded.tables.recentGroups(
      recentWindow({ date: '2026-03-29', dagdeel: dagdeel('nacht') }, 72),
    );
    expect(groups.map((g) => [g.theme, g.buurtcode, g.n])).toEqual([
      ['Afval', null, 2],
      ['Overlast – jeugd', 'BU09990101', 2],
      ['Afval', 'BU09990101', 1],
    ]);
    const schouw = loaded.tables.schouwStatus('2026-03-29 06:00:00');
    // B1 vacant since the day before, last schouw v2 (no outcome) → outcome of v1; B3 by
    // status; B2 vacant only from April; B4 in use.
    expect(schouw.map((b) => [b.id, b.last_schouw, b.last_outcome])).toEqual([
      ['B1', parseLocalTimestamp('2026-03-20 10:00:00'), 'geen bijzonderheden'],
      ['B3', parseLocalTimestamp('2026-03-29 00:00:00'), 'verbaal'],
    ]);
    // The week before Sunday 00:00: v5 one second before the end counts, v6 at the end not,
    // v4 exactly at the start counts.
    const watch = loaded.tables.watchVisits({
      from: '2026-03-22 00:00:00',
      to: '2026-03-29 00:00:00',
    });
    expect(watch.map((w) => [w.id, w.visits])).toEqual([
      ['W1', 2],
      ['W2', 0],
      ['W3', 0],
    ]);
    expect(loaded.tables.lastRecord()).toBe(parseLocalTimestamp('2026-04-02 10:00:00'));
  });
});
