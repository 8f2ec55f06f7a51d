/**
 * How good were the briefing's expected hotspots? Each forecast (a date, a dagdeel and the
 * hexagon cells it named) is compared with the registrations of that day's dagdeel:
 *
 * - per forecast, whether any registration fell in an expected hotspot (hit share over the
 *   briefings), and per expected hotspot whether it had a registration (x of y hotspots);
 * - PAI (Chainey, Tompson & Uhlig 2008, pai.ts): the share of the dagdelen's registrations
 *   in the expected hotspots, divided by the hotspots' share of the study area (cells of
 *   the hexagon grid in the municipality). Summed over the briefings of a dagdeel:
 *   PAI = (Σn / ΣN) / (Σa / ΣA).
 *
 * The forecasts are either the ones a briefing stored when it was shown (what the team was
 * actually told), or a back-test, as reference/statistics.md proposes: for every day of the
 * scored period the hotspots are ranked as the briefing ranks them (briefing.ts
 * rankExpectedAreas over the same weekday and dagdeel of the `weeks` weeks before). Because
 * that ranking uses only records before the briefing date, it is what the briefing would
 * have shown that day, on the data as they stand now.
 */
import {
  dateToLocalMs,
  formatDate,
  historyWindow,
  isoWeekday,
  rankExpectedAreas,
  type Dagdeel,
  type HistoryRecord,
} from './briefing';
import { cellOf } from './hex-grid';
import { computePai, type PaiNotComputable, type PaiResult } from './pai';
import { wgs84ToRd } from './rd';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** One briefing's expected hotspots: hexagon cells (axial q, r) of circumradius `size` m. */
export interface Forecast {
  /** 'YYYY-MM-DD' */
  date: string;
  /** Dagdeel id. */
  dagdeel: string;
  size: number;
  cells: readonly { q: number; r: number }[];
}

export interface ForecastScoreOptions {
  /** First and last day scored ('YYYY-MM-DD', inclusive). */
  firstDay: string;
  lastDay: string;
  dagdelen: readonly Dagdeel[];
  /** The briefing's settings: history weeks, hexagon size (m), number of hotspots. */
  weeks: number;
  size: number;
  top: number;
  /** Cells of the hexagon grid in the study area (A, in cells). */
  studyCells: number;
}

export interface DagdeelScore {
  dagdeel: Dagdeel;
  /** Briefings scored (forecasts with at least one expected hotspot). */
  briefings: number;
  /** Briefings with at least one registration in an expected hotspot. */
  withHit: number;
  /** Expected hotspots over the scored briefings (y), and those with a registration (x). */
  hotspots: number;
  hotspotsWithHit: number;
  /** Σn and ΣN: registrations of the dagdelen inside expected hotspots, and all of them. */
  eventsInHotspots: number;
  totalEvents: number;
  pai: PaiResult | PaiNotComputable;
}

interface Located extends HistoryRecord {
  q: number;
  r: number;
  cell: string;
  day: number;
  hour: number;
  weekday: number;
}

/**
 * Records with their cell, day and hour, projected once per record array and cell size: the
 * RD projection (proj4, with the datum shift) is the costliest step, and the back-test ranks
 * each record again for every week it is history of.
 */
