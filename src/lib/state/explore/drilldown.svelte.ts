/**
 * Drill-down: the records behind a clicked cell, wijk/buurt or point, within the shared
 * filter, one page at a time, with a summary (sources, themes, months, dagdelen).
 */
import { errorText } from '$lib/data/engine-errors';
import { summarizeDrilldown, type DrilldownSummary } from '$lib/analysis/drilldown-summary';
import type { Dagdeel } from '$lib/analysis/dagdelen';
import type { Connector, Query } from '$lib/data/connector';
import {
  buildDrilldownBaseQuery,
  buildDrilldownPageQuery,
  buildDrilldownSummaryQuery,
  type DrilldownRecordRow,
  type DrilldownSummaryRow,
  type DrilldownTarget,
} from '$lib/data/queries/drilldown';
import type { RecordFilter } from '$lib/data/queries/record-filter';
import type { RecordTable } from '$lib/data/schema';
import { THEME_LABELS } from '$lib/data/themes';
import { SOURCE_LABELS } from '../shared/filter-url';
import { readiness } from '../shared/readiness.svelte';

export const PAGE_SIZE = 25;

export class DrilldownModel {
  /** What was clicked, in words ("Zeshoek met 42 registraties", "Wijk Centrum"). */
  title = $state<string | null>(null);
  target = $state.raw<DrilldownTarget | null>(null);
  summary = $state.raw<DrilldownSummary | null>(null);
  rows = $state.raw<DrilldownRecordRow[]>([]);
  page = $state(0);
  error = $state<string | null>(null);
  /**
   * Counts the clicks that opened records: the panel sits below the charts, so on each
   * open it scrolls itself into view and takes the focus (issue 26), not on a page change.
   */
  opened = $state(0);
  #base: Query | null = null;
  #request = 0;

  get pages(): number {
    return Math.max(1, Math.ceil((this.summary?.total ?? 0) / PAGE_SIZE));
  }

  async open(
    conn: Connector,
    title: string,
    target: DrilldownTarget,
    scope: { tables: readonly RecordTable[]; filter: RecordFilter; dagdelen: readonly Dagdeel[] },
  ): Promise<void> {
    const request = ++this.#request;
    const done = readiness.begin();
    try {
      const base = buildDrilldownBaseQuery(scope.tables, scope.filter, target);
      const [summary, rows] = await Promise.all([
        conn.query<DrilldownSummaryRow>(buildDrilldownSummaryQuery(base)),
        conn.query<DrilldownRecordRow>(buildDrilldownPageQuery(base, 0, PAGE_SIZE)),
      ]);
      if (request !== this.#request) return;
      this.#base = base;
      this.title = title;
      this.target = target;
      this.page = 0;
      this.rows = rows;
      this.summary = summarizeDrilldown(
        summary,
        {
          theme: (key) => THEME_LABELS[key as keyof typeof THEME_LABELS] ?? key,
          source: (key) => SOURCE_LABELS[key as RecordTable] ?? key,
        },
        scope.dagdelen,
      );
      this.error = null;
      this.opened++;
    } catch (error) {
      this.error = errorText(error);
    } finally {
      done();
    }
  }

  async goTo(conn: Connector, page: number): Promise<void> {
    if (!this.#base || page < 0 || page >= this.pages) return;
    const request = ++this.#request;
    const done = readiness.begin();
    try {
      const rows = await conn.query<DrilldownRecordRow>(
        buildDrilldownPageQuery(this.#base, page, PAGE_SIZE),
      );
      if (request !== this.#request) return;
      this.rows = rows;
      this.page = page;
    } catch (error) {
      this.error = errorText(error);
    } finally {
      done();
    }
  }

  close(): void {
    this.#request++;
    this.title = null;
    this.target = null;
    this.summary = null;
    this.rows = [];
    this.#base = null;
  }
}
