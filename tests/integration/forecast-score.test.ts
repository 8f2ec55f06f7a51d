/**
 * The briefing's expected hotspots, back-tested on Donderdeel (issue 23, item 10): over the
 * last four weeks of data, per dagdeel, the hotspots the briefing would have shown catch far
 * more registrations than their share of the municipality (PAI well above 1) — the demo
 * plants places that recur (the weekend-night horeca at the Markt, the summer-evening youth
 * at the Donderpark, dumping at the containers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DAGDELEN, type HistoryRecord } from '../../src/lib/analysis/briefing';
import { scoreBriefingForecasts } from '../../src/lib/analysis/forecast-score';
import { buildHexStudy } from '../../src/lib/analysis/hotspot-study';
import type { Connector } from '../../src/lib/data/connector';
import { buildForecastRecordsQuery } from '../../src/lib/data/queries/briefing';
import { getGridContext } from '../../src/lib/state/shared/grid-context';
import { loadDemoInNode } from '../helpers/demo-node';

let conn: Connector;
beforeAll(async () => {
  conn = await loadDemoInNode();
});
afterAll(() => conn.close());

describe('briefing forecasts on Donderdeel', () => {
  it('catch far more than their share of the area in every dagdeel (PAI > 5)', async () => {
    const records = await conn.query<HistoryRecord>(
      buildForecastRecordsQuery({ from: '2026-08-24 00:00:00', to: '2026-11-01 00:00:00' }),
    );
    expect(records.length).toBeGreaterThan(100);
    const grid = await getGridContext(conn, 1);
    const studyCells = buildHexStudy(grid.outline, 250, { rings: 0 }).q.length;
    expect(studyCells).toBeGreaterThan(100);
    const scores = scoreBriefingForecasts(records, {
      firstDay: '2026-10-04',
      lastDay: '2026-10-31',
      dagdelen: DEFAULT_DAGDELEN,
      weeks: 6,
      size: 250,
      top: 5,
      studyCells,
    });
    for (const s of scores) {
      expect(s.briefings).toBe(28);
      // Measured: nacht 34, ochtend 10, middag 13, avond 19.
      expect(s.pai.computable && s.pai.pai).toBeGreaterThan(5);
      expect(s.withHit).toBeGreaterThan(5);
    }
  });
});
