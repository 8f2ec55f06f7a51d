/**
 * The briefing's expected hotspots scored for the Management view: over the last four
 * weeks of data, per dagdeel, how often they had registrations in that dagdeel, and their
 * PAI (analysis/forecast-score.ts). Per dagdeel from the forecasts briefings stored in this
 * browser where there are any, else the back-test: what the briefing would have shown
 * (briefing/forecast-scoring.ts). Computed once per data version.
 */
import { DEFAULT_DAGDELEN, dateToLocalMs, formatDate } from '$lib/analysis/briefing';
import type { SourcedScore } from '$lib/analysis/forecast-score';
import type { Connector } from '$lib/data/connector';
import { errorText } from '$lib/data/engine-errors';
import { createIndexedDbForecastStore, type ForecastStore } from '$lib/data/forecast-store';
import { buildDataPeriodQuery } from '$lib/data/queries/filter-options';
import { BACKTEST, prepareForecastArea, scoreForecastPeriod } from '../briefing/forecast-scoring';

/** The briefing's defaults: six weeks of history, five expected hotspots. */
export const FORECAST_SETTINGS = { weeks: 6, ...BACKTEST, scoredDays: 28 };

const DAY = 86_400_000;

export class ForecastScoreModel {
  scores = $state.raw<SourcedScore[] | null>(null);
  /** The scored days ('YYYY-MM-DD', inclusive). */
  period = $state.raw<{ first: string; last: string } | null>(null);
  error = $state<string | null>(null);
  #version = -1;
  readonly #store: ForecastStore;

  constructor(store: ForecastStore = createIndexedDbForecastStore()) {
    this.#store = store;
  }

  /** Starts the slowest part (the study area's cells, in a worker) ahead of `compute`. */
  prepare(conn: Connector, dataVersion: number): void {
    if (dataVersion !== this.#version) prepareForecastArea(conn, dataVersion);
  }

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
      const { weeks, scoredDays } = FORECAST_SETTINGS;
      const first = formatDate(dateToLocalMs(data.last) - (scoredDays - 1) * DAY);
      const { scores } = await scoreForecastPeriod(conn, dataVersion, this.#store, {
        firstDay: first,
        lastDay: data.last,
        dagdelen: DEFAULT_DAGDELEN,
        weeks,
      });
      this.scores = scores;
      this.period = { first, last: data.last };
      this.error = null;
    } catch (error) {
      this.#version = -1;
      this.error = errorText(error);
    }
  }
}
