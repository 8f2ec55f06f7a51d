/**
 * The briefing's model (issue 7): the chosen date and dagdeel (default: the next dagdeel
 * from "now", which is injectable for tests), the settings of each slide, the computed
 * slides, and the coordinator's notes kept per briefing in this browser.
 */
import { errorText } from '$lib/data/engine-errors';
import {
  DEFAULT_DAGDELEN,
  dateToLocalMs,
  formatDate,
  historyWindow,
  momentStart,
  nextDagdeel,
  recentWindow,
  type BriefingMoment,
  type Dagdeel,
} from '$lib/analysis/briefing';
import {
  briefingKey,
  createIndexedDbBriefingPrepStore,
  type BriefingPrepStore,
} from '$lib/data/briefing-notes-store';
import { createIndexedDbForecastStore, type ForecastStore } from '$lib/data/forecast-store';
import type { BaseMap } from '../shared/base-map.svelte';
import type { BriefingSource, BuurtShape } from './briefing-sources';
import {
  CELL_SIZE,
  composeExpected,
  composeFocus,
  composeRecent,
  composeSchouw,
  describeMoment,
  describePeriod,
  type ExpectedSlide,
  type FocusSlide,
  type RecentSlide,
  type SchouwSlide,
} from './briefing-slides';
import { forecastToStore } from './forecast-line';
import type { ReadinessBegin } from '../shared/latest';
import { buildHexStudy, type HexStudy } from '$lib/analysis/hotspot-study';

export interface BriefingSettings {
  date: string;
  dagdeel: string;
  /** Weeks of history for the expected hotspots. */
  weeks: number;
  /** Hours looked back on the "since the last briefing" slide. */
  recentHours: number;
  /** Days after which a vacant building is due a schouw again. */
  schouwDays: number;
}

export const WEEK_CHOICES = [4, 6, 8, 12];
export const RECENT_CHOICES = [24, 72];
export const SCHOUW_CHOICES = [30, 90, 180];

export type { BuurtShape } from './briefing-sources';

export interface BriefingSlides {
  title: string;
  period: string;
  focus: FocusSlide;
  expected: ExpectedSlide;
  recent: RecentSlide;
  schouw: SchouwSlide;
  baseMap: BaseMap;
  buurten: BuurtShape[];
}

/** The browser's wall-clock reading as local epoch ms (the app assumes Dutch local time). */
export function localNow(now: Date): number {
  return Date.UTC(
    now.getFullYear(),
    now.getMonth(),
    now.getDate(),
    now.getHours(),
    now.getMinutes(),
  );
}

export class BriefingModel {
  dagdelen: readonly Dagdeel[] = DEFAULT_DAGDELEN;
  settings = $state<BriefingSettings>({
    date: '',
    dagdeel: 'avond',
    weeks: 6,
    recentHours: 24,
    schouwDays: 90,
  });
  slides = $state.raw<BriefingSlides | null>(null);
  error = $state<string | null>(null);
  /** Last date with incidents or meldingen ('YYYY-MM-DD'), for the "data ends" notice. */
  dataEnd = $state<string | null>(null);
  notes = $state('');
  focusThemes = $state<string[]>([]);
  notesSaved = $state(true);
  #store: BriefingPrepStore;
  #forecasts: ForecastStore;
  #dataLabel: () => string;
  /** The last forecast being stored (tests wait for it). */
  #storing: Promise<void> = Promise.resolve();
  #now: () => Date;
  #loadedKey = '';
  #prepLoading: { key: string; done: Promise<void> } | null = null;
  #run = 0;
  /** The hot spot study grid of the briefing's cells, built once per set of buurten. */
  #study: { buurten: readonly BuurtShape[]; study: HexStudy | null } | null = null;

  readonly #readiness: ReadinessBegin;

  /**
   * `readiness`: the signal held while slides are computed (shared/readiness.svelte.ts);
   * `forecasts`: where each briefing's expected hotspots are kept, with `dataLabel`, the
   * data they came from in words.
   */
  constructor(options: {
    readiness: ReadinessBegin;
    now?: () => Date;
    store?: BriefingPrepStore;
    forecasts?: ForecastStore;
    dataLabel?: () => string;
  }) {
    this.#readiness = options.readiness;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once per use, never observed
    this.#now = options.now ?? (() => new Date());
    this.#store = options.store ?? createIndexedDbBriefingPrepStore();
    this.#forecasts = options.forecasts ?? createIndexedDbForecastStore();
    this.#dataLabel = options.dataLabel ?? (() => '');
  }

