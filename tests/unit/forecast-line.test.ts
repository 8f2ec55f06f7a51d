/**
 * The briefing's forecast record: what is stored when a briefing is shown (only for a
 * dagdeel still to come), which days its line scores, and the line in Dutch, which says
 * whether stored forecasts or the back-test were scored and keeps the PAI back beside a
 * count below 5.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DAGDELEN } from '../../src/lib/analysis/briefing';
import type { SourcedScore } from '../../src/lib/analysis/forecast-score';
import { computePai } from '../../src/lib/analysis/pai';
import { createMemoryForecastStore, readStoredForecast } from '../../src/lib/data/forecast-store';
import {
  describeForecastTrack,
  forecastToStore,
  trackPeriod,
} from '../../src/lib/state/briefing/forecast-line';

const avond = DEFAULT_DAGDELEN.find((d) => d.id === 'avond')!;
const moment = { date: '2026-07-17', dagdeel: avond };
const context = { size: 250, weeks: 6, data: 'Demogemeente Donderdeel (fictief)', storedAt: '' };
const local = (day: number, hour: number, minute = 0) => Date.UTC(2026, 6, day, hour, minute);

describe('forecastToStore', () => {
  const cells = [{ q: 3, r: -4 }];

  it('stores the cells of a briefing shown before or during its dagdeel', () => {
    for (const now of [local(10, 9), local(17, 15), local(17, 23, 59)]) {
      expect(forecastToStore(moment, cells, { ...context, nowLocalMs: now })).toMatchObject({
        date: '2026-07-17',
        dagdeel: 'avond',
        size: 250,
        cells,
      });
    }
  });

  it('stores nothing once the dagdeel has ended: that briefing looks back', () => {
    expect(forecastToStore(moment, cells, { ...context, nowLocalMs: local(18, 0) })).toBeNull();
  });
});

describe('trackPeriod', () => {
  it('is the four weeks before the briefing date', () => {
    expect(trackPeriod(moment, local(31, 22))).toEqual({
      firstDay: '2026-06-19',
      lastDay: '2026-07-16',
    });
  });

  it('ends with the last day whose dagdeel the data reach into its last hour', () => {
    expect(trackPeriod(moment, local(10, 23, 10))?.lastDay).toBe('2026-07-10');
    expect(trackPeriod(moment, local(10, 14))?.lastDay).toBe('2026-07-09');
  });

  it('is null without data in those weeks', () => {
    expect(trackPeriod(moment, null)).toBeNull();
    expect(trackPeriod(moment, local(1, 23) - 40 * 86_400_000)).toBeNull();
  });
});

function score(over: Partial<SourcedScore>): SourcedScore {
  const base = {
    dagdeel: avond,
    briefings: 4,
    withHit: 3,
    hotspots: 12,
    hotspotsWithHit: 5,
    eventsInHotspots: 9,
    totalEvents: 60,
    source: 'stored' as const,
    forecasts: 4,
    ...over,
  };
  const pai = computePai({
    eventsInHotspots: base.eventsInHotspots,
    totalEvents: base.totalEvents,
    hotspotArea: base.hotspots,
    totalArea: base.briefings * 400,
  });
  return { ...base, pai };
}

const PERIOD = { firstDay: '2026-06-19', lastDay: '2026-07-16' };

describe('describeForecastTrack', () => {
  it('says x of y hotspots, the hit chance and the PAI from stored briefings', () => {
    // PAI = (9/60) / (12/1600) = 20
    const track = describeForecastTrack(avond, score({}), PERIOD, 6);
    expect(track.headline).toBe(
      'Voorspelling vorige weken: 5 van 12 verwachte hotspots hadden registraties (trefkans 42 %, PAI 20).',
    );
    expect(track.basis).toBe(
      'Uit 4 briefings die in deze browser zijn opgeslagen, avonden van 19 jun 2026 t/m 16 jul 2026. ' +
        'PAI 1 is toeval, hoger is beter.',
    );
    expect(track.source).toBe('stored');
  });

  it('says so when the back-test was used', () => {
    const track = describeForecastTrack(avond, score({ source: 'backtest' }), PERIOD, 6);
    expect(track.basis).toBe(
      'Teruggerekend, want nog geen opgeslagen briefings: de 5 drukste plekken van de 6 weken ' +
        'ervoor, avonden van 19 jun 2026 t/m 16 jul 2026. PAI 1 is toeval, hoger is beter.',
    );
  });

  it('keeps the PAI back beside a count below 5', () => {
    const track = describeForecastTrack(avond, score({ eventsInHotspots: 3 }), PERIOD, 6);
    expect(track.headline).toContain('PAI niet getoond (kleine aantallen)');
    expect(track.headline).not.toMatch(/PAI \d/);
  });

  it('speaks plainly when nothing was forecast or nothing can be scored', () => {
    const none = score({ briefings: 0, hotspots: 0, hotspotsWithHit: 0, eventsInHotspots: 0 });
    expect(describeForecastTrack(avond, none, PERIOD, 6).headline).toBe(
      'Voorspelling vorige weken: de opgeslagen briefings noemden geen duidelijke hotspot.',
    );
    expect(describeForecastTrack(avond, null, null, 6).headline).toContain(
      'nog geen gegevens van de afgelopen weken',
    );
  });
});

describe('stored forecasts', () => {
  it('read older or foreign values as nothing, and fill what an older version left out', () => {
    const value = { date: '2026-07-17', dagdeel: 'avond', size: 250, cells: [{ q: 1, r: 2 }] };
    for (const foreign of [
      null,
      { notes: 'geen voorspelling' },
      { ...value, date: '17-07-2026' },
      { ...value, cells: [{ q: 1.5, r: 0 }] },
      { ...value, size: 0 },
    ]) {
      expect(readStoredForecast(foreign), JSON.stringify(foreign)).toBeNull();
    }
    expect(readStoredForecast(value)).toEqual({ ...value, data: '', weeks: 0, storedAt: '' });
  });

  it('keep one forecast per briefing, the last shown, listed by period', async () => {
    const store = createMemoryForecastStore();
    const base = { dagdeel: 'avond', size: 250, data: '', weeks: 6, storedAt: '' };
    await store.save({ ...base, date: '2026-07-17', cells: [{ q: 1, r: 1 }] });
    await store.save({ ...base, date: '2026-07-17', cells: [{ q: 2, r: 2 }] });
    await store.save({ ...base, date: '2026-07-20', cells: [] });
    const listed = await store.list('2026-07-01', '2026-07-18');
    expect(listed.map((f) => [f.date, f.cells])).toEqual([['2026-07-17', [{ q: 2, r: 2 }]]]);
  });
});
