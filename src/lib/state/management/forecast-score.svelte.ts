/**
 * The back-test of the briefing's expected hotspots for the Management view: over the last
 * four weeks of data, per dagdeel, how often the hotspots the briefing would have shown had
 * registrations in that dagdeel, and their PAI (analysis/forecast-score.ts). Computed once
 * per data version.
 */
import {
  DEFAULT_DAGDELEN,
  dateToLocalMs,
  formatDate,
  formatTimestamp,
} from '$lib/analysis/briefing';
import { scoreBriefingForecasts, type DagdeelScore } from '$lib/analysis/forecast-score';
import { buildHexStudy } from '$lib/analysis/hotspot-study';
import type { HistoryRecord } from '$lib/analysis/briefing';
import type { Connector } from '$lib/data/connector';
import { errorText } from '$lib/data/engine-errors';
import { buildForecastRecordsQuery } from '$lib/data/queries/briefing';
import { buildDataPeriodQuery } from '$lib/data/queries/filter-options';
import { CELL_SIZE } from '../briefing/briefing-slides';
import { getGridContext } from '../shared/grid-context';

/** The briefing's defaults: six weeks of history, five expected hotspots. */
export const FORECAST_SETTINGS = { weeks: 6, top: 5, size: CELL_SIZE, scoredDays: 28 };

const DAY = 86_400_000;

export class ForecastScoreModel {
  scores = $state.raw<DagdeelScore[] | null>(null);
  /** The scored days ('YYYY-MM-DD', inclusive). */
  period = $state.raw<{ first: string; last: string } | null>(null);
  error = $state<string | null>(null);
  #version = -1;

  async compute(conn: Connector, dataVersion: number): Promise<void> {
    if (dataVersion === this.#version) return;
    this.#version = dataVersion;
    try {
      const [data] = await conn.query<{ first: string | null; last: string | null }>(
        buildDataPeriodQuery(),
      );
      if (!data?.last || !data.first) {
        [this.scores, this.period] = [null, null];
        return;
      }
      const { weeks, top, size, scoredDays } = FORECAST_SETTINGS;
      const lastMs = dateToLocalMs(data.last);
      const firstMs = lastMs - (scoredDays - 1) * DAY;
      const records = await conn.query<HistoryRecord>(
        buildForecastRecordsQuery({
          from: formatTimestamp(firstMs - weeks * 7 * DAY),
          to: formatTimestamp(lastMs + DAY),
        }),
      );
      const grid = await getGridContext(conn, dataVersion);
      const studyCells = buildHexStudy(grid.outline, size, { rings: 0 }).q.length;
      const period = { first: formatDate(firstMs), last: data.last };
      this.scores = scoreBriefingForecasts(records, {
        firstDay: period.first,
        lastDay: period.last,
        dagdelen: DEFAULT_DAGDELEN,
        weeks,
        size,
        top,
        studyCells,
      });
      this.period = period;
      this.error = null;
    } catch (error) {
      this.#version = -1;
      this.error = errorText(error);
    }
  }
}
