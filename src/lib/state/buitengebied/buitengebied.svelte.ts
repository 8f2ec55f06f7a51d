/**
 * The Buitengebied view's model: buildings and signals from DuckDB, the risk ranking
 * (recomputed in TypeScript whenever a weight changes), filters, the building whose
 * explanation and Informatiecheck are open, the route selection, and recording a schouw.
 * Weights and schouw roles are saved with the workspace settings (they survive reloads).
 */
import { formatLocalTimestamp, utcToLocal } from '$lib/analysis/local-time';
import type { RiskSettings } from '$lib/analysis/risk-score';
import { planRoute, type RoutePlan } from '$lib/analysis/route';
import type { Connector } from '$lib/data/connector';
import { buildInsertSchouwQuery, type BuildingRow } from '$lib/data/queries/buitengebied';
import { getBaseMap, type BaseMap } from '../shared/base-map.svelte';
import { Latest, type ReadinessBegin } from '../shared/latest';
import type { WorkspaceStore } from '../shared/page-deps';
import {
  latestSchouwByBuilding,
  readBuitengebiedPrefs,
  type BuitengebiedPrefs,
} from './buitengebied-prefs';
import {
  explainBuilding,
  loadBuitengebiedData,
  planePoint,
  rankBuildings,
  type BuitengebiedData,
} from './buitengebied-data';

export type StatusFilter = '' | 'leegstaand' | 'in gebruik';

export interface RouteStart {
  lon: number;
  lat: number;
  label: string;
}

export interface PlannedRoute {
  start: RouteStart;
  stops: BuildingRow[];
  plan: RoutePlan;
}

const VIEW_KEY = 'buitengebied';

export interface BuitengebiedDeps {
  /** The data, and the workspace settings the weights and roles are saved with. */
  store: Pick<WorkspaceStore, 'settings' | 'commitChange'>;
  readiness: ReadinessBegin;
  /** The offline base map (the app's shared one by default). */
  baseMap?: (conn: Connector) => Promise<BaseMap>;
}

export class BuitengebiedModel {
  data = $state.raw<BuitengebiedData | null>(null);
  baseMap = $state.raw<BaseMap | null>(null);
  error = $state<string | null>(null);
  prefs = $state<BuitengebiedPrefs>(readBuitengebiedPrefs(undefined));
  statusFilter = $state<StatusFilter>('leegstaand');
  /** A wijk or buurt code; '' for the whole municipality. */
  areaFilter = $state('');
  /** The building whose explanation (and sheet) is shown. */
  selectedId = $state<string | null>(null);
  sheetOpen = $state(false);
  /** Buildings chosen for today's route. */
  routeIds = $state<string[]>([]);
  routeStart = $state<RouteStart | null>(null);
  saving = $state(false);
  /** What the map's colours show: risk class (default) or the last schouw. */
  colouring = $state<'risico' | 'schouw'>('risico');

  ranked = $derived(this.data ? rankBuildings(this.data, this.prefs.risk) : []);
  visible = $derived(
    this.ranked.filter(
      (r) =>
        (!this.statusFilter || r.building.status === this.statusFilter) &&
        (!this.areaFilter ||
          r.building.wijkcode === this.areaFilter ||
          r.building.buurtcode === this.areaFilter),
    ),
  );
  /** The wijken and buurten that hold buildings, by name: [code, name][]. */
  areas = $derived.by(() => {
    const wijken: Record<string, string> = {};
    const buurten: Record<string, string> = {};
    for (const b of this.data?.buildings ?? []) {
      if (b.wijkcode) wijken[b.wijkcode] = b.wijk_name ?? b.wijkcode;
      if (b.buurtcode) buurten[b.buurtcode] = b.buurt_name ?? b.buurtcode;
    }
    const sorted = (names: Record<string, string>) =>
      Object.entries(names).sort((a, b) => a[1].localeCompare(b[1], 'nl'));
    return { wijken: sorted(wijken), buurten: sorted(buurten) };
  });
  schouwHistory = $derived(latestSchouwByBuilding(this.data?.schouw ?? []));
  selected = $derived(this.ranked.find((r) => r.building.id === this.selectedId) ?? null);
  /** The selected building's score, signal by signal (largest first). */
  explanation = $derived(
    this.data && this.selectedId
      ? explainBuilding(this.data, this.prefs.risk, this.selectedId)
      : [],
  );
  route = $derived.by((): PlannedRoute | null => {
    if (!this.data || !this.routeStart || this.routeIds.length === 0) return null;
    const stops = this.routeIds
      .map((id) => this.data!.buildings.find((b) => b.id === id))
      .filter((b): b is BuildingRow => !!b);
    const plan = planRoute(
      planePoint(this.routeStart.lon, this.routeStart.lat),
      stops.map((b) => planePoint(b.lon, b.lat)),
    );
    return { start: this.routeStart, stops, plan };
  });
  readonly #store: BuitengebiedDeps['store'];
  readonly #baseMap: (conn: Connector) => Promise<BaseMap>;
  readonly #latest: Latest;

