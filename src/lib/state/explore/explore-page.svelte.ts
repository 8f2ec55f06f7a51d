/**
 * The coordinator of the Verkennen view: reads the view (layers, settings, map position)
 * and the shared filter from the URL, keeps the layer, chart, hotspot and drill-down
 * models computing for them, and turns map clicks into filter changes and drill-downs.
 * The page only composes; `connect()` is called once while it initialises.
 */
import { errorText } from '$lib/data/engine-errors';
import { untrack } from 'svelte';
import type { PickingInfo } from '@deck.gl/core';
import { basemapToShow, readPdokConsent, storePdokConsent } from '$lib/display/pdok';
import { getBaseMap, type BaseMap } from '../shared/base-map.svelte';
import { DrilldownModel } from './drilldown.svelte';
import { ExploreChartsModel } from './explore-charts.svelte';
import { ExploreInteraction } from './explore-interaction.svelte';
import { ExploreLayersModel } from './explore-layers.svelte';
import {
  parseExploreView,
  sameMapView,
  writeExploreView,
  type ExploreView,
  type MapViewState,
} from './explore-url';
import type { PageDeps } from '../shared/page-deps';
import type { DataSource, SharedFilter } from '../shared/shared-filter.svelte';
import { setView, type UrlAccess } from '../shared/url-access';
import { HotspotModel, hotspotTables } from './hotspots.svelte';

export class ExplorePage {
  readonly #deps: PageDeps;
  readonly layers = new ExploreLayersModel();
  readonly charts: ExploreChartsModel;
  readonly hotspots: HotspotModel;
  readonly drilldown = new DrilldownModel();
  readonly interaction = new ExploreInteraction(this.drilldown);
  baseMap = $state.raw<BaseMap | null>(null);
  loadError = $state<string | null>(null);
  pdokFailed = $state(false);
  /** This browser's consent to the online PDOK basemap (display/pdok.ts). */
  pdokConsent = $state(readPdokConsent());
  /** PDOK was asked for with the checkbox in this tab, not by the link that opened it. */
  pdokAskedHere = $state(false);
  drawing = $state(false);
  /** The visible lon/lat box, for "Kaartbeeld als gebied" and the points around the view. */
  visibleBox = $state.raw<[number, number, number, number] | null>(null);

