/**
 * The coordinator of the Briefing view: its settings from the URL (briefing-url.ts), the
 * slides computed from the database or, while the engine starts, from the published files,
 * the coordinator's notes, and the readiness signal and benchmark marks around the maps.
 * Keyboard and fullscreen stay with the page (they are the DOM's).
 */
import { untrack } from 'svelte';
import { createIndexedDbForecastStore, type ForecastStore } from '$lib/data/forecast-store';
import type { DataOrigin, DatasetInfo } from '../app/app-data.svelte';
import { datasetLabel } from '../shared/dataset-label';
import type { PageDeps } from '../shared/page-deps';
import type { DataSource } from '../shared/shared-filter.svelte';
import { setView } from '../shared/url-access';
import { BriefingModel, type BriefingSettings } from './briefing.svelte';
import { connectorBriefingSource, type BriefingSource } from './briefing-sources';
import { parseBriefingView, writeBriefingView } from './briefing-url';
import { ForecastTrackModel } from './forecast-track.svelte';

/** The app data the briefing needs besides the engine: the files it may start from. */
export interface BriefingData extends DataSource {
  readonly dataKey: string;
  readonly earlyBriefing: BriefingSource | null;
  /** Lets an engine held back for the briefing start. */
  releaseEngine(): void;
  /** What the data are, for the forecasts stored with each briefing (dataset-label.ts). */
  readonly origin: DataOrigin;
  readonly dataset: DatasetInfo | null;
  readonly municipality: string | null;
}

/** Timing marks for the benchmark: the first slides on the page, the first maps drawn. */
function markOnce(name: string): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}

/** After the frame that shows what was just rendered (a hidden tab draws none: a timer). */
function afterFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function' || document.visibilityState !== 'visible') {
      setTimeout(resolve, 0);
    } else requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

export class BriefingPage {
  readonly model: BriefingModel;
  /** How the expected hotspots of the weeks before came out (the verwacht slide's line). */
  readonly track: ForecastTrackModel;
  readonly #deps: PageDeps & { data: BriefingData };
  // The URL holds the briefing's settings (reload, shared link); without a date the
  // briefing is for the next dagdeel from now.
  readonly view = $derived(parseBriefingView(this.#url().searchParams, this.#defaultMoment()));
  /** The database once it is ready; before that, on a published dataset, its files. */
  readonly source = $derived(this.#source());
  /** The slides being computed (or shown): the forecast line waits for them. */
  #slidesDone: Promise<void> = Promise.resolve();
  #trackRun = 0;
  #mapsPending: (() => void) | null = null;
  #mapsLeft = 0;
  #saveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    deps: PageDeps & { data: BriefingData },
    forecasts: ForecastStore = createIndexedDbForecastStore(),
  ) {
    this.#deps = deps;
    const { data } = deps;
    this.model = new BriefingModel({
      readiness: deps.readiness,
      forecasts,
      dataLabel: () => datasetLabel(data.origin, data.dataset, data.municipality),
    });
    this.track = new ForecastTrackModel({ readiness: deps.readiness, store: forecasts });
  }

  #url(): URL {
    return this.#deps.url.url;
  }
  #defaultMoment() {
    return this.model.defaultMoment();
  }
  #source(): BriefingSource | null {
    const { data } = this.#deps;
    return data.status === 'gereed'
      ? connectorBriefingSource(data.connector, data.dataKey)
      : data.earlyBriefing;
  }

  /** Wires the model to the URL and the data; call during component initialisation. */
  connect(): void {
    const { model } = this;
    // Marked after the frame that shows the slides, in the first task after it: scheduled
    // before the slides' DOM is made, so ahead of the maps, which are created in a task after
    // that same frame (map-action.ts) and would otherwise delay the mark by their start.
    $effect.pre(() => {
      if (!model.slides) return;
      requestAnimationFrame(() => setTimeout(() => markOnce('briefing.shown'), 0));
    });
    // Ready only when both maps have drawn the current slides.
    $effect(() => {
      if (!model.slides) return;
      untrack(() => {
        this.#mapsPending?.();
        this.#mapsPending = this.#deps.readiness.begin();
        this.#mapsLeft = 2;
      });
    });
    // The coordinator's notes for this briefing load from this browser while the data is on
    // its way.
    $effect(() => {
      const settings = this.view;
      untrack(() => model.preloadPrep(settings));
    });
    $effect(() => {
      const settings = this.view;
      const from = this.source;
      if (!from) return;
      untrack(() => {
        model.settings = { ...settings };
        this.#slidesDone = model.compute(from);
      });
    });
    // The track record needs the database: it follows once the engine has the data, and
    // after the slides are painted (a switch of dagdeel shows the slides first).
    $effect(() => {
      const { date, dagdeel, weeks } = this.view;
      const { data } = this.#deps;
      if (data.status !== 'gereed') return;
      const request = {
        conn: data.connector,
        dataKey: data.dataKey,
        dataVersion: data.dataVersion,
        moment: model.momentOf({ date, dagdeel }),
        weeks,
      };
      untrack(() => {
        const done = this.#deps.readiness.begin();
        const run = ++this.#trackRun;
        void this.#slidesDone
          .then(afterFrame)
          .then(() => (run === this.#trackRun ? this.track.compute(request) : undefined))
          .finally(done);
      });
    });
    // A briefing that cannot be made from the files needs the engine after all.
    $effect(() => {
      if (model.error) this.#deps.data.releaseEngine();
    });
  }

  /** One of the slides' maps has drawn. */
  mapRendered(): void {
    this.#mapsLeft--;
    if (this.#mapsLeft <= 0) {
      this.#mapsPending?.();
      this.#mapsPending = null;
      markOnce('briefing.drawn');
      this.#deps.data.releaseEngine();
    }
  }

  /** Other settings: the URL is replaced (the briefing's history is not the user's). */
  setView(next: Partial<BriefingSettings>): void {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a one-off query string, not state
    const params = writeBriefingView(new URLSearchParams(), { ...this.view, ...next });
    setView(this.#deps.url, params, { replace: true });
  }

  editNotes(notes: string): void {
    this.model.notes = notes;
    this.model.notesSaved = false;
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.model.savePrep(), 400);
  }

  async editFocus(themes: string[]): Promise<void> {
    this.model.focusThemes = themes;
    await this.model.savePrep();
    if (this.source) await this.model.compute(this.source, { force: true });
  }
}
