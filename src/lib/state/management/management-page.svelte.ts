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
import { SectionReadiness } from '../shared/section-readiness.svelte';
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
  /**
   * The sections below the evaluation (the handling of meldingen, the forecast scores) load
   * once the view above them is on screen: they say themselves when they are done
   * (SectionReadiness); the view's signal does not wait for them.
   */
  readonly handlingSection = new SectionReadiness();
  readonly forecastSection = new SectionReadiness();
  /** The evaluation's map of its areas (deck.gl, MapLibre, Turf), loaded in the same way. */
  readonly mapSection = new SectionReadiness();
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
  /** The sections below are not ready before their work has been handed to them. */
  #handlingHeld: (() => void) | null;
  #forecastHeld: (() => void) | null;
  #mapHeld: (() => void) | null;
  /** The view above the sections below is on screen: they may load. */
  #belowMayLoad = $state(false);

  constructor(deps: PageDeps) {
    this.#deps = deps;
    this.#pending = deps.readiness.begin();
    this.#handlingHeld = this.handlingSection.begin();
    this.#forecastHeld = this.forecastSection.begin();
    this.#mapHeld = this.mapSection.begin();
    this.handling = new MeldingHandlingModel(this.handlingSection);
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
      if (data.status === 'gereed') untrack(() => this.load());
    });
    // The handling of meldingen follows the key figures' period and theme, and its norms.
    $effect(() => {
      const [period, theme, version] = [
        this.model.period,
        this.model.themeOrNull,
        data.dataVersion,
      ];
      void this.handling.norms;
      if (!this.#belowMayLoad) return;
      untrack(() => {
        if (period) void this.handling.compute(data.connector, version, { period, theme });
        this.#handlingHeld?.();
        this.#handlingHeld = null;
      });
    });
  }

  /**
   * Loads the view for the current data (connect() calls it on every data change): done when
   * the key figures and the evaluation are on screen; the sections below go on loading.
   */
  async load(): Promise<void> {
    const { url, data, readiness } = this.#deps;
    const done = this.#pending ?? readiness.begin();
    this.#pending = null;
    // New data: the sections below wait for the view again, and are not ready meanwhile.
    this.#belowMayLoad = false;
    this.#handlingHeld ??= this.handlingSection.begin();
    this.#forecastHeld ??= this.forecastSection.begin();
    this.#mapHeld ??= this.mapSection.begin();
    const view = parseManagementView(url.url.searchParams);
    const conn = data.connector;
    if (view.theme !== undefined) this.model.theme = view.theme;
    if (view.norms) this.handling.openNorms(view.norms);
    // The key figures and the evaluation at once: the database answers one query at a
    // time, but the work in JavaScript between its answers (zones, outlines) then overlaps
    // the other's queries. The key figures ask first (the top of the page); the wijken are
    // shared with the evaluation.
    const wijken = this.model.loadWijken(conn);
    // The forecast's study area is counted in a worker meanwhile.
    this.forecasts.prepare(conn, data.dataVersion);
    await Promise.all([
      this.model.load(conn, view.period, wijken),
      this.evaluation.load(conn, wijken, view),
    ]);
    this.loaded = true;
    await tick();
    done();
    // After the frame that shows the view: the handling of meldingen (by the effect above)
    // and the forecast scores. Started earlier, their queries and drawing would delay it.
    readiness.whenIdle(() => {
      this.#belowMayLoad = true;
      void this.#loadMap();
      void this.#loadForecasts();
    });
  }

  /** The map's data; its component holds the section too while its script loads. */
  async #loadMap(): Promise<void> {
    const done = this.#mapHeld ?? this.mapSection.begin();
    this.#mapHeld = null;
    await this.evaluation.loadMap(this.#deps.data.connector);
    await tick();
    done();
  }

  async #loadForecasts(): Promise<void> {
    const { data } = this.#deps;
    const done = this.#forecastHeld ?? this.forecastSection.begin();
    this.#forecastHeld = null;
    await this.forecasts.compute(data.connector, data.dataVersion);
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
