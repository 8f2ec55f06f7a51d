/**
 * Scoring the briefing's expected hotspots (issue 23, item 10): a back-test of the ranking
 * the briefing uses, with hit share and PAI (Chainey, Tompson & Uhlig 2008) per dagdeel.
 *
 * Hand-made case: place P has a registration every evening at 19:00 from two weeks before
 * the scored week on; place Q only during the scored week, at 20:00. With one expected
 * hotspot per briefing (P's cell) and 100 study cells: every evening briefing hits, n = 7
 * of N = 14, a/A = 7/700, so PAI = (7/14) / (7/700) = 50. Q's own registrations never make
 * it a forecast for the same day: only earlier weeks count.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DAGDELEN, type HistoryRecord } from '../../src/lib/analysis/briefing';
import { scoreBriefingForecasts } from '../../src/lib/analysis/forecast-score';

const P = { lon: 5.9, lat: 52.0 };
const Q = { lon: 5.95, lat: 52.02 }; // some 4 km away: another cell

const at = (day: number, hour: number) => Date.UTC(2026, 2, day, hour);
/** One expected hotspot per briefing, two weeks of history, 100 cells in the study area. */
const OPTIONS = {
  firstDay: '2026-03-02',
  lastDay: '2026-03-08',
  dagdelen: DEFAULT_DAGDELEN,
  weeks: 2,
  size: 250,
  top: 1,
  studyCells: 100,
};

describe('scoreBriefingForecasts', () => {
  const records: HistoryRecord[] = [];
  // 16 February … 8 March 2026 at P; the scored week is 2 … 8 March.
  for (let day = -12; day <= 8; day++) {
    records.push({ ...P, t: Date.UTC(2026, 2, day, 19), theme: 'jeugd', buurtcode: null });
  }
  for (let day = 2; day <= 8; day++) {
    records.push({ ...Q, t: at(day, 20), theme: 'afval', buurtcode: null });
  }
  const scores = scoreBriefingForecasts(records, OPTIONS);
  const of = (id: string) => scores.find((s) => s.dagdeel.id === id)!;

  it('gives the hand-computed hit share and PAI for the evening', () => {
    const avond = of('avond');
    expect(avond).toMatchObject({ briefings: 7, withHit: 7, eventsInHotspots: 7, totalEvents: 14 });
    expect(avond.pai.computable).toBe(true);
    if (!avond.pai.computable) return;
    expect(avond.pai.pai).toBeCloseTo(50, 12);
    expect(avond.pai.hitRate).toBe(0.5);
  });

  it('scores no briefing where history gives no expected hotspot', () => {
    const nacht = of('nacht');
    expect(nacht).toMatchObject({ briefings: 0, withHit: 0, totalEvents: 0 });
    expect(nacht.pai.computable).toBe(false);
  });

  it('misses when the hotspot moved: only earlier weeks make the forecast', () => {
    const moved = scoreBriefingForecasts(
      records.filter((r) => r.lon === Q.lon || r.t < at(2, 0)),
      OPTIONS,
    );
    const avond = moved.find((s) => s.dagdeel.id === 'avond')!;
    expect(avond).toMatchObject({ briefings: 7, withHit: 0, eventsInHotspots: 0, totalEvents: 7 });
    expect(avond.pai.computable && avond.pai.pai).toBe(0);
  });
});
