/**
 * The forecast scores on the Management view (analysis/forecast-score-table.ts) checked by
 * the attacker of tests/helpers/disclosure.ts: a "<5" of registrations in the expected
 * hotspots must not come back from the hits beside it. What the attacker knows: each
 * hotspot with a hit holds at least one of those registrations, each briefing with a hit at
 * least one such hotspot, and all registrations include those in the hotspots (each an
 * unpublished remainder of at least 0); the PAI follows from the counts.
 *
 * Hand-made case: one stored evening forecast names four cells; that evening has one
 * registration in each of them and six elsewhere. Shown as before, "4 van 4 (100%)"
 * hotspots with registrations beside "<5 van 10" gave the 4 back.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DAGDELEN, type HistoryRecord } from '../../src/lib/analysis/briefing';
import {
  scoreForecasts,
  type Forecast,
  type SourcedScore,
} from '../../src/lib/analysis/forecast-score';
import { forecastScoreCells } from '../../src/lib/analysis/forecast-score-table';
import { cellOf } from '../../src/lib/analysis/hex-grid';
import { computePai } from '../../src/lib/analysis/pai';
import { wgs84ToRd } from '../../src/lib/analysis/rd';
import { findRecoveries, type Published } from '../helpers/disclosure';

const STUDY_CELLS = 100;

/** What the row shows, as the attacker reads it. */
function published(score: SourcedScore): Published {
  const cells = forecastScoreCells(score);
  const [events, total] = cells.events.split(' van ');
  const count = (text: string) => text.split(/ van | \(/)[0];
  const pai = (counts: ReadonlyMap<string, number>) => {
    const result = computePai({
      eventsInHotspots: counts.get('events')!,
      totalEvents: counts.get('total')!,
      hotspotArea: score.hotspots,
      totalArea: score.briefings * STUDY_CELLS,
    });
    return result.computable ? result.pai.toFixed(1).replace('.', ',') : '–';
  };
  return {
    cells: new Map([
      ['events', events],
      ['total', total],
      ['hotspotsWithHit', count(cells.hotspotsWithHit)],
      ['withHit', count(cells.withHit)],
    ]),
    margins: [
      { totals: ['events'], parts: ['hotspotsWithHit', 'more per hotspot'] },
      { totals: ['hotspotsWithHit'], parts: ['withHit', 'more per briefing'] },
      { totals: ['total'], parts: ['events', 'outside the hotspots'] },
    ],
    derived: [{ label: 'PAI', text: cells.pai, from: ['events', 'total'], compute: pai }],
  };
}

describe('forecast scores on the Management view', () => {
  const evening = DEFAULT_DAGDELEN.find((d) => d.id === 'avond')!;
  const places = [0, 1, 2, 3].map((i) => ({ lon: 5.9 + i * 0.02, lat: 52.0 }));
  const elsewhere = { lon: 5.8, lat: 52.1 };
  const record = (p: { lon: number; lat: number }, hour: number): HistoryRecord => ({
    ...p,
    t: Date.UTC(2026, 2, 2, hour),
    theme: 'jeugd',
    buurtcode: null,
  });
  const forecast: Forecast = {
    date: '2026-03-02',
    dagdeel: 'avond',
    size: 250,
    cells: places.map((p) => cellOf(...wgs84ToRd(p.lon, p.lat), 250)),
  };
  const records = [
    ...places.map((p) => record(p, 19)),
    ...Array.from({ length: 6 }, () => record(elsewhere, 21)),
  ];
  const [score] = scoreForecasts(records, [forecast], {
    dagdelen: [evening],
    studyCells: STUDY_CELLS,
  });
  const stored: SourcedScore = { ...score, source: 'stored', forecasts: 1 };

  it('hides 4 registrations in 4 expected hotspots, and the hits that would give them back', () => {
    expect(score).toMatchObject({ hotspots: 4, hotspotsWithHit: 4, eventsInHotspots: 4 });
    const cells = forecastScoreCells(stored);
    expect(cells.events).toBe('<5 van 10');
    expect(cells.hotspotsWithHit).toBe('—');
    expect(cells.withHit).toBe('—');
    expect(cells.pai).toBe('—');
    expect(cells.paiValue).toBeNull();
    expect(findRecoveries(published(stored))).toEqual([]);
  });

  it('shows everything where no count is below 5', () => {
    const more = [...records, ...places.map((p) => record(p, 20))];
    const [score] = scoreForecasts(more, [forecast], {
      dagdelen: [evening],
      studyCells: STUDY_CELLS,
    });
    const cells = forecastScoreCells({ ...score, source: 'stored', forecasts: 1 });
    // n = 8 of N = 14, a/A = 4/100: PAI = (8/14) / 0,04 = 14,3.
    expect(cells).toEqual({
      briefings: '1',
      withHit: '1 (100%)',
      hotspotsWithHit: '4 van 4 (100%)',
      events: '8 van 14',
      pai: '14,3',
      paiValue: 8 / 14 / (4 / 100),
    });
  });

  it('gives no hidden count back, for every small score', () => {
    let checked = 0;
    for (let events = 0; events <= 7; events++) {
      for (let total = events; total <= events + 6; total++) {
        for (
          let hotspotsWithHit = events > 0 ? 1 : 0;
          hotspotsWithHit <= events;
          hotspotsWithHit++
        ) {
          for (let withHit = hotspotsWithHit > 0 ? 1 : 0; withHit <= hotspotsWithHit; withHit++) {
            const [briefings, hotspots] = [Math.max(withHit, 3), 5 * Math.max(withHit, 3)];
            const pai = computePai({
              eventsInHotspots: events,
              totalEvents: total,
              hotspotArea: hotspots,
              totalArea: briefings * STUDY_CELLS,
            });
            const row: SourcedScore = {
              dagdeel: evening,
              source: 'backtest',
              forecasts: briefings,
              briefings,
              withHit,
              hotspots,
              hotspotsWithHit,
              eventsInHotspots: events,
              totalEvents: total,
              pai,
            };
            expect(findRecoveries(published(row)), JSON.stringify(row)).toEqual([]);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
