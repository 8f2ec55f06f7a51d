/**
 * The coordinator of the Management view: the key figures, the handling of meldingen, the
 * evaluation of an intervention and the briefing's forecast scores, opened from the URL
 * (management-url.ts) and kept in it. The URL is replaced, not pushed: every keystroke in
 * the buffer field would otherwise be a history entry.
 *
 * Small counts (PRODUCT.md, Privacy: "<5" on every shared output): the tables and charts on
 * screen show exact counts. They are not a shared output: they show the records this
 * browser holds to the person who holds them (imported, or published to them), who can open
 * every one of those records in Verkennen anyway; hiding a 3 here protects nobody and
 * hides what a manager has to act on. What leaves the screen is suppressed: the printed
 * report and the CSV downloads (together, handling-export.ts), and no statistic derived
 * from a hidden count stands beside it. The forecast scores are the briefing's, a shared
 * output projected to a room, and are shown as the briefing would (forecast-score-table.ts).
 */
import { tick, untrack } from 'svelte';
import type { MonthPeriod } from '$lib/analysis/management-kpis';
import { THEME_LABELS, type Theme } from '$lib/data/themes';
import type { PageDeps } from '../shared/page-deps';
import { EvaluationModel } from './evaluation.svelte';
import { ForecastScoreModel } from './forecast-score.svelte';
import { ManagementModel } from './management.svelte';
import { MeldingHandlingModel } from './melding-handling.svelte';
import { currentQuery, parseManagementView } from './management-url';

export class ManagementPage {
  readonly model = new ManagementModel();
  readonly evaluation = new EvaluationModel();
  readonly forecasts = new ForecastScoreModel();
  readonly handling: MeldingHandlingModel;
  loaded = $state(false);
  /** The state's query string; null before the first load. */
  readonly query = $derived.by(() =>
    this.loaded ? currentQuery(this.model, this.evaluation, this.handling.norms) : null,
  );
  readonly themeName = $derived(
    this.model.theme ? THEME_LABELS[this.model.theme as Theme] : "alle thema's",
  );
  readonly outcomeCells = $derived(
    this.model.theme
      ? this.model.consistency.filter((c) => c.theme === this.model.theme)
      : this.model.consistency.filter((c) => c.highlighted),
  );
  readonly #deps: PageDeps;
  /** Not ready before the first figures are on screen. */
  #pending: (() => void) | null;

  constructor(deps: PageDeps) {
    this.#deps = deps;
    this.#pending = deps.readiness.begin();
    this.handling = new MeldingHandlingModel(deps.readiness);
  }

  /** Loads on every data change and keeps the URL in step; call during initialisation. */
  connect(): void {
    const { url, data } = this.#deps;
    $effect(() => {
      const query = this.query;
      if (query !== null && query !== untrack(() => url.url.search)) {
        url.navigate(`${url.url.pathname}${query}`, { shallow: true });
      }
    });
    $effect(() => {
      void data.dataVersion;
      if (data.status === 'gereed') untrack(() => this.#load());
    });
    // The handling of meldingen follows the key figures' period and theme, and its norms.
    $effect(() => {
      const [period, theme, version] = [
        this.model.period,
        this.model.themeOrNull,
        data.dataVersion,
      ];
      void this.handling.norms;
      if (!this.model.loaded || !period) return;
      untrack(() => void this.handling.compute(data.connector, version, { period, theme }));
    });
  }

  async #load(): Promise<void> {
    const { url, data, readiness } = this.#deps;
    const done = this.#pending ?? readiness.begin();
    this.#pending = null;
    const view = parseManagementView(url.url.searchParams);
    await this.model.load(data.connector, view.period);
    if (view.theme !== undefined) this.model.theme = view.theme;
    if (view.norms) this.handling.openNorms(view.norms);
    await this.evaluation.load(data.connector, this.model.wijken, view);
    await this.forecasts.compute(data.connector, data.dataVersion);
    this.loaded = true;
    await tick();
    done();
  }

  async #track(work: () => Promise<void>): Promise<void> {
    const done = this.#deps.readiness.begin();
    await work();
    await tick();
    done();
  }

  setPeriod(period: MonthPeriod): Promise<void> {
    return this.#track(async () => {
      this.model.period = period;
      await this.model.loadOutcomes(this.#deps.data.connector);
    });
  }

  reloadRecords(): Promise<void> {
    return this.#track(() => this.evaluation.refresh(this.#deps.data.connector));
  }
}