const locatedCache = new WeakMap<readonly HistoryRecord[], Map<number, Located[]>>();
function locate(records: readonly HistoryRecord[], size: number): Located[] {
  let bySize = locatedCache.get(records);
  if (!bySize) locatedCache.set(records, (bySize = new Map()));
  let located = bySize.get(size);
  if (!located) {
    located = records.map((record) => {
      const { q, r } = cellOf(...wgs84ToRd(record.lon, record.lat), size);
      const day = Math.floor(record.t / DAY);
      const weekday = ((((day + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday (4)
      return {
        ...record,
        q,
        r,
        cell: `${q},${r}`,
        day,
        hour: Math.floor((record.t - day * DAY) / HOUR),
        weekday,
      };
    });
    bySize.set(size, located);
  }
  return located;
}

const inDagdeel = (located: readonly Located[], dagdeel: Dagdeel) =>
  located.filter((r) => r.hour >= dagdeel.startHour && r.hour < dagdeel.endHour);

/**
 * The back-test's forecasts: for every day in [firstDay, lastDay] and every dagdeel, the
 * `top` cells the briefing's ranking gives from the `weeks` weeks before. Days without
 * history give no forecast.
 */
export function backtestForecasts(
  records: readonly HistoryRecord[],
  options: Omit<ForecastScoreOptions, 'studyCells'>,
): Forecast[] {
  const located = locate(records, options.size);
  const first = dateToLocalMs(options.firstDay) / DAY;
  const last = dateToLocalMs(options.lastDay) / DAY;
  const forecasts: Forecast[] = [];
  for (const dagdeel of options.dagdelen) {
    const candidates = inDagdeel(located, dagdeel);
    for (let day = first; day <= last; day++) {
      const date = formatDate(day * DAY);
      const weekday = isoWeekday(date);
      const from = day - 7 * options.weeks;
      const history = candidates.filter(
        (r) => r.weekday === weekday && r.day >= from && r.day < day,
      );
      const window = historyWindow({ date, dagdeel }, options.weeks);
      const expected = rankExpectedAreas(history, {
        window,
        size: options.size,
        top: options.top,
        cellOf: (record) => record as Located,
      });
      if (expected.length === 0) continue;
      forecasts.push({
        date,
        dagdeel: dagdeel.id,
        size: options.size,
        cells: expected.map(({ q, r }) => ({ q, r })),
      });
    }
  }
  return forecasts;
}

/**
 * Hit share, hotspots with registrations and PAI per dagdeel of the given forecasts against
 * `records` (every registration of their days with an exact time and a place). Forecasts
 * without cells (the briefing named no hotspot) are not scored.
 */
export function scoreForecasts(
  records: readonly HistoryRecord[],
  forecasts: readonly Forecast[],
  options: { dagdelen: readonly Dagdeel[]; studyCells: number },
): DagdeelScore[] {
  const bySize = new Map<number, Map<number, Located[]>>();
  const recordsOn = (size: number, day: number) => {
    let days = bySize.get(size);
    if (!days) {
      days = new Map();
      for (const r of locate(records, size)) {
        const list = days.get(r.day);
        if (list) list.push(r);
        else days.set(r.day, [r]);
      }
      bySize.set(size, days);
    }
    return days.get(day) ?? [];
  };
  return options.dagdelen.map((dagdeel) => {
    const score = {
      briefings: 0,
      withHit: 0,
      hotspots: 0,
      hotspotsWithHit: 0,
      eventsInHotspots: 0,
      totalEvents: 0,
    };
    for (const forecast of forecasts) {
      if (forecast.dagdeel !== dagdeel.id || forecast.cells.length === 0) continue;
      const hotspots = new Set(forecast.cells.map(({ q, r }) => `${q},${r}`));
      const day = dateToLocalMs(forecast.date) / DAY;
      const outcome = inDagdeel(recordsOn(forecast.size, day), dagdeel);
      const hits = outcome.filter((r) => hotspots.has(r.cell));
      score.briefings++;
      score.hotspots += hotspots.size;
      score.hotspotsWithHit += new Set(hits.map((r) => r.cell)).size;
      score.withHit += hits.length > 0 ? 1 : 0;
      score.eventsInHotspots += hits.length;
      score.totalEvents += outcome.length;
    }
    const pai = computePai({
      eventsInHotspots: score.eventsInHotspots,
      totalEvents: score.totalEvents,
      hotspotArea: score.hotspots,
      totalArea: score.briefings * options.studyCells,
    });
    return { dagdeel, ...score, pai };
  });
}

/** The back-test's hit share and PAI per dagdeel over the scored days. */
export function scoreBriefingForecasts(
  records: readonly HistoryRecord[],
  options: ForecastScoreOptions,
): DagdeelScore[] {
  return scoreForecasts(records, backtestForecasts(records, options), options);
}

/** Where a dagdeel's score comes from: forecasts stored by briefings, or the back-test. */
export type ForecastSource = 'stored' | 'backtest';

export interface SourcedScore extends DagdeelScore {
  source: ForecastSource;
  /** Forecasts of the period, also those that named no hotspot (stored ones only). */
  forecasts: number;
}

/**
 * Per dagdeel: the forecasts briefings stored for days in [firstDay, lastDay] where there
 * are any (what was actually shown, also "no clear hotspot"; never mixed with recomputed
 * days), else the back-test.
 */
export function scoreStoredOrBacktest(
  records: readonly HistoryRecord[],
  stored: readonly Forecast[],
  options: ForecastScoreOptions,
): SourcedScore[] {
  return options.dagdelen.map((dagdeel) => {
    const own = stored.filter(
      (f) => f.dagdeel === dagdeel.id && f.date >= options.firstDay && f.date <= options.lastDay,
    );
    const source: ForecastSource = own.length > 0 ? 'stored' : 'backtest';
    const forecasts =
      source === 'stored' ? own : backtestForecasts(records, { ...options, dagdelen: [dagdeel] });
    const [score] = scoreForecasts(records, forecasts, { ...options, dagdelen: [dagdeel] });
    return { ...score, source, forecasts: forecasts.length };
  });
}
