/**
 * Intervention evaluation: which area (an intervention's polygon or a whole wijk), which
 * theme, before and after periods, buffer width and control area; the records of the
 * theme are loaded once per theme and sorted into target, buffer and control in
 * TypeScript, so moving the buffer or the periods answers at once.
 */
import { errorText } from '$lib/data/engine-errors';
import {
  computeDisplacement,
  type DisplacementNotComputable,
  type DisplacementResult,
} from '$lib/analysis/displacement';
import {
  countZones,
  previousPeriod,
  type AreaGeometry,
  type Period,
  type ZoneCounts,
  type ZoneRecord,
} from '$lib/analysis/intervention-zones';
import type { ZoneArea } from '$lib/analysis/zone-areas';
import type { Connector } from '$lib/data/connector';
import { buildAreaGeometriesQuery, type AreaGeometryRow } from '$lib/data/queries/map';
import {
  buildEvaluationRecordsQuery,
  buildEventRangeQuery,
  buildInterventionsQuery,
  type InterventionRow,
} from '$lib/data/queries/management';
import { getBaseMap, type BaseMap } from '../shared/base-map.svelte';
import type { Wijk } from './management.svelte';
import type { ManagementView } from './management-url';

export type AreaKind = 'interventie' | 'wijk';

type ZoneAreasModule = typeof import('$lib/analysis/zone-areas');

export type EvaluationRecord = ZoneRecord & { category: string | null };

/** The map of the three areas: its base map, shapes and view. */
export interface ZoneMap {
  baseMap: BaseMap;
  areas: ZoneArea[];
  bounds: [[number, number], [number, number]];
}

export interface Evaluation {
  zones: ZoneCounts;
  result: DisplacementResult | DisplacementNotComputable;
}

const ALL_TIME = { from: '1900-01-01', to: '2999-12-31' };