  // The URL is the source of truth for the view and the filter (reload, back/forward, links).
  readonly view = $derived(parseExploreView(this.#url.url.searchParams));
  readonly query = $derived(this.#filter.query);
  readonly selection = $derived(this.#filter.selection);
  readonly ready = $derived(this.#data.status === 'gereed');
  readonly period = $derived(this.#filter.options?.period);
  /** PDOK only with consent; a link or the checkbox without it asks first. */
  readonly basemap = $derived(basemapToShow(this.view.basemap, this.pdokConsent));

  constructor(deps: PageDeps) {
    this.#deps = deps;
    this.charts = new ExploreChartsModel(deps.readiness);
    this.hotspots = new HotspotModel(deps.readiness);
  }

  // Getters, not fields: the derived values above read them only once they are used.
  get #url(): UrlAccess {
    return this.#deps.url;
  }
  get #filter(): SharedFilter {
    return this.#deps.filter;
  }
  get #data(): DataSource {
    return this.#deps.data;
  }

  /** Wires the models to the URL and the data; call during component initialisation. */
  connect(): void {
    this.#filter.connect();
    $effect(() => {
      if (!this.ready) return;
      const conn = this.#data.connector;
      void this.#data.dataVersion;
      untrack(() => {
        getBaseMap(conn).then(
          (map) => (this.baseMap = map),
          (error: unknown) => (this.loadError = errorText(error)),
        );
      });
    });
    $effect(() => {
      if (!this.ready) return;
      const inputs = {
        view: this.view,
        tables: this.query.tables,
        filter: this.query.filter,
        dataVersion: this.#data.dataVersion,
        viewport: this.visibleBox,
      };
      untrack(() => this.layers.refresh(this.#data.connector, inputs));
    });
    $effect(() => {
      if (!this.ready) return;
      const view = this.view;
      const settings = {
        tables: this.query.tables,
        filter: this.query.filter,
        size: view.cell,
        neighbourhood: view.neighbourhood,
        dataVersion: this.#data.dataVersion,
      };
      const period = this.period;
      untrack(() => {
        if (view.layers.includes('hotspots'))
          void this.hotspots.compute(this.#data.connector, settings);
        if (view.layers.includes('opkomend') && period?.first && period.last) {
          void this.hotspots.computeEmerging(this.#data.connector, {
            ...settings,
            step: view.step,
            period: { first: period.first, last: period.last },
          });
        }
      });
    });
    $effect(() => {
      const period = this.period;
      if (!this.ready || !period?.first || !period.last) return;
      const inputs = {
        tables: this.query.tables,
        filter: this.query.filter,
        period: { first: period.first, last: period.last },
        dataVersion: this.#data.dataVersion,
      };
      untrack(() => void this.charts.refresh(this.#data.connector, inputs));
    });
  }

  setView(patch: Partial<ExploreView>, replace = false): void {
    if (patch.basemap === 'pdok') this.pdokAskedHere = true;
    const params = writeExploreView(this.#filter.currentParams(), { ...this.view, ...patch });
    setView(this.#deps.url, params, { replace });
  }

  /** The user confirmed the online basemap: remembered in this browser, PDOK requested. */
  allowPdok(): void {
    storePdokConsent(true);
    this.pdokConsent = true;
  }

  /** The user declined it: the view (and the URL) goes back to the offline map. */
  stayOffline(): void {
    this.setView({ basemap: 'offline' }, true);
  }

  /** Withdraws this browser's consent; the offline map returns and a later link asks again. */
  revokePdok(): void {
    storePdokConsent(false);
    this.pdokConsent = false;
    if (this.view.basemap === 'pdok') this.setView({ basemap: 'offline' });
  }

  /** After the map moved: the position goes into the URL without a history entry. */
  moved(camera: MapViewState): void {
    if (!sameMapView(camera, this.view.map)) this.setView({ map: camera }, true);
  }

  /** The map's visible box, after loading and after every move. */
  bounds(box: [number, number, number, number]): void {
    const old = this.visibleBox;
    if (!old || box.some((v, i) => Math.abs(v - old[i]) > 1e-9)) this.visibleBox = box;
  }

  useVisibleAreaAsFilter(): void {
    if (this.visibleBox) this.#filter.update({ bbox: this.visibleBox });
  }

  drawn(bbox: [number, number, number, number]): void {
    this.drawing = false;
    this.#filter.update({ bbox });
  }

  setPeriod(from: string | null, to: string | null): void {
    this.#filter.update({ from, to });
  }

  toggleTheme(theme: string): void {
    const themes = this.selection.themes;
    this.#filter.update({
      themes: themes.includes(theme) ? themes.filter((t) => t !== theme) : [...themes, theme],
    });
  }

  click(info: PickingInfo): void {
    if (!this.ready) return;
    const area = this.interaction.click(this.#data.connector, info, {
      tables: this.query.tables,
      filter: this.query.filter,
      dagdelen: this.#filter.dagdelen,
      hotspotTables: hotspotTables(this.query.tables),
      cell: this.view.cell,
      points: this.layers.points,
      density: this.layers.pointDensity,
      dataVersion: this.#data.dataVersion,
      areaLevel: this.view.areaLevel,
    });
    if (area) {
      // Clicking the selected wijk again deselects it.
      const field = area.level === 'wijk' ? 'wijken' : 'buurten';
      const current = this.selection[field];
      const on = current.length === 1 && current[0] === area.code;
      this.#filter.update({ [field]: on ? [] : [area.code] });
    }
  }

  hover(info: PickingInfo): void {
    if (!this.ready) return;
    this.interaction.hover(
      this.#data.connector,
      info,
      this.layers.points,
      this.view.measure,
      this.layers.pointDensity,
    );
  }

  goToPage(n: number): void {
    if (this.ready) void this.drilldown.goTo(this.#data.connector, n);
  }
}
