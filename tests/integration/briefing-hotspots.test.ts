/**
 * The briefing's expected hotspots on Donderdeel (issue 23): the planted summer-evening
 * youth hotspot (data/truth.json) is a significant hot spot on a Friday evening in July and
 * is listed; on a winter Friday evening nothing near it is called a hotspot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MultiPolygonCoords } from '../../src/lib/analysis/area-index';
import {
  DEFAULT_DAGDELEN,
  historyWindow,
  type HistoryRecord,
} from '../../src/lib/analysis/briefing';
import { buildHexStudy, type HexStudy } from '../../src/lib/analysis/hotspot-study';
import { wgs84ToRd } from '../../src/lib/analysis/rd';
import type { Connector } from '../../src/lib/data/connector';
import { buildHistoryRecordsQuery } from '../../src/lib/data/queries/briefing';
import { buildAreaGeometriesQuery } from '../../src/lib/data/queries/map';
import { CELL_SIZE, composeExpected } from '../../src/lib/state/briefing/briefing-slides';
import { loadDemoInNode, readTruth, type Truth } from '../helpers/demo-node';

let conn: Connector;
let truth: Truth;
let study: HexStudy;
const avond = DEFAULT_DAGDELEN.find((d) => d.id === 'avond')!;

beforeAll(async () => {
  conn = await loadDemoInNode();
  truth = await readTruth();
  const rows = await conn.query<{ geometry: string }>(buildAreaGeometriesQuery('buurt'));
  const buurten = rows.map((row) => {
    const g = JSON.parse(row.geometry) as { type: string; coordinates: unknown };
    return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as MultiPolygonCoords;
  });
  study = buildHexStudy(buurten, CELL_SIZE, { rings: 1 });
}, 120_000);
afterAll(async () => {
  await conn?.close();
});

async function expectedOn(date: string) {
  const window = historyWindow({ date, dagdeel: avond }, 6);
  const records = await conn.query<HistoryRecord>(buildHistoryRecordsQuery(window));
  return composeExpected(records, window, new Map(), [], study);
}

function nearYouth(centre: [number, number]): boolean {
  const youth = truth.patterns.find((p) => p.id === 'jeugd-zomeravond-donderpark') as unknown as {
    center: { lon: number; lat: number };
    radius_m: number;
  };
  const [cx, cy] = wgs84ToRd(youth.center.lon, youth.center.lat);
  const [x, y] = wgs84ToRd(...centre);
  return Math.hypot(x - cx, y - cy) <= youth.radius_m + CELL_SIZE;
}

describe('expected hotspots are significant hot spots', () => {
  it('lists the planted youth hotspot on a Friday evening in July', async () => {
    const slide = await expectedOn('2026-07-17');
    console.info(`briefing 2026-07-17 avond: ${slide.areas.length} hotspots`);
    expect(slide.noHotspot).toBe(false);
    expect(slide.areas.some((a) => nearYouth(a.centre))).toBe(true);
  });

  it('calls nothing near it a hotspot on a winter Friday evening', async () => {
    const slide = await expectedOn('2026-01-16');
    console.info(`briefing 2026-01-16 avond: ${slide.areas.length} hotspots`);
    expect(slide.areas.filter((a) => nearYouth(a.centre) && a.theme === 'Jeugdoverlast')).toEqual(
      [],
    );
  });
});
