/**
 * Scores the briefing's expected hotspots over a period of days, for the briefing's own
 * line and for Management: the forecasts briefings stored in this browser where there are
 * any, per dagdeel, else the back-test (analysis/forecast-score.ts), against the
 * registrations now in the database.
 */
import {
  dateToLocalMs,
  formatTimestamp,
  type Dagdeel,
  type HistoryRecord,
} from '$lib/analysis/briefing';
import { scoreStoredOrBacktest, type SourcedScore } from '$lib/analysis/forecast-score';
import type { Connector } from '$lib/data/connector';
import type { ForecastStore, StoredForecast } from '$lib/data/forecast-store';
import { buildForecastRecordsQuery } from '$lib/data/queries/briefing';
import { getGridContext } from '../shared/grid-context';
import { countStudyCells } from '../shared/study-cells';
import { CELL_SIZE } from './briefing-history-slides';

const DAY = 86_400_000;

/** The briefing's defaults for a back-test: five hotspots, its hexagons. */
export const BACKTEST = { top: 5, size: CELL_SIZE };

export interface ScoredPeriod {
  /** First and last day scored ('YYYY-MM-DD', inclusive). */
  firstDay: string;
  lastDay: string;
  dagdelen: readonly Dagdeel[];
  /** Weeks of history of the back-test. */
  weeks: number;
}

/** A: the grid's cells in the municipality (counted once per grid, off the main thread). */
async function studyCellsOf(conn: Connector, dataVersion: number): Promise<number> {
  return countStudyCells(await getGridContext(conn, dataVersion), BACKTEST.size);
}

/** Starts counting A now, so a score asked for later need not wait for it. */
export function prepareForecastArea(conn: Connector, dataVersion: number): void {
  studyCellsOf(conn, dataVersion).catch(() => undefined); // the score reports a failure
}

/** Only one dagdeel's hours are read when one dagdeel is scored. */
function hoursOf(dagdelen: readonly Dagdeel[]): number[] | undefined {
  if (dagdelen.length !== 1) return undefined;
  const [d] = dagdelen;
  return Array.from({ length: d.endHour - d.startHour }, (_, i) => d.startHour + i);
}

export interface PeriodScores {
  scores: SourcedScore[];
  stored: StoredForecast[];
}

export async function scoreForecastPeriod(
  conn: Connector,
  dataVersion: number,
  store: ForecastStore,
  period: ScoredPeriod,
): Promise<PeriodScores> {
  const { firstDay, lastDay, dagdelen, weeks } = period;
  // A store that cannot be read (no IndexedDB, a private window) leaves the back-test.
  const [stored, studyCells] = await Promise.all([
    store.list(firstDay, lastDay).catch((): StoredForecast[] => []),
    studyCellsOf(conn, dataVersion),
  ]);
  const storedIds = new Set(stored.map((f) => f.dagdeel));
  // The back-test needs the weeks of history before the first day as well.
  const backtest = dagdelen.some((d) => !storedIds.has(d.id));
  const first = dateToLocalMs(firstDay) - (backtest ? weeks * 7 * DAY : 0);
  const records = await conn.query<HistoryRecord>(
    buildForecastRecordsQuery({
      from: formatTimestamp(first),
      to: formatTimestamp(dateToLocalMs(lastDay) + DAY),
      hours: hoursOf(dagdelen),
    }),
  );
  const scores = scoreStoredOrBacktest(records, stored, {
    firstDay,
    lastDay,
    dagdelen,
    weeks,
    studyCells,
    ...BACKTEST,
  });
  return { scores, stored };
}
