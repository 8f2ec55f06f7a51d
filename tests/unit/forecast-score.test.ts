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
import {
  scoreBriefingForecasts,
  scoreForecasts,
  scoreStoredOrBacktest,
  type Forecast,
} from '../../src/lib/analysis/forecast-score';
import { cellOf } from '../../src/lib/analysis/hex-grid';
import { wgs84ToRd } from '../../src/lib/analysis/rd';

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

/**
 * Stored forecasts (what briefings showed), hand-made: on Monday 2 March the evening
 * briefing named the cells of P and R, on Tuesday 3 March only P's; the night briefing of
 * the 2nd named none. Registrations: 2 March 19:00 twice at P and 20:00 once at Q, 3 March
 * 21:00 once at Q, and one at P in the morning of the 2nd (another dagdeel).
 *   avond: 2 briefings, 1 with a hit; 3 expected hotspots, 1 with registrations (P on the
 *   2nd); n = 2 of N = 4; a = 3 cells of A = 2 × 100: PAI = (2/4) / (3/200) = 33,3.
 */
describe('scoreForecasts on stored forecasts', () => {
  const R = { lon: 5.92, lat: 52.0 };
  const cell = (p: { lon: number; lat: number }) => cellOf(...wgs84ToRd(p.lon, p.lat), 250);
  const record = (p: { lon: number; lat: number }, day: number, hour: number): HistoryRecord => ({
    ...p,
    t: at(day, hour),
    theme: 'jeugd',
    buurtcode: null,
  });
  const stored: Forecast[] = [
    { date: '2026-03-02', dagdeel: 'avond', size: 250, cells: [cell(P), cell(R)] },
    { date: '2026-03-03', dagdeel: 'avond', size: 250, cells: [cell(P)] },
    { date: '2026-03-02', dagdeel: 'nacht', size: 250, cells: [] },
  ];
  const records = [
    record(P, 2, 19),
    record(P, 2, 19),
    record(Q, 2, 20),
    record(Q, 3, 21),
    record(P, 2, 10),
  ];
  const options = { dagdelen: DEFAULT_DAGDELEN, studyCells: 100 };

  it('counts the hotspots with registrations and the PAI by hand', () => {
    const avond = scoreForecasts(records, stored, options).find((s) => s.dagdeel.id === 'avond')!;
    expect(avond).toMatchObject({
      briefings: 2,
      withHit: 1,
      hotspots: 3,
      hotspotsWithHit: 1,
      eventsInHotspots: 2,
      totalEvents: 4,
    });
    expect(avond.pai.computable && avond.pai.pai).toBeCloseTo(100 / 3, 12);
  });

  it('scores no briefing that named no hotspot', () => {
    const nacht = scoreForecasts(records, stored, options).find((s) => s.dagdeel.id === 'nacht')!;
    expect(nacht).toMatchObject({ briefings: 0, hotspots: 0, totalEvents: 0 });
  });

  it('uses the stored forecasts where a dagdeel has any, else the back-test', () => {
    // A morning registration at P on Monday 23 February: the back-test's history.
    const weekBefore = { ...record(P, 2, 10), t: Date.UTC(2026, 1, 23, 10) };
    const scores = scoreStoredOrBacktest([...records, weekBefore], stored, {
      ...OPTIONS,
      firstDay: '2026-03-02',
      lastDay: '2026-03-03',
    });
    const of = (id: string) => scores.find((s) => s.dagdeel.id === id)!;
    expect(of('avond')).toMatchObject({ source: 'stored', forecasts: 2, hotspots: 3 });
    // The night's one stored briefing named no hotspot: that is what was forecast.
    expect(of('nacht')).toMatchObject({ source: 'stored', forecasts: 1, briefings: 0 });
    // The morning has no stored briefing: the back-test ranks P from the week before.
    expect(of('ochtend')).toMatchObject({ source: 'backtest', briefings: 1, eventsInHotspots: 1 });
  });

  it('leaves stored forecasts outside the period out', () => {
    const [avond] = scoreStoredOrBacktest(records, stored, {
      ...OPTIONS,
      dagdelen: DEFAULT_DAGDELEN.filter((d) => d.id === 'avond'),
      firstDay: '2026-03-04',
      lastDay: '2026-03-08',
    });
    expect(avond.source).toBe('backtest');
  });
});