  constructor(deps: BuitengebiedDeps) {
    this.#store = deps.store;
    this.#baseMap = deps.baseMap ?? getBaseMap;
    this.#latest = new Latest(deps.readiness);
  }

  /** Loads the buildings, signals and saved weights of `dataVersion` (once per version). */
  load(conn: Connector, dataVersion: number): Promise<void> {
    return this.#latest.run(
      dataVersion,
      async (current) => {
        this.prefs = readBuitengebiedPrefs(this.#store.settings.views?.[VIEW_KEY]);
        const [baseMap, data] = await Promise.all([
          this.#baseMap(conn),
          loadBuitengebiedData(conn),
        ]);
        if (!current()) return;
        this.data = data;
        this.baseMap = baseMap;
        this.selectedId ??= this.ranked[0]?.building.id ?? null;
        this.error = null;
      },
      (message) => (this.error = message),
    );
  }

  setRisk(next: RiskSettings): void {
    this.prefs = { ...this.prefs, risk: next };
  }

  toggleRoute(id: string): void {
    this.routeIds = this.routeIds.includes(id)
      ? this.routeIds.filter((x) => x !== id)
      : [...this.routeIds, id];
  }

  /**
   * Saves weights and roles with the workspace (IndexedDB), after `change` (a change of the
   * data saved with them); throws when they could not be saved.
   */
  async savePrefs(change: () => Promise<void> = async () => undefined): Promise<void> {
    const store = this.#store;
    const { saveError } = await store.commitChange(async () => {
      await change();
      // Roles of schouwen another tab saved meanwhile stay next to this tab's.
      const stored = readBuitengebiedPrefs(store.settings.views?.[VIEW_KEY]);
      this.prefs = { ...this.prefs, roles: { ...stored.roles, ...this.prefs.roles } };
      store.settings = {
        ...store.settings,
        views: { ...store.settings.views, [VIEW_KEY]: $state.snapshot(this.prefs) },
      };
    });
    if (saveError) throw saveError;
  }

  /** Inserts the schouw as a visit row, keeps the role in the settings, saves both. */
  async recordSchouw(
    conn: Connector,
    buildingId: string,
    input: { date: string; outcome: string; role: string },
  ): Promise<void> {
    this.saving = true;
    try {
      const id = `SCHOUW-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
      const time = formatLocalTimestamp(utcToLocal(Date.now())).slice(11);
      // One change: data and settings are saved together; dataVersion reloads the views.
      await this.savePrefs(async () => {
        await conn.query(
          buildInsertSchouwQuery({
            id,
            buildingId,
            startedAt: `${input.date} ${time}`,
            outcome: input.outcome,
          }),
        );
        this.prefs = { ...this.prefs, roles: { ...this.prefs.roles, [id]: input.role } };
      });
    } finally {
      this.saving = false;
    }
  }
}

/** Today's local date as 'YYYY-MM-DD', the default date of a new schouw. */
export function todayLocal(): string {
  return formatLocalTimestamp(utcToLocal(Date.now())).slice(0, 10);
}
