/**
 * The Management view's "Afhandeling van meldingen": the figures of handling-data.ts for
 * the view's period and theme, and the norms the user sets — one default in kalenderdagen
 * and per category its own. The norms are kept in this browser (a team settles them once)
 * and in the view's URL (a link opens the same figures); norms that come with a link are
 * used, not stored, until the user changes one.
 */
import {
  DEFAULT_NORMS,
  readNorms,
  withCategoryNorm,
  withDefaultNorm,
  type HandlingNorms,
} from '$lib/analysis/melding-handling';
import type { Connector } from '$lib/data/connector';
import { browserStorage, type ChoiceStorage } from '../shared/browser-storage';
import { Latest, type ReadinessBegin } from '../shared/latest';
import { loadHandlingFigures, type HandlingFigures, type HandlingRequest } from './handling-data';
import { keepNorms, storedNorms } from './handling-norms';

export type { HandlingFigures, HandlingRequest };

export class MeldingHandlingModel {
  norms = $state.raw<HandlingNorms>(DEFAULT_NORMS);
  figures = $state.raw<HandlingFigures | null>(null);
  error = $state<string | null>(null);
  /** True once the first figures (or an error) are in. */
  loaded = $state(false);
  readonly #latest: Latest;
  readonly #storage: ChoiceStorage | null;

  constructor(readiness: ReadinessBegin, storage: ChoiceStorage | null = browserStorage()) {
    this.#latest = new Latest(readiness);
    this.#storage = storage;
    this.norms = storedNorms(storage);
  }

  /** Norms from a link: used, not stored. */
  openNorms(norms: HandlingNorms): void {
    this.norms = readNorms(norms);
  }

  setDefaultNorm(days: number): void {
    this.#keep(withDefaultNorm(this.norms, days));
  }

  /** A category's own norm; null (or the default) gives it the default again. */
  setCategoryNorm(category: string, days: number | null): void {
    this.#keep(withCategoryNorm(this.norms, category, days));
  }

  /** The figures for the request and the current norms (the newest request wins). */
  compute(conn: Connector, dataVersion: number, request: HandlingRequest): Promise<void> {
    const norms = this.norms;
    return this.#latest.run(
      { dataVersion, request, norms },
      async (current) => {
        const figures = await loadHandlingFigures(conn, request, norms);
        if (!current()) return;
        this.figures = figures;
        this.error = null;
        this.loaded = true;
      },
      (message) => {
        this.error = message;
        this.loaded = true;
      },
    );
  }

  #keep(norms: HandlingNorms): void {
    if (JSON.stringify(norms) === JSON.stringify(this.norms)) return;
    this.norms = norms;
    keepNorms(this.#storage, norms);
  }
}
