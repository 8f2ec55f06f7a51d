/**
 * Forecasts that are scored (issue 23): a briefing shown before its dagdeel stores its
 * expected hotspots; registrations that come in later are scored against exactly those
 * cells, not a recomputation. Real DuckDB with Donderdeel; the evening of Friday 17 July
 * 2026 is emptied and refilled by hand:
 *   5 registrations in the first expected hotspot, 1 in the last, 4 in a cell that was not
 *   expected, and 1 in the first hotspot that morning (another dagdeel, not counted);
 * so n = 6 of N = 10, x = 2 of y = k hotspots had registrations, and
 * PAI = (6/10) / (k / A) with A the municipality's cells.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DAGDELEN } from '../../src/lib/analysis/briefing';
import { cellCentre, cellOf } from '../../src/lib/analysis/hex-grid';
import { buildHexStudy } from '../../src/lib/analysis/hotspot-study';
import { rdToWgs84, wgs84ToRd } from '../../src/lib/analysis/rd';
import { createMemoryBriefingPrepStore } from '../../src/lib/data/briefing-notes-store';
import type { Connector } from '../../src/lib/data/connector';
import { createMemoryForecastStore } from '../../src/lib/data/forecast-store';
import { BriefingModel } from '../../src/lib/state/briefing/briefing.svelte';
import { connectorBriefingSource } from '../../src/lib/state/briefing/briefing-sources';
import { scoreForecastPeriod } from '../../src/lib/state/briefing/forecast-scoring';
import { ForecastTrackModel } from '../../src/lib/state/briefing/forecast-track.svelte';
import { getGridContext } from '../../src/lib/state/shared/grid-context';
import { loadDemoInNode } from '../helpers/demo-node';

const avond = DEFAULT_DAGDELEN.find((d) => d.id === 'avond')!;
const readiness = { begin: () => () => undefined };
let conn: Connector;

beforeAll(async () => {
  conn = await loadDemoInNode();
}, 120_000);
afterAll(async () => {
  await conn?.close();
});

const centreOf = (cell: { q: number; r: number }) => rdToWgs84(...cellCentre(cell.q, cell.r, 250));
const keyOf = (point: [number, number]) => {
  const { q, r } = cellOf(...wgs84ToRd(...point), 250);
  return `${q},${r}`;
};

async function addIncident(id: string, at: string, [lon, lat]: [number, number]) {
  await conn.exec(
    `INSERT INTO incidents (id, occurred_from, occurred_to, theme, lon, lat, dataset, time_precision)
     VALUES ('${id}', TIMESTAMP '${at}', TIMESTAMP '${at}', 'jeugd', ${lon}, ${lat}, 'test', 'exact')`,
  );
}

describe('a stored forecast, scored on later registrations', () => {
  it('gives the hand-computed hotspots with registrations, hit chance and PAI', async () => {
    const forecasts = createMemoryForecastStore();
    const model = new BriefingModel({
      now: () => new Date(2026, 6, 17, 15, 30),
      store: createMemoryBriefingPrepStore(),
      forecasts,
      dataLabel: () => 'Demogemeente Donderdeel (fictief)',
      readiness,
    });
    model.settings = {
      date: '2026-07-17',
      dagdeel: 'avond',
      weeks: 6,
      recentHours: 24,
      schouwDays: 90,
    };
    await model.compute(connectorBriefingSource(conn, 'demo#1'));
    await model.whenStored();
    const [stored] = await forecasts.list('2026-07-17', '2026-07-17');
    const cells = stored.cells;
    // The briefing stored what it showed: the planted youth hotspot and any other.
    expect(cells).toEqual(model.slides!.expected.areas.map((a) => a.cell));
    expect(cells.length).toBeGreaterThanOrEqual(2); // 5 on Donderdeel

    // The evening comes in: that of the data is replaced by known registrations.
    await conn.exec(`DELETE FROM incidents WHERE occurred_from >= TIMESTAMP '2026-07-17 18:00:00'
      AND occurred_from < TIMESTAMP '2026-07-18 00:00:00'`);
    await conn.exec(`DELETE FROM meldingen
      WHERE coalesce(happened_from, reported_at) >= TIMESTAMP '2026-07-17 18:00:00'
        AND coalesce(happened_from, reported_at) < TIMESTAMP '2026-07-18 00:00:00'`);
    const first = centreOf(cells[0]);
    const last = centreOf(cells[cells.length - 1]);
    const keys = new Set(cells.map((c) => `${c.q},${c.r}`));
    const [x0, y0] = wgs84ToRd(...first);
    let elsewhere = first;
    for (let step = 1; keys.has(keyOf(elsewhere)); step++) {
      elsewhere = rdToWgs84(x0 + 600 * step, y0); // eastwards until outside every hotspot
    }
    for (let i = 0; i < 5; i++)
      await addIncident(`t-a${i}`, `2026-07-17 ${19 + (i % 3)}:15:00`, first);
    await addIncident('t-b', '2026-07-17 22:40:00', last);
    for (let i = 0; i < 4; i++)
      await addIncident(`t-c${i}`, `2026-07-17 20:${10 + i}:00`, elsewhere);
    await addIncident('t-morning', '2026-07-17 09:30:00', first);

    const k = cells.length;
    const x = 2;
    const grid = await getGridContext(conn, 2);
    const studyCells = buildHexStudy(grid.outline, 250, { rings: 0 }).q.length;
    const pai = 6 / 10 / (k / studyCells);

    const { scores } = await scoreForecastPeriod(conn, 2, forecasts, {
      firstDay: '2026-06-20',
      lastDay: '2026-07-17',
      dagdelen: [avond],
      weeks: 6,
    });
    expect(scores[0]).toMatchObject({
      source: 'stored',
      forecasts: 1,
      briefings: 1,
      withHit: 1,
      hotspots: k,
      hotspotsWithHit: x,
      eventsInHotspots: 6,
      totalEvents: 10,
    });
    expect(scores[0].pai.computable && scores[0].pai.pai).toBeCloseTo(pai, 9);
    expect(scores[0].pai.computable && scores[0].pai.hitRate).toBe(0.6);

    // The next evening's briefing says so, from the stored forecast.
    const track = new ForecastTrackModel({ readiness, store: forecasts });
    await track.compute({
      conn,
      dataKey: 'demo#2',
      dataVersion: 2,
      moment: { date: '2026-07-18', dagdeel: avond },
      weeks: 6,
    });
    const percent = Math.round((100 * x) / k);
    const paiText = (Math.round(pai * 10) / 10).toLocaleString('nl-NL');
    expect(track.track?.headline).toBe(
      `Voorspelling vorige weken: ${x} van ${k} verwachte hotspots hadden registraties ` +
        `(trefkans ${percent} %, PAI ${paiText}).`,
    );
    expect(track.track?.source).toBe('stored');
    expect(track.track?.basis).toContain(
      'Uit 1 briefing die in deze browser is opgeslagen, avonden van 20 jun 2026 t/m 17 jul 2026.',
    );
  });

  it('falls back to the back-test where no forecasts were stored or the store cannot be read', async () => {
    const unreadable = {
      save: () => Promise.reject(new Error('IndexedDB is niet beschikbaar')),
      list: () => Promise.reject(new Error('IndexedDB is niet beschikbaar')),
    };
    for (const [i, store] of [createMemoryForecastStore(), unreadable].entries()) {
      const track = new ForecastTrackModel({ readiness, store });
      await track.compute({
        conn,
        dataKey: `demo#${3 + i}`,
        dataVersion: 3 + i,
        moment: { date: '2026-10-30', dagdeel: avond },
        weeks: 6,
      });
      expect(track.error).toBeNull();
      expect(track.track?.source).toBe('backtest');
      expect(track.track?.headline).toMatch(
        /^Voorspelling vorige weken: \d+ van \d+ verwachte hotspots hadden registraties \(trefkans \d+ %, PAI [\d,]+\)\.$/,
      );
      expect(track.track?.basis).toMatch(/^Teruggerekend, want nog geen opgeslagen briefings:/);
    }
  });
});
