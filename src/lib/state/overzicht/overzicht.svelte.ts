/**
 * The Overzicht's model: per role what needs attention now (attention-items.ts), computed
 * once per data version. The newest request wins.
 */
import { errorText } from '$lib/data/engine-errors';
import type { Connector } from '$lib/data/connector';
import { buildAttention, countAttention, type RoleSection } from './attention-items';
import { loadAttentionInput } from './overzicht-data';
import { readiness } from '../shared/readiness.svelte';
import { formatLocalTimestamp, utcToLocal } from '$lib/analysis/local-time';

export class OverzichtModel {
  sections = $state.raw<RoleSection[] | null>(null);
  attention = $state(0);
  /** The data's last day ('YYYY-MM-DD'); null when there are no records. */
  dataEnd = $state<string | null>(null);
  /** True once computed and there are no records: the page leads to Gegevens. */
  empty = $state(false);
  error = $state<string | null>(null);
  #version = -1;
  #sequence = 0;

  async compute(
    conn: Connector,
    dataVersion: number,
    today = formatLocalTimestamp(utcToLocal(Date.now())).slice(0, 10),
  ): Promise<void> {
    if (dataVersion === this.#version && !this.error) return;
    this.#version = dataVersion;
    const sequence = ++this.#sequence;
    const done = readiness.begin();
    const started = performance.now();
    try {
      const input = await loadAttentionInput(conn, today);
      if (sequence !== this.#sequence) return;
      this.sections = input ? buildAttention(input) : null;
      this.attention = this.sections ? countAttention(this.sections) : 0;
      this.dataEnd = input?.dataEnd ?? null;
      this.empty = input === null;
      this.error = null;
      performance.measure('overzicht.compute', { start: started, end: performance.now() });
    } catch (error) {
      this.#version = -1;
      if (sequence === this.#sequence) this.error = errorText(error);
    } finally {
      done();
    }
  }
}
