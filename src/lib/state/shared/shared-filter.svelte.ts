/**
 * The shared filter of all analysis views. One selection for the whole app, mirrored in
 * the URL of the view that is open: a reload, back/forward and a shared link restore it,
 * and moving from Verkennen to Tijden keeps it. Views read `sharedFilter.query` and
 * recompute when it changes.
 */
import { untrack } from 'svelte';
import { DEFAULT_DAGDELEN, type Dagdeel } from '$lib/analysis/dagdelen';
import type { Connector } from '$lib/data/connector';
import {
  buildAreaListQuery,
  buildDataPeriodQuery,
  buildFilterValuesQuery,
  buildGemeenteListQuery,
  type FilterValueRow,
} from '$lib/data/queries/filter-options';
import {
  EMPTY_SELECTION,
  parseFilterSelection,
  toRecordFilter,
  writeFilterSelection,
  type FilterSelection,
} from './filter-url';
import { pathWithParams, type UrlAccess } from './url-access';
import { upgradeLegacyParams } from './url-keys';

/** The loaded data a model follows: its engine and the version that changes on every load. */
export interface DataSource {
  readonly status: string;
  readonly dataVersion: number;
  readonly connector: Connector;
}

/** The readiness signal (readiness.svelte.ts), as far as models use it. */
export interface ReadinessSignal {
  begin(): () => void;
  whenIdle(work: () => void): void;
}

export interface SharedFilterDeps {
  url: UrlAccess;
  data: DataSource;
  readiness: ReadinessSignal;
}

export interface AreaOption {
  level: 'wijk' | 'buurt';
  code: string;
  name: string;
  parent: string | null;
}

export interface GemeenteOption {
  code: string;
  /** The boundary's name; null when no boundary of it is loaded. */
  name: string | null;
}

export interface FilterOptions {
  period: { first: string | null; last: string | null };
  values: Record<FilterValueRow['field'], { value: string; n: number }[]>;
  areas: AreaOption[];
  /** The gemeenten the records hold: more than one only in a region's data. */
  gemeenten: GemeenteOption[];
}

function sameSelection(a: FilterSelection, b: FilterSelection): boolean {
  const params = new URLSearchParams();
  return writeFilterSelection(params, a).toString() === writeFilterSelection(params, b).toString();
}

export class SharedFilter {
  selection = $state.raw<FilterSelection>(EMPTY_SELECTION);
  dagdelen = $state.raw<readonly Dagdeel[]>(DEFAULT_DAGDELEN);
  options = $state.raw<FilterOptions | null>(null);
  /** Tables and SQL filter of the selection (record-filter.ts). */
  readonly query = $derived(toRecordFilter(this.selection, this.dagdelen));
  /** Names of the wijken, buurten and gemeenten by code (gemeenten without a boundary: none). */
  readonly areaNames = $derived(
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- rebuilt whole by $derived, never mutated
    new Map([
      ...(this.options?.areas ?? []).map((a): [string, string] => [a.code, a.name]),
      ...(this.options?.gemeenten ?? []).flatMap((g): [string, string][] =>
        g.name ? [[g.code, g.name]] : [],
      ),
    ]),
  );
  #optionsVersion = -1;

  #urlPending = false;
  readonly #deps: SharedFilterDeps;

  constructor(deps: SharedFilterDeps) {
    this.#deps = deps;
  }

  /**
   * Changes the selection and puts it in the URL (a history entry, so Back undoes it). The
   * views react to the selection at once; the URL follows once they have drawn the result.
   * The router's work for a URL change (15–40 ms of main thread on a slow PC) would
   * otherwise compete with handling the database's answer. Changes made before the URL
   * was written share one history entry. Until then the selection runs ahead of the URL:
   * links that change the view's own settings take it from `currentParams()`.
   */
  set(next: FilterSelection): void {
    if (sameSelection(next, this.selection)) return;
    this.selection = next;
    if (this.#urlPending) return;
    this.#urlPending = true;
    // One task later the views have started their work, so "idle" means it is drawn.
    setTimeout(() => this.#deps.readiness.whenIdle(() => this.#writeUrl()), 0);
  }

  #writeUrl(): void {
    this.#urlPending = false;
    const { url } = this.#deps.url;
    const target = pathWithParams(url, this.currentParams());
    if (target === `${url.pathname}${url.search}`) return;
    this.#deps.url.navigate(target);
  }

  /** An old link (url-keys.ts) gets today's keys in the address bar once the view is drawn. */
  #rewriteLegacy(params: URLSearchParams): void {
    const upgraded = upgradeLegacyParams(params);
    if (!upgraded) return;
    const { url, readiness } = this.#deps;
    readiness.whenIdle(() => {
      if (url.url.searchParams.toString() !== params.toString()) return; // moved on since
      url.navigate(pathWithParams(url.url, upgraded), { replace: true });
    });
  }

  /** The page's URL parameters with the current selection in them (it may be ahead of the URL). */
  currentParams(): URLSearchParams {
    return writeFilterSelection(this.#deps.url.url.searchParams, this.selection);
  }

  update(patch: Partial<FilterSelection>): void {
    this.set({ ...this.selection, ...patch });
  }

  clear(): void {
    this.set(EMPTY_SELECTION);
  }

  /**
   * Call from a view's $effect with the page's URL parameters: the URL is the source of
   * truth (reload, back/forward, shared links). The main navigation carries the current
   * selection along (`navQuery`), so switching views keeps it.
   */
  syncFromUrl(params: URLSearchParams): void {
    const fromUrl = parseFilterSelection(params, this.dagdelen);
    if (!sameSelection(fromUrl, this.selection)) this.selection = fromUrl;
  }

  /** The query string ('' or '?…') that carries the selection to another view. */
  get navQuery(): string {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a one-off query string, not state
    const text = writeFilterSelection(new URLSearchParams(), this.selection).toString();
    return text ? `?${text}` : '';
  }

  /**
   * For a view that follows the filter; call during component initialisation: the URL
   * drives the selection, and the panel's options reload whenever the data changes.
   */
  connect(): void {
    // Only a URL change syncs (the selection may run ahead of the URL for a moment, see set).
    const { url, data } = this.#deps;
    $effect(() => {
      const params = url.url.searchParams;
      untrack(() => {
        this.syncFromUrl(params);
        this.#rewriteLegacy(params);
      });
    });
    $effect(() => {
      if (data.status !== 'gereed') return;
      const version = data.dataVersion;
      untrack(() => void this.loadOptions(data.connector, version));
    });
  }

  async loadOptions(conn: Connector, dataVersion: number): Promise<void> {
    if (this.#optionsVersion === dataVersion && this.options) return;
    this.#optionsVersion = dataVersion;
    const [values, [period], areas, gemeenten] = await Promise.all([
      conn.query<FilterValueRow>(buildFilterValuesQuery()),
      conn.query<{ first: string | null; last: string | null }>(buildDataPeriodQuery()),
      conn.query<AreaOption>(buildAreaListQuery()),
      conn.query<GemeenteOption>(buildGemeenteListQuery()),
    ]);
    const grouped: FilterOptions['values'] = { theme: [], category: [], outcome: [] };
    for (const row of values) grouped[row.field].push({ value: row.value, n: row.n });
    this.options = {
      period: period ?? { first: null, last: null },
      values: grouped,
      areas,
      gemeenten,
    };
  }
}
