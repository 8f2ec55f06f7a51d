/**
 * The coordinator of the Wijken view: its settings from the URL (times-url.ts), the
 * shared filter, and the model judging every wijk's monthly series for both.
 */
import type { PageDeps } from '../shared/page-deps';
import { setView } from '../shared/url-access';
import {
  demandSourcesText,
  parseWijkenView,
  writeWijkenView,
  type WijkenView,
} from '../times/times-url';
import { followDemandFilter } from '../times/demand-view.svelte';
import { indexBaseLength } from '$lib/analysis/trend-scale';
import { protectWijkTrends } from '$lib/analysis/trend-protection';
import { buildPanelViews } from './panel-views';
import { WijkenModel } from './trends.svelte';

export class WijkenPage {
  readonly model: WijkenModel;
  readonly #deps: PageDeps;
  readonly view = $derived(parseWijkenView(this.#url().searchParams));
  // The view's settings as separate values: every URL change (a filter click) parses a new
  // view object, and the charts must not be rebuilt unless a setting they use changed.
  readonly periodMonths = $derived(this.view.periodMonths);
  readonly measure = $derived(this.view.measure);
  readonly viewTheme = $derived(this.view.theme);
  /** The themes with their own small multiples, and the one shown (null: all together). */
  readonly themes = $derived([
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a one-off set for unique values
    ...new Set(this.#panels().flatMap((p) => (p.theme ? [p.theme] : []))),
  ]);
  readonly seriesTheme = $derived(this.themes.includes(this.viewTheme) ? this.viewTheme : null);
  readonly panels = $derived(this.#panels().filter((p) => p.theme === this.seriesTheme));
  readonly scale = $derived(this.view.scale);
  /**
   * Suppression of every panel's shared outputs, all themes together (issue 23): a panel's
   * CSV and another theme's must not give a hidden count back by differencing.
   */
  readonly protection = $derived(protectWijkTrends(this.#panels()));
  /** What each shown panel draws on screen and in its export, for the measure and scale. */
  readonly panelViews = $derived(
    buildPanelViews(this.panels, this.protection, {
      measure: this.measure,
      scale: this.scale,
      periodMonths: this.periodMonths,
    }),
  );
  /** The index's base period (the first months shown), for the page's explanation. */
  readonly indexBase = $derived.by(() => {
    const months = this.model.trends?.months ?? [];
    const length = indexBaseLength(months.length);
    return length === 0 ? null : { first: months[0], last: months[length - 1], length };
  });

  constructor(deps: PageDeps) {
    this.#deps = deps;
    this.model = new WijkenModel(deps.readiness);
  }

  #url(): URL {
    return this.#deps.url.url;
  }
  #panels() {
    return this.model.trends?.panels ?? [];
  }

  /** Which records are counted, for the page's explanation. */
  get sourcesText(): string {
    return demandSourcesText(this.#deps.filter.selection);
  }

  /** Wires the model to the URL and the data; call during component initialisation. */
  connect(): void {
    followDemandFilter(
      this.#deps,
      () => Boolean(this.model.trends || this.model.error),
      ({ tables, filter, selection, dataVersion }) => ({
        tables,
        filter,
        from: selection.from,
        to: selection.to,
        periodMonths: this.periodMonths,
        dataVersion,
      }),
      (conn, request) => this.model.compute(conn, request),
    );
  }

  setView(patch: Partial<WijkenView>): void {
    const { url, filter } = this.#deps;
    setView(url, writeWijkenView(filter.currentParams(), { ...this.view, ...patch }));
  }
}
