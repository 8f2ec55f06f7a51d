/**
 * The coordinator of the Tijden view: its settings from the URL (times-url.ts), the shared
 * filter, and the model computing the hot times for both.
 */
import { dagdelenFromBoundaries } from '$lib/analysis/dagdeel-config';
import type { PageDeps } from '../shared/page-deps';
import { setView } from '../shared/url-access';
import { followDemandFilter } from './demand-view.svelte';
import { TimesModel } from './times.svelte';
import { demandSourcesText, parseTimesView, writeTimesView, type TimesView } from './times-url';

export class TimesPage {
  readonly model: TimesModel;
  readonly #deps: PageDeps;
  readonly view = $derived(parseTimesView(this.#url.searchParams));
  readonly dagdelen = $derived(dagdelenFromBoundaries(this.view.boundaries));

  constructor(deps: PageDeps) {
    this.#deps = deps;
    this.model = new TimesModel(deps.readiness);
  }

  get #url(): URL {
    return this.#deps.url.url;
  }

  /** Which records are counted, for the page's explanation. */
  get sourcesText(): string {
    return demandSourcesText(this.#deps.filter.selection);
  }

  /** Wires the model to the URL and the data; call during component initialisation. */
  connect(): void {
    followDemandFilter(
      this.#deps,
      () => Boolean(this.model.summary || this.model.error),
      ({ tables, filter }) => ({
        tables,
        filter,
        maxWindowHours: this.view.maxWindowHours,
        dagdelen: this.dagdelen,
      }),
      (conn, request, version) => this.model.compute(conn, request, version),
    );
  }

  setView(patch: Partial<TimesView>): void {
    const { url, filter } = this.#deps;
    setView(url, writeTimesView(filter.currentParams(), { ...this.view, ...patch }));
  }
}