function addDays(date: string, days: number): string {
  return new Date(Date.parse(date + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
}

export class EvaluationModel {
  interventions = $state.raw<InterventionRow[]>([]);
  wijken = $state.raw<Wijk[]>([]);
  /** First and last date of incidents and meldingen. */
  range = $state.raw<Period | null>(null);
  areaKind = $state<AreaKind>('interventie');
  interventionId = $state('');
  wijkcode = $state('');
  /** '' = every theme. */
  theme = $state('');
  bufferM = $state(400);
  /** '' = the rest of the municipality. */
  controlWijk = $state('');
  before = $state.raw<Period>({ from: '', to: '' });
  after = $state.raw<Period>({ from: '', to: '' });
  records = $state.raw<EvaluationRecord[]>([]);
  /** Chosen categories of the theme; empty: all of them. */
  categories = $state.raw<string[]>([]);
  error = $state<string | null>(null);
  /** The offline base map and the municipality's outline, for the map of the areas. */
  baseMap = $state.raw<BaseMap | null>(null);
  municipality = $state.raw<AreaGeometry | null>(null);
  /** The shapes' geometry (Turf, some 0,3 MB of script): loaded with the map's data. */
  #zoneAreas = $state.raw<ZoneAreasModule | null>(null);
  #recordsTheme: string | null = null;

  /** `wijken` may still be loading: the interventions are asked for meanwhile. */
  async load(
    conn: Connector,
    wijkenLoading: Wijk[] | Promise<Wijk[]>,
    view: ManagementView = {},
  ): Promise<void> {
    try {
      const [interventions, [range], wijken] = await Promise.all([
        conn.query<InterventionRow>(buildInterventionsQuery()),
        conn.query<{ first: string | null; last: string | null }>(buildEventRangeQuery()),
        wijkenLoading,
      ]);
      this.interventions = interventions;
      this.wijken = wijken;
      this.range =
        range.first === null || range.last === null ? null : { from: range.first, to: range.last };
      this.#recordsTheme = null;
      if (interventions.length > 0) this.chooseIntervention(interventions[0].id);
      else if (wijken.length > 0) this.chooseWijk(wijken[0].code);
      this.#apply(view);
      await this.refresh(conn);
    } catch (error) {
      this.error = errorText(error);
    }
  }

  /**
   * The map's base and the control area "rest of the municipality", after `load` (it needs
   * the wijken); a map is extra: the figures do not wait for it.
   */
  async loadMap(conn: Connector): Promise<void> {
    try {
      const [baseMap, gemeente, zoneAreas] = await Promise.all([
        getBaseMap(conn),
        conn.query<AreaGeometryRow>(buildAreaGeometriesQuery('gemeente')),
        import('$lib/analysis/zone-areas'),
      ]);
      // An own municipality may bring wijken only: their union is then the municipality.
      const outlines = gemeente.length > 0 ? gemeente : this.wijken;
      this.municipality = zoneAreas.unionOf(
        outlines.map((a) => JSON.parse(a.geometry) as AreaGeometry),
      );
      this.#zoneAreas = zoneAreas;
      this.baseMap = baseMap;
    } catch (error) {
      console.error('Kaart van de gebieden:', error);
      this.baseMap = null;
    }
  }

  /** Settings from the URL, where they name something that exists. */
  #apply(view: ManagementView): void {
    if (view.area?.kind === 'interventie') this.chooseIntervention(view.area.id);
    if (view.area?.kind === 'wijk' && this.wijken.some((w) => w.code === view.area!.id)) {
      this.chooseWijk(view.area.id);
    }
    if (view.evaluationTheme !== undefined) this.theme = view.evaluationTheme;
    if (view.categories) this.categories = view.categories;
    if (view.bufferM !== undefined) this.bufferM = view.bufferM;
    if (view.controlWijk && this.wijken.some((w) => w.code === view.controlWijk)) {
      this.controlWijk = view.controlWijk;
    }
    if (view.before && view.after) [this.before, this.after] = [view.before, view.after];
  }

  /** Selects an intervention with its theme and its own periods (after = its run). */
  chooseIntervention(id: string): void {
    const intervention = this.interventions.find((i) => i.id === id);
    if (!intervention) return;
    this.areaKind = 'interventie';
    this.interventionId = id;
    this.theme = intervention.theme ?? '';
    const end = intervention.end_date ?? this.range?.to ?? intervention.start_date;
    this.setAfter({ from: intervention.start_date, to: end });
  }

  /** Selects a wijk as the area; periods: the last year of data against the year before. */
  chooseWijk(code: string): void {
    this.areaKind = 'wijk';
    this.wijkcode = code;
    if (this.range) this.setAfter({ from: addDays(this.range.to, -364), to: this.range.to });
  }

  /** Sets the after period and the before period of equal length just before it. */
  setAfter(after: Period): void {
    this.after = after;
    this.before = previousPeriod(after);
  }

  /** Loads the records of the chosen theme when it changed. */
  async refresh(conn: Connector): Promise<void> {
    if (this.#recordsTheme === this.theme) return;
    const theme = this.theme;
    try {
      const rows = await conn.query<EvaluationRecord>(
        buildEvaluationRecordsQuery({ theme: theme === '' ? null : theme, period: ALL_TIME }),
      );
      if (theme !== this.theme) return; // a newer choice is loading
      this.records = rows;
      this.#recordsTheme = theme;
      this.categories = this.categories.filter((c) => rows.some((r) => r.category === c));
      this.error = null;
    } catch (error) {
      this.error = errorText(error);
    }
  }

  target = $derived.by((): { name: string; geometry: AreaGeometry } | null => {
    if (this.areaKind === 'interventie') {
      const i = this.interventions.find((x) => x.id === this.interventionId);
      return i ? { name: i.name, geometry: JSON.parse(i.geometry) as AreaGeometry } : null;
    }
    const w = this.wijken.find((x) => x.code === this.wijkcode);
    return w ? { name: w.name, geometry: JSON.parse(w.geometry) as AreaGeometry } : null;
  });

  /** Target, buffer and control as shapes on the offline base map; null without one. */
  zoneMap = $derived.by((): ZoneMap | null => {
    const { target, baseMap } = this;
    const zoneAreas = this.#zoneAreas;
    if (!target || !baseMap || !zoneAreas || !(this.bufferM >= 0)) return null;
    const wijk = this.wijken.find((w) => w.code === this.controlWijk);
    const control = wijk ? (JSON.parse(wijk.geometry) as AreaGeometry) : this.municipality;
    const areas = zoneAreas.buildZoneAreas(target.geometry, this.bufferM, control);
    return { baseMap, areas, bounds: zoneAreas.zoneMapBounds(areas, Boolean(wijk)) };
  });

  /** The zone chart's marker: where the intervention (or the period after) starts. */
  startMarker = $derived.by((): { date: string; label: string } | null => {
    if (this.areaKind === 'interventie') {
      const i = this.interventions.find((x) => x.id === this.interventionId);
      return i ? { date: i.start_date, label: 'start interventie' } : null;
    }
    return this.after.from ? { date: this.after.from, label: 'begin periode erna' } : null;
  });

  /** Why the periods cannot be used, or null. */
  periodProblem = $derived.by((): string | null => {
    const { before, after } = this;
    if (!before.from || !before.to || !after.from || !after.to) return 'Kies beide periodes.';
    if (before.from > before.to || after.from > after.to) {
      return 'Een periode eindigt voor hij begint.';
    }
    if (before.to >= after.from) return 'De periode ervoor moet eindigen voor de periode erna.';
    return null;
  });

  /** The theme's categories in the records, most frequent first. */
  availableCategories = $derived.by((): { category: string; n: number }[] => {
    const counts: Record<string, number> = {};
    for (const r of this.records)
      if (r.category) counts[r.category] = (counts[r.category] ?? 0) + 1;
    return Object.entries(counts)
      .map(([category, n]) => ({ category, n }))
      .sort((a, b) => b.n - a.n || a.category.localeCompare(b.category));
  });

  evaluation = $derived.by((): Evaluation | null => {
    const target = this.target;
    if (!target || this.periodProblem || !(this.bufferM >= 0)) return null;
    const chosen = this.categories;
    const records =
      chosen.length === 0
        ? this.records
        : this.records.filter((r) => r.category !== null && chosen.includes(r.category));
    const zones = countZones(
      records,
      {
        target: target.geometry,
        bufferM: this.bufferM,
        controlWijken: this.controlWijk ? [this.controlWijk] : [],
      },
      { before: this.before, after: this.after },
    );
    return { zones, result: computeDisplacement(zones.counts) };
  });
}
