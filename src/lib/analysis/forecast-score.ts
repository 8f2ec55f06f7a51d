/**
 * How good were the briefing's expected hotspots? A back-test, week by week, as
 * reference/statistics.md proposes: for every day of the scored period and every dagdeel,
 * the expected hotspots are ranked exactly as the briefing ranks them (briefing.ts
 * rankExpectedAreas over the same weekday and dagdeel of the `weeks` weeks before), and
 * compared with the registrations of that day's dagdeel:
 *
 * - hit share: of the briefings, how many had at least one registration in an expected
 *   hotspot during the dagdeel;
 * - PAI (Chainey, Tompson & Uhlig 2008, pai.ts): the share of the dagdeel's registrations
 *   in the expected hotspots, divided by the hotspots' share of the study area (cells of
 *   the hexagon grid with their centre in the municipality). Summed over the briefings of
 *   a dagdeel: PAI = (Σn / ΣN) / (Σa / ΣA).
 *
 * Because the ranking uses only records before the briefing date, this is what the briefing
 * would have shown that day, on the data as they stand now.
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
  /** Briefings scored (days with expected hotspots). */
  briefings: number;
  /** Briefings with at least one registration in an expected hotspot. */
  withHit: number;
  /** Σn and ΣN: registrations of the dagdelen inside expected hotspots, and all of them. */
  eventsInHotspots: number;
  totalEvents: number;
  pai: PaiResult | PaiNotComputable;
}

interface Located extends HistoryRecord {
  cell: string;
  day: number;
  hour: number;
  weekday: number;
}

function locate(records: readonly HistoryRecord[], size: number): Located[] {
  return records.map((record) => {
    const { q, r } = cellOf(...wgs84ToRd(record.lon, record.lat), size);
    const day = Math.floor(record.t / DAY);
    const weekday = ((((day + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday (4)
    return {
      ...record,
      cell: `${q},${r}`,
      day,
      hour: Math.floor((record.t - day * DAY) / HOUR),
      weekday,
    };
  });
}

/** Hit share and PAI of the expected hotspots per dagdeel over the scored days. */
export function scoreBriefingForecasts(
  records: readonly HistoryRecord[],
  options: ForecastScoreOptions,
): DagdeelScore[] {
  const located = locate(records, options.size);
  const first = dateToLocalMs(options.firstDay) / DAY;
  const last = dateToLocalMs(options.lastDay) / DAY;
  return options.dagdelen.map((dagdeel) => {
    const inDagdeel = located.filter(
      (r) => r.hour >= dagdeel.startHour && r.hour < dagdeel.endHour,
    );
    const score = { briefings: 0, withHit: 0, eventsInHotspots: 0, totalEvents: 0, cells: 0 };
    for (let day = first; day <= last; day++) {
      const date = formatDate(day * DAY);
      const weekday = isoWeekday(date);
      const from = day - 7 * options.weeks;
      const history = inDagdeel.filter(
        (r) => r.weekday === weekday && r.day >= from && r.day < day,
      );
      const window = historyWindow({ date, dagdeel }, options.weeks);
      const expected = rankExpectedAreas(history, { window, size: options.size, top: options.top });
      if (expected.length === 0) continue;
      const hotspots = new Set(expected.map((area) => area.key));
      const outcome = inDagdeel.filter((r) => r.day === day);
      const hits = outcome.filter((r) => hotspots.has(r.cell)).length;
      score.briefings++;
      score.cells += hotspots.size;
      score.withHit += hits > 0 ? 1 : 0;
      score.eventsInHotspots += hits;
      score.totalEvents += outcome.length;
    }
    const pai = computePai({
      eventsInHotspots: score.eventsInHotspots,
      totalEvents: score.totalEvents,
      hotspotArea: score.cells,
      totalArea: score.briefings * options.studyCells,
    });
    const { briefings, withHit, eventsInHotspots, totalEvents } = score;
    return { dagdeel, briefings, withHit, eventsInHotspots, totalEvents, pai };
  });
}
