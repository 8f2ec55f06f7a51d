/**
 * The Overzicht's model: per role what needs attention now (attention-items.ts), computed
 * once per data version. The newest request wins.
 */
import type { Connector } from '$lib/data/connector';
import { formatLocalTimestamp, utcToLocal } from '$lib/analysis/local-time';
import { buildAttention, countAttention, type RoleSection } from './attention-items';
import { loadAttentionInput } from './overzicht-data';
import { Latest, measureSince, type ReadinessBegin } from '../shared/latest';

export class OverzichtModel {
  sections = $state.raw<RoleSection[] | null>(null);
  attention = $state(0);
  /** The data's last day ('YYYY-MM-DD'); null when there are no records. */
  dataEnd = $state<string | null>(null);
  /** True once computed and there are no records: the page leads to Gegevens. */
  empty = $state(false);
  error = $state<string | null>(null);
  readonly #latest: Latest;

  constructor(readiness: ReadinessBegin) {
    this.#latest = new Latest(readiness);
  }

  /** Computes for `dataVersion` unless that was computed already (a failure is retried). */
  compute(
    conn: Connector,
    dataVersion: number,
    today = formatLocalTimestamp(utcToLocal(Date.now())).slice(0, 10),
  ): Promise<void> {
    return this.#latest.run(
      dataVersion,
      async (current) => {
        const started = performance.now();
        const input = await loadAttentionInput(conn, today);
        if (!current()) return;
        this.sections = input ? buildAttention(input) : null;
        this.attention = this.sections ? countAttention(this.sections) : 0;
        this.dataEnd = input?.dataEnd ?? null;
        this.empty = input === null;
        this.error = null;
        measureSince('overzicht.compute', started);
      },
      (message) => (this.error = message),
    );
  }
}