  /** The default briefing: the next dagdeel from now. */
  defaultMoment(): BriefingMoment {
    return nextDagdeel(localNow(this.#now()), this.dagdelen);
  }

  get moment(): BriefingMoment {
    return this.momentOf(this.settings);
  }

  momentOf(settings: Pick<BriefingSettings, 'date' | 'dagdeel'>): BriefingMoment {
    const dagdeel = this.dagdelen.find((d) => d.id === settings.dagdeel) ?? this.dagdelen[0];
    return { date: settings.date, dagdeel };
  }

  /**
   * Starts loading the notes and focus themes kept for this briefing (IndexedDB, which a
   * new browser profile takes a few hundred milliseconds to open) while the data is still
   * on its way; compute then finds them loaded or loading.
   */
  preloadPrep(settings: Pick<BriefingSettings, 'date' | 'dagdeel'>): void {
    void this.#loadPrep(this.momentOf(settings));
  }

  /** True when the chosen date lies after the last day with data. */
  get pastData(): boolean {
    return this.dataEnd !== null && this.settings.date > this.dataEnd;
  }

  /** The data and settings of the slides shown (or being computed), and that computation. */
  #current: { key: string; done: Promise<void> } | null = null;

  /**
   * Computes the slides from `source`. The same data (source key) and settings as the slides
   * already shown or being computed do nothing, unless `force` (the focus themes changed):
   * when the engine takes over from the published files, the briefing stays as it is.
   */
  compute(source: BriefingSource, options: { force?: boolean } = {}): Promise<void> {
    const key = `${source.key}|${JSON.stringify(this.settings)}`;
    if (!options.force && this.#current?.key === key) return this.#current.done;
    const current = { key, done: this.#compute(source) };
    this.#current = current;
    void current.done.then(() => {
      // A failed computation is tried again on the next call.
      if (this.error !== null && this.#current === current) this.#current = null;
    });
    return current.done;
  }

  async #compute(source: BriefingSource): Promise<void> {
    const run = ++this.#run;
    const done = this.#readiness.begin();
    const started = performance.now();
    try {
      const moment = this.moment;
      const s = this.settings;
      const start = momentStart(moment);
      const window = historyWindow(moment, s.weeks);
      const [data] = await Promise.all([
        source.read({
          history: window,
          recent: recentWindow(moment, s.recentHours),
          watch: recentWindow(moment, 7 * 24),
          at: recentWindow(moment, 0).to,
        }),
        this.#loadPrep(moment),
      ]);
      if (run !== this.#run) return;
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup, never observed
      const nameMap = new Map(data.names.map((n) => [n.code, n.name ?? n.code]));
      const study = this.#studyOf(data.buurten);
      this.dataEnd = data.last !== null ? formatDate(data.last) : null;
      this.slides = {
        title: describeMoment(moment, dateToLocalMs(moment.date)),
        period: describePeriod(moment, dateToLocalMs(moment.date)),
        focus: composeFocus(data.history, this.focusThemes, data.watch, window, study),
        expected: composeExpected(data.history, window, nameMap, this.focusThemes, study),
        recent: composeRecent(data.groups, s.recentHours, nameMap),
        schouw: composeSchouw(data.schouw, start, s.schouwDays, nameMap),
        baseMap: data.baseMap,
        buurten: data.buurten,
      };
      this.error = null;
      this.#storeForecast(moment, this.slides.expected, s.weeks);
      performance.measure('briefing.compute', { start: started });
    } catch (error) {
      if (run === this.#run) this.error = errorText(error);
    } finally {
      done();
    }
  }

  /**
   * Keeps the expected hotspots shown for a dagdeel still to come, in the background (a
   * store that fails costs the score of this briefing, never the briefing).
   */
  #storeForecast(moment: BriefingMoment, expected: ExpectedSlide, weeks: number): void {
    const now = this.#now();
    const forecast = forecastToStore(
      moment,
      expected.areas.map((a) => a.cell),
      {
        nowLocalMs: localNow(now),
        size: CELL_SIZE,
        weeks,
        data: this.#dataLabel(),
        storedAt: now.toISOString(),
      },
    );
    if (!forecast) return;
    this.#storing = this.#storing.then(() => this.#forecasts.save(forecast)).catch(() => undefined);
  }

  /** Settles when the forecasts of the briefings shown so far are stored. */
  whenStored(): Promise<void> {
    return this.#storing;
  }

  #studyOf(buurten: readonly BuurtShape[]): HexStudy | null {
    if (this.#study?.buurten !== buurten) {
      const study = buurten.length
        ? buildHexStudy(
            buurten.map((b) => b.polygons),
            CELL_SIZE,
            { rings: 1 },
          )
        : null;
      this.#study = { buurten, study };
    }
    return this.#study.study;
  }

  /** The briefing's notes and focus themes, loaded once per briefing (one load in flight). */
  #loadPrep(moment: BriefingMoment): Promise<void> {
    const key = briefingKey(moment.date, moment.dagdeel.id);
    if (key === this.#loadedKey) return Promise.resolve();
    if (this.#prepLoading?.key === key) return this.#prepLoading.done;
    const done = this.#store
      .load(key)
      .catch(() => null)
      .then((prep) => {
        if (this.#prepLoading?.key !== key) return; // another briefing was asked for since
        this.#prepLoading = null;
        this.#loadedKey = key;
        this.notes = prep?.notes ?? '';
        this.focusThemes = prep?.focusThemes ?? [];
        this.notesSaved = true;
      });
    this.#prepLoading = { key, done };
    return done;
  }

  /** Saves notes and focus themes with the briefing they were loaded for (not a date chosen
   * since, should a delayed save arrive after the change). */
  async savePrep(): Promise<void> {
    if (!this.#loadedKey) return;
    await this.#store.save(this.#loadedKey, {
      notes: this.notes,
      focusThemes: [...this.focusThemes],
      savedAt: this.#now().toISOString(),
    });
    this.notesSaved = true;
  }
}
