/**
 * The coordinator of the printable management report (/management/rapport): the view of
 * its link (period, intervention, categories, buffer, norms) read once, the report loaded
 * for every data version while the page is not ready, and the wijken in the report kept
 * in the URL (`wijken`). URL access, data and readiness are passed in (page-deps.ts).
 */
import { tick } from 'svelte';
import { followData } from '../shared/follow-data.svelte';
import type { PageDeps } from '../shared/page-deps';
import { setView } from '../shared/url-access';
import { readKey, writeKey } from '../shared/url-keys';
import { parseManagementView, type ManagementView } from './management-url';
import { ReportModel } from './report.svelte';

export type ReportPageDeps = Pick<PageDeps, 'url' | 'data' | 'readiness'>;

export class ReportPage {
  readonly report = new ReportModel();
  readonly view: ManagementView;
  readonly #deps: ReportPageDeps;
  /** Held from the start: the page is not ready before its first report is on screen. */
  #pending: (() => void) | null;

  constructor(deps: ReportPageDeps) {
    this.#deps = deps;
    const params = deps.url.url.searchParams;
    this.view = parseManagementView(params);
    this.report.selection = readKey(params, 'wijken') ?? [];
    this.#pending = deps.readiness.begin();
  }

  /** Loads on every data change; call during component initialisation. */
  connect(): void {
    followData(this.#deps.data, () => void this.load());
  }

  /** Loads the report for the current data and holds the readiness signal meanwhile. */
  async load(): Promise<void> {
    const done = this.#pending ?? this.#deps.readiness.begin();
    this.#pending = null;
    try {
      await this.report.load(this.#deps.data.connector, this.view);
      await tick();
    } finally {
      done();
    }
  }

  /** The report's period in words ('2025-11 t/m 2026-10'), empty before it is known. */
  get periodText(): string {
    const period = this.report.kpis.period;
    return period ? `${period.from} t/m ${period.to}` : '';
  }

  /** Takes a wijk in or out of the report; all wijken chosen is written as none. */
  toggle(code: string, on: boolean): void {
    const all = this.report.kpis.wijken.map((w) => w.code);
    const current = this.report.selection.length === 0 ? all : this.report.selection;
    const next = on ? [...current, code] : current.filter((c) => c !== code);
    this.report.selection = next.length === all.length ? [] : next;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a one-off query string, not state
    const query = new URLSearchParams(this.#deps.url.url.searchParams);
    writeKey(query, 'wijken', this.report.selection);
    setView(this.#deps.url, query, { replace: true });
  }
}
