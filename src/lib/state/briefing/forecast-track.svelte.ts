/**
 * The briefing's line on its own track record: for the briefing's dagdeel, how the expected
 * hotspots of the four weeks before its date came out (forecast-line.ts words it, from
 * the forecasts briefings stored or else the back-test: forecast-scoring.ts). Needs the
 * database, so it follows the slides once the engine is there.
 */
import type { BriefingMoment } from '$lib/analysis/briefing';
import type { Connector } from '$lib/data/connector';
import type { ForecastStore } from '$lib/data/forecast-store';
import { buildLastRecordQuery } from '$lib/data/queries/briefing';
import { Latest, measureSince, type ReadinessBegin } from '../shared/latest';
import { describeForecastTrack, trackPeriod, type ForecastTrack } from './forecast-line';
import { scoreForecastPeriod } from './forecast-scoring';

export interface TrackRequest {
  conn: Connector;
  /** Names the data (BriefingSource.key); with it, the data version for the grid. */
  dataKey: string;
  dataVersion: number;
  moment: BriefingMoment;
  weeks: number;
}

export class ForecastTrackModel {
  track = $state.raw<ForecastTrack | null>(null);
  error = $state<string | null>(null);
  readonly #latest: Latest;
  readonly #store: ForecastStore;

  constructor(options: { readiness: ReadinessBegin; store: ForecastStore }) {
    this.#latest = new Latest(options.readiness);
    this.#store = options.store;
  }

  compute(request: TrackRequest): Promise<void> {
    const { conn, dataKey, dataVersion, moment, weeks } = request;
    const key = { dataKey, date: moment.date, dagdeel: moment.dagdeel.id, weeks };
    return this.#latest.run(
      key,
      async (current) => {
        const started = performance.now();
        const [row] = await conn.query<{ last: number | null }>(buildLastRecordQuery());
        const period = trackPeriod(moment, row?.last ?? null);
        const scored = period
          ? await scoreForecastPeriod(conn, dataVersion, this.#store, {
              ...period,
              dagdelen: [moment.dagdeel],
              weeks,
            })
          : null;
        if (!current()) return;
        this.track = describeForecastTrack(
          moment.dagdeel,
          scored?.scores[0] ?? null,
          period,
          weeks,
        );
        this.error = null;
        measureSince('briefing.track', started);
      },
      (message) => {
        this.track = null;
        this.error = message;
      },
    );
  }
}
