/**
 * Data of the two charts beside the Verkennen map, cross-filtered: the time histogram
 * counts under every filter except the period (so a brushed period can be moved or
 * widened), the theme bars under every filter except the themes. Both read the
 * projection (explore-facts.ts), one grouped query each.
 */
import type { Connector } from '$lib/data/connector';
import { timeBinFor, withoutFields, type TimeBin } from '$lib/data/queries/explore';
import {
  buildFactsThemeCountsQuery,
  buildFactsTimeHistogramQuery,
} from '$lib/data/queries/explore-facts';
import type { RecordFilter } from '$lib/data/queries/record-filter';
import type { RecordTable } from '$lib/data/schema';
import { fillTimeBins, type TimeBinCount } from '$lib/display/time-bins';
import { ensureFacts } from './explore-facts';
import { Latest, type ReadinessBegin } from '../shared/latest';

export interface ChartInputs {
  tables: readonly RecordTable[];
  filter: RecordFilter;
  period: { first: string; last: string };
  dataVersion: number;
}

export class ExploreChartsModel {
  bins = $state.raw<TimeBinCount[] | null>(null);
  bin = $state<TimeBin>('month');
  themes = $state.raw<{ theme: string; n: number }[] | null>(null);
  error = $state<string | null>(null);
  readonly #latest: Latest;

  constructor(readiness: ReadinessBegin) {
    this.#latest = new Latest(readiness);
  }

  refresh(conn: Connector, inputs: ChartInputs): Promise<void> {
    const fail = (message: string) => (this.error = message);
    return this.#latest.run(inputs, (current) => this.#refresh(conn, inputs, current), fail);
  }

  async #refresh(conn: Connector, inputs: ChartInputs, current: () => boolean): Promise<void> {
    const { first, last } = inputs.period;
    const days = (Date.parse(last) - Date.parse(first)) / 86_400_000;
    const bin = timeBinFor(days);
    await ensureFacts(conn, inputs.dataVersion);
    const [bins, themes] = await Promise.all([
      conn.query<TimeBinCount>(
        buildFactsTimeHistogramQuery(
          inputs.tables,
          withoutFields(inputs.filter, ['from', 'to']),
          bin,
        ),
      ),
      conn.query<{ theme: string; n: number }>(
        buildFactsThemeCountsQuery(inputs.tables, withoutFields(inputs.filter, ['themes'])),
      ),
    ]);
    if (!current()) return;
    this.bin = bin;
    this.bins = fillTimeBins(bins, bin, first, last);
    this.themes = themes;
    this.error = null;
  }
}
